#pragma once

#include "core/page.h"
#include "db/connection.h"
#include "notifications/model.h"

#include <cstdint>
#include <optional>

namespace ps::notifications::store {

std::int64_t insert_notification(db::Connection& sql, const NewNotification& notification,
                                 Millis created_at);
// Newest first.
std::vector<Notification> list(db::Connection& sql, std::int64_t user_id, bool unread_only,
                               const PageRequest& page);
long long count(db::Connection& sql, std::int64_t user_id, bool unread_only);
// Marks one of the user's notifications read (once: the first time stays);
// false when the user has no such notification.
bool mark_read(db::Connection& sql, std::int64_t user_id, std::int64_t id, Millis at);
long long mark_all_read(db::Connection& sql, std::int64_t user_id, Millis at);

std::optional<Recipient> recipient(db::Connection& sql, std::int64_t user_id);

}  // namespace ps::notifications::store
