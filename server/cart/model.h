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

struct CartView {
  std::vector<CartLine> lines;
};

}  // namespace ps::cart
