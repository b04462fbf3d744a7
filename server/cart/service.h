#pragma once

#include "cart/model.h"
#include "cart/store.h"
#include "catalog/service.h"
#include "db/database.h"
#include "shops/service.h"

#include <functional>

#include <optional>
#include <string>
#include <vector>

namespace ps::cart {

constexpr long long kMaxQuantity = 99;

// One cart across shops, for signed-in users and for guests (merged into the
// account's cart on sign-in). Prices and stock are always read fresh.
// Blocking: call from the WorkerPool.
class CartService {
 public:
  CartService(db::Database& database, catalog::CatalogService& catalog, shops::ShopsService& shops)
      : database_(database), catalog_(catalog), shops_(shops) {}

  std::string create_guest_cart();  // the token to send as X-Cart-Token
  CartView view(const CartOwner& owner);
  CartView add(const CartOwner& owner, std::int64_t product_id, long long quantity);
  CartView set(const CartOwner& owner, std::int64_t product_id, long long quantity);
  CartView remove(const CartOwner& owner, std::int64_t product_id);
  // Moves a guest cart's items into the user's cart (quantities add up).
  CartView merge(std::int64_t user_id, const std::string& guest_token);

  // For checkout, inside its transaction (products without images): the
  // user's cart is locked until that transaction ends, so concurrent
  // checkouts of one cart take turns and only the first finds its lines.
  std::vector<CartLine> locked_lines(db::Connection& sql, std::int64_t user_id);
  // The same lines, read without a lock (checkout's quote before paying).
  std::vector<CartLine> lines(db::Connection& sql, std::int64_t user_id);
  void clear(db::Connection& sql, std::int64_t user_id);
  // Each shop's part of the lines, with its shipping at the shop's rates now.
  std::vector<ShopTotal> shop_totals(db::Connection& sql, const std::vector<CartLine>& lines);

 private:
  enum class Access { read, change };
  std::int64_t cart_of(db::Connection& sql, const CartOwner& owner, Access access);
  std::vector<CartLine> lines_of(db::Connection& sql, std::int64_t cart_id);
  CartView priced(db::Connection& sql, std::vector<CartLine> lines);
  using Images = catalog::CatalogService::Images;
  std::vector<CartLine> lines_for(db::Connection& sql, const std::vector<CartItem>& items,
                                  Images images);
  CartView put(const CartOwner& owner, std::int64_t product_id,
               const std::function<long long(long long held)>& new_quantity);
  static void check_purchasable(const CartOwner& owner, const catalog::ProductView* view,
                                long long quantity);

  db::Database& database_;
  catalog::CatalogService& catalog_;
  shops::ShopsService& shops_;
};

}  // namespace ps::cart
