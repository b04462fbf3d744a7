#include "cart/model.h"

namespace ps::cart {

long long total_cents(const std::vector<ShopTotal>& shops) {
  long long total = 0;
  for (const auto& shop : shops) total += shop.items_cents + shop.shipping_cents;
  return total;
}

}  // namespace ps::cart
