#pragma once

#include "core/clock.h"
#include "db/connection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::cart {

struct CartItem {
  std::int64_t product_id = 0;
  long long quantity = 0;
};

// SQL for carts and their items; no business rules here.
namespace store {
std::optional<std::int64_t> find_user_cart(db::Connection& sql, std::int64_t user_id);
std::optional<std::int64_t> find_guest_cart(db::Connection& sql, const std::string& token_hash);
// Find the cart and set its updated_at, in one statement, for a change.
std::optional<std::int64_t> touch_user_cart(db::Connection& sql, std::int64_t user_id, Millis now);
std::optional<std::int64_t> touch_guest_cart(db::Connection& sql, const std::string& token_hash,
                                             Millis now);
std::int64_t create_user_cart(db::Connection& sql, std::int64_t user_id, Millis now);
std::int64_t create_guest_cart(db::Connection& sql, const std::string& token_hash, Millis now);
std::vector<CartItem> items(db::Connection& sql, std::int64_t cart_id);
// The items of the user's cart (none without a cart), in one query.
std::vector<CartItem> user_cart_items(db::Connection& sql, std::int64_t user_id);
void set_quantity(db::Connection& sql, std::int64_t cart_id, std::int64_t product_id,
                  long long quantity, Millis now);
void remove_item(db::Connection& sql, std::int64_t cart_id, std::int64_t product_id);
// Empties the user's cart, if the user has one.
// Takes the row lock of the user's cart (if any) until the transaction ends.
void lock_user_cart(db::Connection& sql, std::int64_t user_id, Millis now);
void clear_user_cart(db::Connection& sql, std::int64_t user_id);
void delete_cart(db::Connection& sql, std::int64_t cart_id);
}  // namespace store

}  // namespace ps::cart
