#include "notifications/store.h"

#include "db/query.h"

namespace ps::notifications::store {

namespace {
constexpr std::string_view kInsertNotification =
    "INSERT INTO notifications (user_id, kind, title, body, link, created_at) "
    "VALUES (:user, :kind, :title, :body, :link, :created)";
}  // namespace

std::int64_t insert_notification(db::Connection& sql, const NewNotification& notification,
                                 std::int64_t created_at) {
  return db::Query(kInsertNotification)
      .values(static_cast<long long>(notification.user_id), notification.kind, notification.title,
              notification.body, notification.link, static_cast<long long>(created_at))
      .insert_returning_id(sql);
}

}  // namespace ps::notifications::store
