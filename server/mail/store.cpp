#include "mail/store.h"

#include "db/query.h"

namespace ps::mail::store {

namespace {
constexpr std::string_view kInsertMail =
    "INSERT INTO mail_outbox (kind, to_address, to_user_id, subject, text_body, html_body, "
    "created_at) VALUES (:kind, :to, :user, :subject, :text, :html, :created)";
}  // namespace

std::int64_t insert_mail(db::Connection& sql, const OutboxRow& row) {
  std::optional<long long> user;
  if (row.to_user_id) user = *row.to_user_id;
  return db::Query(kInsertMail)
      .values(row.kind, row.to_address, user, row.subject, row.text_body, row.html_body,
              static_cast<long long>(row.created_at))
      .insert_returning_id(sql);
}

}  // namespace ps::mail::store
