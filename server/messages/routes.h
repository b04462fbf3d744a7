#pragma once

#include "accounts/auth.h"
#include "core/worker_pool.h"
#include "http/rate_limiter.h"
#include "http/router.h"
#include "messages/service.h"

namespace ps::messages {

// Per sender: every message (a thread's first one included), and threads started.
struct MessageLimits {
  http::RateLimiter& messages_per_user;
  http::RateLimiter& conversations_per_user;
};

// /api/conversations, /api/conversations/{id}, /api/conversations/{id}/messages,
// /api/conversations/{id}/read, /api/me/unread-messages.
void add_routes(http::Router& router, MessagesService& messages,
                const accounts::Authenticator& auth, WorkerPool& workers, MessageLimits limits);

}  // namespace ps::messages
