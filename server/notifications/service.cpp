#include "notifications/service.h"

#include "core/errors.h"
#include "mail/outbox.h"
#include "notifications/store.h"

namespace ps::notifications {

std::int64_t notify(db::Connection& sql, const NewNotification& notification) {
  return store::insert_notification(sql, notification, now_millis());
}

void tell(db::Connection& sql, std::int64_t user_id, std::optional<NewNotification> bell,
          std::optional<mail::NewMail> mail) {
  const auto to = store::recipient(sql, user_id);
  if (!to) return;
  if (bell) {
    bell->user_id = user_id;
    notify(sql, *bell);
  }
  if (mail) {
    mail->to_address = to->email;
    mail->to_user_id = user_id;
    mail::enqueue(sql, *mail);
  }
}

NotificationPage NotificationsService::list(std::int64_t user_id, bool unread_only,
                                            const PageRequest& page) {
  return database_.with_session([&](db::Connection& sql) {
    return NotificationPage{store::list(sql, user_id, unread_only, page),
                            store::count(sql, user_id, unread_only),
                            store::count(sql, user_id, /*unread_only=*/true)};
  });
}

long long NotificationsService::unread_count(std::int64_t user_id) {
  return database_.with_session(
      [&](db::Connection& sql) { return store::count(sql, user_id, /*unread_only=*/true); });
}

void NotificationsService::mark_read(std::int64_t user_id, std::int64_t notification_id) {
  database_.transaction([&](db::Connection& sql) {
    if (!store::mark_read(sql, user_id, notification_id, now_millis()))
      throw ApiError::not_found("There is no such notification.");
  });
}

long long NotificationsService::mark_all_read(std::int64_t user_id) {
  return database_.transaction(
      [&](db::Connection& sql) { return store::mark_all_read(sql, user_id, now_millis()); });
}

}  // namespace ps::notifications
