#pragma once

#include "db/query.h"
#include "reviews/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::reviews {

// SQL for reviews; no business rules here.
namespace store {
std::int64_t insert(db::Connection& sql, const Review& review);
std::optional<Review> find(db::Connection& sql, std::int64_t id);
// find(), and no other transaction may change the review until this one
// ends: PostgreSQL locks the row; an SQLite write transaction holds the
// whole database already.
std::optional<Review> find_for_update(db::Connection& sql, std::int64_t id);
std::optional<Review> find_by_author(db::Connection& sql, std::int64_t product_id,
                                     std::int64_t buyer_id);
void update(db::Connection& sql, const Review& review);
void remove(db::Connection& sql, std::int64_t id);
// Sets the reply unless there is one; false when there already was.
bool set_reply(db::Connection& sql, std::int64_t id, const std::string& reply, Millis now);
// Changes the reply, or removes it; false when there is none. Conditional
// updates: of two removals at once, the second finds none.
bool change_reply(db::Connection& sql, std::int64_t id, const std::string& reply, Millis now);
bool clear_reply(db::Connection& sql, std::int64_t id);
std::vector<Review> for_product(db::Connection& sql, std::int64_t product_id,
                                const PageRequest& page);
// The statement for_product runs (the SQLite plan test reads it too).
db::Query for_product_query(std::int64_t product_id, const PageRequest& page);
long long count_for_product(db::Connection& sql, std::int64_t product_id);
}  // namespace store

}  // namespace ps::reviews
