#include "cart/store.h"

#include "db/query.h"

namespace ps::cart::store {

std::optional<std::int64_t> find_user_cart(soci::session& sql, std::int64_t user_id) {
  return db::Query("SELECT id FROM carts WHERE user_id = :user")
      .values(user_id)
      .first<long long>(sql);
}

std::optional<std::int64_t> find_guest_cart(soci::session& sql, const std::string& token_hash) {
  return db::Query("SELECT id FROM carts WHERE token_hash = :hash")
      .values(token_hash)
      .first<long long>(sql);
}

std::optional<std::int64_t> touch_user_cart(soci::session& sql, std::int64_t user_id, Millis now) {
  return db::Query("UPDATE carts SET updated_at = :at WHERE user_id = :user RETURNING id")
      .values(now, user_id)
      .first<long long>(sql);
}

std::optional<std::int64_t> touch_guest_cart(soci::session& sql, const std::string& token_hash,
                                             Millis now) {
  return db::Query("UPDATE carts SET updated_at = :at WHERE token_hash = :hash RETURNING id")
      .values(now, token_hash)
      .first<long long>(sql);
}

std::int64_t create_user_cart(soci::session& sql, std::int64_t user_id, Millis now) {
  return db::Query("INSERT INTO carts (user_id, created_at, updated_at) VALUES (:user, :at, :at2)")
      .values(user_id, now, now)
      .insert_returning_id(sql);
}

std::int64_t create_guest_cart(soci::session& sql, const std::string& token_hash, Millis now) {
  return db::Query(
             "INSERT INTO carts (token_hash, created_at, updated_at) VALUES (:hash, :at, :at2)")
      .values(token_hash, now, now)
      .insert_returning_id(sql);
}

namespace {
struct ItemRow {
  long long product_id = 0, quantity = 0;
  void define(soci::statement& st) {
    st.exchange(soci::into(product_id));
    st.exchange(soci::into(quantity));
  }
};

std::vector<CartItem> fetch_items(soci::session& sql, const db::Query& query) {
  std::vector<CartItem> result;
  query.each<ItemRow>(sql, [&](const ItemRow& row) {
    result.push_back({row.product_id, row.quantity});
  });
  return result;
}
}  // namespace

std::vector<CartItem> items(soci::session& sql, std::int64_t cart_id) {
  return fetch_items(sql, db::Query("SELECT product_id, quantity FROM cart_items "
                                    "WHERE cart_id = :cart ORDER BY added_at, product_id")
                              .values(cart_id));
}

std::vector<CartItem> user_cart_items(soci::session& sql, std::int64_t user_id) {
  return fetch_items(sql, db::Query("SELECT i.product_id, i.quantity FROM carts c "
                                    "JOIN cart_items i ON i.cart_id = c.id WHERE c.user_id = :user "
                                    "ORDER BY i.added_at, i.product_id")
                              .values(user_id));
}

void set_quantity(soci::session& sql, std::int64_t cart_id, std::int64_t product_id,
                  long long quantity, Millis now) {
  db::Query(
      "INSERT INTO cart_items (cart_id, product_id, quantity, added_at) "
      "VALUES (:cart, :product, :quantity, :at) "
      "ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = excluded.quantity")
      .values(cart_id, product_id, quantity, now)
      .execute(sql);
}

void remove_item(soci::session& sql, std::int64_t cart_id, std::int64_t product_id) {
  db::Query("DELETE FROM cart_items WHERE cart_id = :cart AND product_id = :product")
      .values(cart_id, product_id)
      .execute(sql);
}

void lock_user_cart(soci::session& sql, std::int64_t user_id, Millis now) {
  db::Query("UPDATE carts SET updated_at = :at WHERE user_id = :user")
      .values(now, user_id)
      .execute(sql);
}

void clear_user_cart(soci::session& sql, std::int64_t user_id) {
  db::Query("DELETE FROM cart_items WHERE cart_id = (SELECT id FROM carts WHERE user_id = :user)")
      .values(user_id)
      .execute(sql);
}

void delete_cart(soci::session& sql, std::int64_t cart_id) {
  db::Query("DELETE FROM carts WHERE id = :cart").values(cart_id).execute(sql);
}

}  // namespace ps::cart::store
