#pragma once

#include "db/connection.h"
#include "mail/model.h"

#include <cstdint>
#include <string>

namespace ps::mail::store {

struct OutboxRow {
  std::string kind, to_address, subject, text_body, html_body;
  std::optional<std::int64_t> to_user_id;
  std::int64_t created_at = 0;
};

std::int64_t insert_mail(db::Connection& sql, const OutboxRow& row);

}  // namespace ps::mail::store
