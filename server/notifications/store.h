#pragma once

#include "db/connection.h"
#include "notifications/model.h"

#include <cstdint>

namespace ps::notifications::store {

std::int64_t insert_notification(db::Connection& sql, const NewNotification& notification,
                                 std::int64_t created_at);

}  // namespace ps::notifications::store
