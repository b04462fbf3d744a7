#pragma once

#include "db/database.h"
#include "mail/model.h"
#include "notifications/model.h"

#include <optional>

namespace ps::notifications {

// Adds a notification to a user's bell inside the caller's transaction: it
// exists if and only if the event that causes it commits.
std::int64_t notify(db::Connection& sql, const NewNotification& notification);

// Tells a user of an event, inside the caller's transaction: the bell item
// (its user_id is set here) and the mail (addressed here to the user's
// current email), each when given. A user who is gone is told nothing.
void tell(db::Connection& sql, std::int64_t user_id, std::optional<NewNotification> bell,
          std::optional<mail::NewMail> mail);

// The bell: a user's notifications, newest first, and the unread count that
// every page view asks for (one indexed count).
class NotificationsService {
 public:
  explicit NotificationsService(db::Database& database) : database_(database) {}

  NotificationPage list(std::int64_t user_id, bool unread_only, const PageRequest& page);
  long long unread_count(std::int64_t user_id);
  // 404 when the user has no such notification.
  void mark_read(std::int64_t user_id, std::int64_t notification_id);
  // Returns how many were unread.
  long long mark_all_read(std::int64_t user_id);

 private:
  db::Database& database_;
};

}  // namespace ps::notifications
