#pragma once

#include "core/clock.h"
#include "db/connection.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ps::addresses {

// SQL for saved addresses (orders::to_storage_text); no business rules here.
namespace store {
std::optional<std::string> find(db::Connection& sql, std::int64_t user_id);
// Inserts or replaces the user's one saved address, in one statement.
void save(db::Connection& sql, std::int64_t user_id, const std::string& address, Millis now);
void remove(db::Connection& sql, std::int64_t user_id);
}  // namespace store

}  // namespace ps::addresses
