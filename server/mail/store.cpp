#include "mail/store.h"

#include "db/query.h"

namespace ps::mail::store {

namespace {
constexpr std::string_view kInsertMail =
    "INSERT INTO mail_outbox (kind, to_address, to_user_id, subject, text_body, html_body, "
    "content, created_at) VALUES (:kind, :to, :user, :subject, '', '', :content, :created)";

constexpr std::string_view kMailColumns =
    "SELECT id, kind, to_address, subject, text_body, html_body, message_id, raw_message, "
    "status, created_at, COALESCE(sent_at, 0), content, COALESCE(to_user_id, 0) FROM mail_outbox ";

struct MailRow {
  long long id = 0, created_at = 0, sent_at = 0, to_user_id = 0;
  std::string kind, to_address, subject, text_body, html_body, message_id, raw_message, status;
  std::string content;
  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(to_address));
    st.exchange(soci::into(subject));
    st.exchange(soci::into(text_body));
    st.exchange(soci::into(html_body));
    st.exchange(soci::into(message_id));
    st.exchange(soci::into(raw_message));
    st.exchange(soci::into(status));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(sent_at));
    st.exchange(soci::into(content));
    st.exchange(soci::into(to_user_id));
  }
  StoredMail mail() const {
    return {.id = id,
            .kind = kind,
            .to_address = to_address,
            .subject = subject,
            .text_body = text_body,
            .html_body = html_body,
            .message_id = message_id,
            .raw_message = raw_message,
            .status = status,
            .content = content,
            .to_user_id = to_user_id ? std::optional<std::int64_t>(to_user_id) : std::nullopt,
            .created_at = created_at,
            .sent_at = sent_at};
  }
};

std::vector<StoredMail> fetch(db::Connection& sql, const db::Query& query) {
  std::vector<StoredMail> mails;
  query.each<MailRow>(sql, [&](const MailRow& row) { mails.push_back(row.mail()); });
  return mails;
}

const std::string kFindMail = std::string(kMailColumns) + "WHERE id = :id";
// The bodies stay out of the list: '' in their place.
constexpr std::string_view kListMails =
    "SELECT id, kind, to_address, subject, '', '', message_id, '', status, created_at, "
    "COALESCE(sent_at, 0), '', COALESCE(to_user_id, 0) FROM mail_outbox "
    "ORDER BY id DESC LIMIT :limit OFFSET :offset";
constexpr std::string_view kCountMails = "SELECT COUNT(*) FROM mail_outbox";
constexpr std::string_view kMarkSent =
    "UPDATE mail_outbox SET status = 'sent', sent_at = :at WHERE id = :id AND status = 'queued'";

// Walks the outbox from its oldest mail: the ones to purge come first.
constexpr std::string_view kPurgeSent =
    "DELETE FROM mail_outbox WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'sent' "
    "AND sent_at < :before ORDER BY id LIMIT :limit)";
constexpr std::string_view kUserExists = "SELECT COUNT(*) FROM users WHERE id = :user";
constexpr std::string_view kTopicTurnedOff =
    "SELECT COUNT(*) FROM notification_opt_outs WHERE user_id = :user AND topic = :topic";
constexpr std::string_view kTurnedOffTopics =
    "SELECT topic FROM notification_opt_outs WHERE user_id = :user ORDER BY topic";
constexpr std::string_view kTurnOff =
    "INSERT INTO notification_opt_outs (user_id, topic, created_at) VALUES (:user, :topic, :at) "
    "ON CONFLICT (user_id, topic) DO NOTHING";
constexpr std::string_view kTurnOn =
    "DELETE FROM notification_opt_outs WHERE user_id = :user AND topic = :topic";
}  // namespace

std::int64_t insert_mail(db::Connection& sql, const OutboxRow& row) {
  std::optional<long long> user;
  if (row.to_user_id) user = *row.to_user_id;
  return db::Query(kInsertMail)
      .values(row.kind, row.to_address, user, row.subject, row.content,
              static_cast<long long>(row.created_at))
      .insert_returning_id(sql);
}

std::optional<StoredMail> find_mail(db::Connection& sql, std::int64_t id) {
  auto mails = fetch(sql, db::Query(kFindMail).values(id));
  if (mails.empty()) return std::nullopt;
  return std::move(mails.front());
}

std::vector<StoredMail> list_mails(db::Connection& sql, int limit, int offset) {
  return fetch(sql, db::Query(kListMails).values(limit, offset));
}

long long count_mails(db::Connection& sql) { return db::Query(kCountMails).single<long long>(sql); }

int purge_sent(db::Connection& sql, Millis before, int limit) {
  return static_cast<int>(db::Query(kPurgeSent)
                              .values(static_cast<long long>(before), static_cast<long long>(limit))
                              .execute(sql));
}

bool mark_sent(db::Connection& sql, std::int64_t id, Millis sent_at) {
  return db::Query(kMarkSent).values(sent_at, id).execute(sql) > 0;
}

bool user_exists(db::Connection& sql, std::int64_t user_id) {
  return db::Query(kUserExists).values(user_id).single<long long>(sql) > 0;
}

bool topic_turned_off(db::Connection& sql, std::int64_t user_id, const std::string& topic) {
  return db::Query(kTopicTurnedOff).values(user_id, topic).single<long long>(sql) > 0;
}

std::vector<std::string> turned_off_topics(db::Connection& sql, std::int64_t user_id) {
  struct TopicRow {
    std::string topic;
    void define(soci::statement& st) { st.exchange(soci::into(topic)); }
  };
  std::vector<std::string> topics;
  db::Query(kTurnedOffTopics).values(user_id).each<TopicRow>(sql, [&](const TopicRow& row) {
    topics.push_back(row.topic);
  });
  return topics;
}

void turn_off(db::Connection& sql, std::int64_t user_id, const std::string& topic, Millis now) {
  db::Query(kTurnOff).values(user_id, topic, now).execute(sql);
}

void turn_on(db::Connection& sql, std::int64_t user_id, const std::string& topic) {
  db::Query(kTurnOn).values(user_id, topic).execute(sql);
}

}  // namespace ps::mail::store
