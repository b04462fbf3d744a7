#pragma once

#include "core/clock.h"
#include "db/connection.h"
#include "mail/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::mail::store {

struct OutboxRow {
  std::string kind, to_address, subject;
  std::string content;  // content.h
  std::optional<std::int64_t> to_user_id;
  std::int64_t created_at = 0;
};

std::int64_t insert_mail(db::Connection& sql, const OutboxRow& row);

// A mail as the outbox keeps it. A mail written with its content has empty
// bodies, Message-ID and message until composed (outbox.h); one written
// before content existed has them and an empty content.
struct StoredMail {
  std::int64_t id = 0;
  std::string kind, to_address, subject, text_body, html_body, message_id, raw_message, status;
  std::string content;
  std::optional<std::int64_t> to_user_id;
  Millis created_at = 0;
  Millis sent_at = 0;  // 0: not sent
};

std::optional<StoredMail> find_mail(db::Connection& sql, std::int64_t id);
// Newest first, without the bodies.
std::vector<StoredMail> list_mails(db::Connection& sql, int limit, int offset);
long long count_mails(db::Connection& sql);
// Deletes at most `limit` mails sent before `before`, oldest first; returns
// how many. Mails not sent yet stay, however old.
int purge_sent(db::Connection& sql, Millis before, int limit);
// queued -> sent; false when it was sent already.
bool mark_sent(db::Connection& sql, std::int64_t id, Millis sent_at);

bool user_exists(db::Connection& sql, std::int64_t user_id);
bool topic_turned_off(db::Connection& sql, std::int64_t user_id, const std::string& topic);
std::vector<std::string> turned_off_topics(db::Connection& sql, std::int64_t user_id);
// Adds the opt-out unless it is there.
void turn_off(db::Connection& sql, std::int64_t user_id, const std::string& topic, Millis now);
void turn_on(db::Connection& sql, std::int64_t user_id, const std::string& topic);

}  // namespace ps::mail::store
