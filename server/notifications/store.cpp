#include "notifications/store.h"

#include "db/query.h"

namespace ps::notifications::store {

namespace {
constexpr std::string_view kInsertNotification =
    "INSERT INTO notifications (user_id, kind, title, body, link, created_at) "
    "VALUES (:user, :kind, :title, :body, :link, :created)";
constexpr std::string_view kList =
    "SELECT id, kind, title, body, link, created_at, read_at FROM notifications "
    "WHERE user_id = :user ORDER BY id DESC LIMIT :limit OFFSET :offset";
constexpr std::string_view kListUnread =
    "SELECT id, kind, title, body, link, created_at, read_at FROM notifications "
    "WHERE user_id = :user AND read_at IS NULL ORDER BY id DESC LIMIT :limit OFFSET :offset";
constexpr std::string_view kCount = "SELECT COUNT(*) FROM notifications WHERE user_id = :user";
constexpr std::string_view kCountUnread =
    "SELECT COUNT(*) FROM notifications WHERE user_id = :user AND read_at IS NULL";
constexpr std::string_view kMarkRead =
    "UPDATE notifications SET read_at = COALESCE(read_at, :at) WHERE id = :id AND user_id = :user";
constexpr std::string_view kMarkAllRead =
    "UPDATE notifications SET read_at = :at WHERE user_id = :user AND read_at IS NULL";
constexpr std::string_view kRecipient = "SELECT id, email, display_name FROM users WHERE id = :id";

struct NotificationRow {
  Notification notification;
  long long id = 0, created_at = 0, read_at = 0;
  soci::indicator read_ind = soci::i_null;

  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(notification.kind));
    st.exchange(soci::into(notification.title));
    st.exchange(soci::into(notification.body));
    st.exchange(soci::into(notification.link));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(read_at, read_ind));
  }

  Notification read() const {
    Notification result = notification;
    result.id = id;
    result.created_at = created_at;
    result.read_at = read_ind == soci::i_ok ? read_at : 0;
    return result;
  }
};

struct RecipientRow {
  Recipient recipient;
  long long id = 0;

  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(recipient.email));
    st.exchange(soci::into(recipient.display_name));
  }
};
}  // namespace

std::int64_t insert_notification(db::Connection& sql, const NewNotification& notification,
                                 Millis created_at) {
  return db::Query(kInsertNotification)
      .values(static_cast<long long>(notification.user_id), notification.kind, notification.title,
              notification.body, notification.link, static_cast<long long>(created_at))
      .insert_returning_id(sql);
}

std::vector<Notification> list(db::Connection& sql, std::int64_t user_id, bool unread_only,
                               const PageRequest& page) {
  std::vector<Notification> result;
  db::Query(unread_only ? kListUnread : kList)
      .values(static_cast<long long>(user_id), static_cast<long long>(page.limit), page.offset())
      .each<NotificationRow>(sql,
                             [&](const NotificationRow& row) { result.push_back(row.read()); });
  return result;
}

long long count(db::Connection& sql, std::int64_t user_id, bool unread_only) {
  return db::Query(unread_only ? kCountUnread : kCount)
      .value(static_cast<long long>(user_id))
      .single<long long>(sql);
}

bool mark_read(db::Connection& sql, std::int64_t user_id, std::int64_t id, Millis at) {
  return db::Query(kMarkRead)
             .values(static_cast<long long>(at), static_cast<long long>(id),
                     static_cast<long long>(user_id))
             .execute(sql) == 1;
}

long long mark_all_read(db::Connection& sql, std::int64_t user_id, Millis at) {
  return db::Query(kMarkAllRead)
      .values(static_cast<long long>(at), static_cast<long long>(user_id))
      .execute(sql);
}

std::optional<Recipient> recipient(db::Connection& sql, std::int64_t user_id) {
  std::optional<Recipient> found;
  db::Query(kRecipient)
      .value(static_cast<long long>(user_id))
      .each<RecipientRow>(sql, [&](const RecipientRow& row) {
        found = row.recipient;
        found->user_id = row.id;
      });
  return found;
}

}  // namespace ps::notifications::store
