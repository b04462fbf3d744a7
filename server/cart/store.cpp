#include "cart/store.h"

#include <soci/soci.h>

namespace ps::cart::store {

namespace {
std::optional<std::int64_t> find_cart(soci::session& sql, const std::string& column,
                                      const std::string& value) {
  long long id = 0;
  sql << "SELECT id FROM carts WHERE " + column + " = :value", soci::into(id), soci::use(value);
  if (!sql.got_data()) return std::nullopt;
  return id;
}
}  // namespace

std::optional<std::int64_t> find_user_cart(soci::session& sql, std::int64_t user_id) {
  long long id = 0;
  const long long user = user_id;
  sql << "SELECT id FROM carts WHERE user_id = :user", soci::into(id), soci::use(user);
  if (!sql.got_data()) return std::nullopt;
  return id;
}

std::optional<std::int64_t> find_guest_cart(soci::session& sql, const std::string& token_hash) {
  return find_cart(sql, "token_hash", token_hash);
}

std::int64_t create_user_cart(soci::session& sql, std::int64_t user_id, Millis now) {
  long long id = 0;
  const long long user = user_id, at = now;
  sql << "INSERT INTO carts (user_id, created_at, updated_at) VALUES (:user, :at, :at2) "
         "RETURNING id",
      soci::use(user), soci::use(at), soci::use(at), soci::into(id);
  return id;
}

std::int64_t create_guest_cart(soci::session& sql, const std::string& token_hash, Millis now) {
  long long id = 0;
  const long long at = now;
  sql << "INSERT INTO carts (token_hash, created_at, updated_at) VALUES (:hash, :at, :at2) "
         "RETURNING id",
      soci::use(token_hash), soci::use(at), soci::use(at), soci::into(id);
  return id;
}

std::vector<CartItem> items(soci::session& sql, std::int64_t cart_id) {
  const long long cart = cart_id;
  long long product_id = 0, quantity = 0;
  soci::statement statement =
      (sql.prepare << "SELECT product_id, quantity FROM cart_items WHERE cart_id = :cart "
                      "ORDER BY added_at, product_id",
       soci::into(product_id), soci::into(quantity), soci::use(cart));
  statement.execute();
  std::vector<CartItem> result;
  while (statement.fetch()) result.push_back({product_id, quantity});
  return result;
}

void set_quantity(soci::session& sql, std::int64_t cart_id, std::int64_t product_id,
                  long long quantity, Millis now) {
  const long long cart = cart_id, product = product_id, at = now;
  sql << "INSERT INTO cart_items (cart_id, product_id, quantity, added_at) "
         "VALUES (:cart, :product, :quantity, :at) "
         "ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = excluded.quantity",
      soci::use(cart), soci::use(product), soci::use(quantity), soci::use(at);
  sql << "UPDATE carts SET updated_at = :at WHERE id = :cart", soci::use(at), soci::use(cart);
}

void remove_item(soci::session& sql, std::int64_t cart_id, std::int64_t product_id) {
  const long long cart = cart_id, product = product_id;
  sql << "DELETE FROM cart_items WHERE cart_id = :cart AND product_id = :product", soci::use(cart),
      soci::use(product);
}

void clear(soci::session& sql, std::int64_t cart_id) {
  const long long cart = cart_id;
  sql << "DELETE FROM cart_items WHERE cart_id = :cart", soci::use(cart);
}

void delete_cart(soci::session& sql, std::int64_t cart_id) {
  const long long cart = cart_id;
  sql << "DELETE FROM carts WHERE id = :cart", soci::use(cart);
}

}  // namespace ps::cart::store
