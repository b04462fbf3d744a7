#include "cart/store.h"

#include "db/query.h"

namespace ps::cart::store {

constexpr std::string_view kFindUserCart = "SELECT id FROM carts WHERE user_id = :user";

std::optional<std::int64_t> find_user_cart(db::Connection& sql, std::int64_t user_id) {
  return db::Query(kFindUserCart).values(user_id).first<long long>(sql);
}

constexpr std::string_view kFindGuestCart = "SELECT id FROM carts WHERE token_hash = :hash";

std::optional<std::int64_t> find_guest_cart(db::Connection& sql, const std::string& token_hash) {
  return db::Query(kFindGuestCart).values(token_hash).first<long long>(sql);
}

constexpr std::string_view kTouchUserCart = R"(
  UPDATE carts SET updated_at = :at WHERE user_id = :user RETURNING id)";

std::optional<std::int64_t> touch_user_cart(db::Connection& sql, std::int64_t user_id, Millis now) {
  return db::Query(kTouchUserCart).values(now, user_id).first<long long>(sql);
}

constexpr std::string_view kTouchGuestCart = R"(
  UPDATE carts SET updated_at = :at WHERE token_hash = :hash RETURNING id)";

std::optional<std::int64_t> touch_guest_cart(db::Connection& sql, const std::string& token_hash,
                                             Millis now) {
  return db::Query(kTouchGuestCart).values(now, token_hash).first<long long>(sql);
}

constexpr std::string_view kCreateUserCart = R"(
  INSERT INTO carts (user_id, created_at, updated_at) VALUES (:user, :at, :at2))";

std::int64_t create_user_cart(db::Connection& sql, std::int64_t user_id, Millis now) {
  return db::Query(kCreateUserCart).values(user_id, now, now).insert_returning_id(sql);
}

constexpr std::string_view kCreateGuestCart = R"(
  INSERT INTO carts (token_hash, created_at, updated_at) VALUES (:hash, :at, :at2))";

std::int64_t create_guest_cart(db::Connection& sql, const std::string& token_hash, Millis now) {
  return db::Query(kCreateGuestCart).values(token_hash, now, now).insert_returning_id(sql);
}

namespace {
// product_id, quantity
struct ItemRow {
  long long product_id = 0, quantity = 0;
  void define(soci::statement& st) {
    st.exchange(soci::into(product_id));
    st.exchange(soci::into(quantity));
  }
};

std::vector<CartItem> fetch_items(db::Connection& sql, const db::Query& query) {
  std::vector<CartItem> result;
  query.each<ItemRow>(sql, [&](const ItemRow& row) {
    result.push_back({row.product_id, row.quantity});
  });
  return result;
}
}  // namespace

constexpr std::string_view kItems = R"(
  SELECT product_id, quantity FROM cart_items
  WHERE cart_id = :cart ORDER BY added_at, product_id)";

std::vector<CartItem> items(db::Connection& sql, std::int64_t cart_id) {
  return fetch_items(sql, db::Query(kItems).values(cart_id));
}

constexpr std::string_view kUserCartItems = R"(
  SELECT i.product_id, i.quantity FROM carts c JOIN cart_items i ON i.cart_id = c.id
  WHERE c.user_id = :user ORDER BY i.added_at, i.product_id)";

std::vector<CartItem> user_cart_items(db::Connection& sql, std::int64_t user_id) {
  return fetch_items(sql, db::Query(kUserCartItems).values(user_id));
}

constexpr std::string_view kSetQuantity = R"(
  INSERT INTO cart_items (cart_id, product_id, quantity, added_at)
  VALUES (:cart, :product, :quantity, :at)
  ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = excluded.quantity)";

void set_quantity(db::Connection& sql, std::int64_t cart_id, std::int64_t product_id,
                  long long quantity, Millis now) {
  db::Query(kSetQuantity).values(cart_id, product_id, quantity, now).execute(sql);
}

constexpr std::string_view kRemoveItem = R"(
  DELETE FROM cart_items WHERE cart_id = :cart AND product_id = :product)";

void remove_item(db::Connection& sql, std::int64_t cart_id, std::int64_t product_id) {
  db::Query(kRemoveItem).values(cart_id, product_id).execute(sql);
}

constexpr std::string_view kLockUserCart =
    "UPDATE carts SET updated_at = :at WHERE user_id = :user";

void lock_user_cart(db::Connection& sql, std::int64_t user_id, Millis now) {
  db::Query(kLockUserCart).values(now, user_id).execute(sql);
}

constexpr std::string_view kClearUserCart = R"(
  DELETE FROM cart_items WHERE cart_id = (SELECT id FROM carts WHERE user_id = :user))";

void clear_user_cart(db::Connection& sql, std::int64_t user_id) {
  db::Query(kClearUserCart).values(user_id).execute(sql);
}

constexpr std::string_view kDeleteCart = "DELETE FROM carts WHERE id = :cart";

void delete_cart(db::Connection& sql, std::int64_t cart_id) {
  db::Query(kDeleteCart).values(cart_id).execute(sql);
}

}  // namespace ps::cart::store
