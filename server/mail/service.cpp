#include "mail/service.h"

#include "db/batches.h"
#include "mail/outbox.h"

#include "mail/unsubscribe.h"

#include <algorithm>

namespace ps::mail {

namespace {
Preferences preferences_of(const std::vector<std::string>& turned_off) {
  Preferences preferences;
  for (const auto topic : kTopics)
    preferences[std::string(topic)] =
        std::find(turned_off.begin(), turned_off.end(), topic) == turned_off.end();
  return preferences;
}
}  // namespace

MailService::MailService(db::Database& database, const MailSender& sender,
                         std::string unsubscribe_secret, bool dev_mailbox)
    : database_(database),
      sender_(sender),
      dev_mailbox_(dev_mailbox),
      unsubscribe_secret_(std::move(unsubscribe_secret)) {}

bool MailService::unsubscribe(const std::string& token) {
  const auto unsubscription = verify_unsubscribe_token(unsubscribe_secret_, token);
  if (!unsubscription) return false;
  return database_.transaction([&](db::Connection& sql) {
    if (!store::user_exists(sql, unsubscription->user_id)) return false;
    store::turn_off(sql, unsubscription->user_id, unsubscription->topic, now_millis());
    return true;
  });
}

Preferences MailService::preferences(std::int64_t user_id) {
  return database_.with_session(
      [&](db::Connection& sql) { return preferences_of(store::turned_off_topics(sql, user_id)); });
}

Preferences MailService::set_preferences(std::int64_t user_id, const Preferences& changes) {
  return database_.transaction([&](db::Connection& sql) {
    for (const auto& [topic, enabled] : changes) {
      if (enabled)
        store::turn_on(sql, user_id, topic);
      else
        store::turn_off(sql, user_id, topic, now_millis());
    }
    return preferences_of(store::turned_off_topics(sql, user_id));
  });
}

MailboxPage MailService::mailbox(const PageRequest& page) {
  return database_.with_session([&](db::Connection& sql) {
    return MailboxPage{store::list_mails(sql, page.limit, static_cast<int>(page.offset())),
                       store::count_mails(sql)};
  });
}

long long MailService::purge_sent(Millis before) {
  return db::in_batches(database_, [&](db::Connection& sql, int limit) {
    return store::purge_sent(sql, before, limit);
  });
}

std::optional<store::StoredMail> MailService::mailbox_mail(std::int64_t id) {
  auto stored =
      database_.with_session([&](db::Connection& sql) { return store::find_mail(sql, id); });
  if (!stored) return std::nullopt;
  return composed(std::move(*stored));
}

}  // namespace ps::mail
