#pragma once

// Carts as plain data.

#include "catalog/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::cart {

// Whose cart: a signed-in user's, or a guest's by its token.
struct CartOwner {
  std::optional<std::int64_t> user_id;
  std::string guest_token;
};

struct CartLine {
  catalog::ProductView product;
  long long quantity = 0;
  std::string warning;  // empty when the line can be bought as it is
};

// One shop's part of a cart: what its items cost and what it charges to ship
// them (shops::shipping_cost), in the currency of its first line.
struct ShopTotal {
  std::int64_t shop_id = 0;
  std::string currency;  // of the shop's first line
  long long items_cents = 0;
  long long shipping_cents = 0;
  std::optional<long long> free_shipping_over_cents;  // shops::free_shipping_over
};

struct CartView {
  std::vector<CartLine> lines;
  std::vector<ShopTotal> shops;  // in the order their first lines come
};

// Every shop's items and shipping: what a checkout of the cart charges.
long long total_cents(const std::vector<ShopTotal>& shops);

}  // namespace ps::cart
