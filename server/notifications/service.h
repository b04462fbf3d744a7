#pragma once

#include "db/connection.h"
#include "notifications/model.h"

namespace ps::notifications {

// Adds a notification to a user's bell inside the caller's transaction: it
// exists if and only if the event that causes it commits.
std::int64_t notify(db::Connection& sql, const NewNotification& notification);

}  // namespace ps::notifications
