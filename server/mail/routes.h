#pragma once

#include "core/errors.h"
#include "core/worker_pool.h"
#include "http/router.h"
#include "mail/service.h"

#include <boost/asio/awaitable.hpp>

#include <functional>

namespace ps::mail {

ApiError unsubscribe_token_invalid();

// POST /api/mail/unsubscribe?token= (one click, no login), GET/PUT
// /api/me/notification-preferences, and the development mailbox
// (GET /api/dev/mailbox, /api/dev/mailbox/{id}, /api/dev/mailbox/{id}/raw),
// which answers 404 while mails go through SMTP.
// Mail sits below accounts (whose mails it sends), so the application hands
// it the check that a request is signed in: the user's id, or ApiError 401.
using RequireUser = std::function<boost::asio::awaitable<std::int64_t>(const http::Request&)>;

void add_routes(http::Router& router, MailService& mail, RequireUser require_user,
                WorkerPool& workers);

}  // namespace ps::mail
