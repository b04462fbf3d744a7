#pragma once

#include "payments/model.h"

#include "db/connection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::payments {

namespace store {
std::int64_t insert(db::Connection& sql, const Payment& payment);
std::optional<Payment> find(db::Connection& sql, std::int64_t id);
// The payment, locked until the transaction ends (PostgreSQL; SQLite has one
// writer at a time anyway), so changes to its amounts happen one at a time.
std::optional<Payment> find_for_update(db::Connection& sql, std::int64_t id);
void save_progress(db::Connection& sql, const Payment& payment);
std::optional<Payment> find_by_authorization(db::Connection& sql,
                                             const std::string& authorization_id);
// Payments made at or after `since`, oldest first.
std::vector<Payment> created_since(db::Connection& sql, Millis since);
std::optional<Payment> find_by_checkout(db::Connection& sql, std::int64_t checkout_id);
}  // namespace store

}  // namespace ps::payments
