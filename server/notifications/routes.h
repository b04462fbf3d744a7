#pragma once

#include "accounts/auth.h"
#include "core/worker_pool.h"
#include "http/router.h"
#include "notifications/service.h"

namespace ps::notifications {

// /api/me/notifications[/unread-count|/read], /api/me/notifications/{id}/read.
void add_routes(http::Router& router, NotificationsService& notifications,
                const accounts::Authenticator& auth, WorkerPool& workers);

}  // namespace ps::notifications
