#pragma once

#include "core/clock.h"

#include <cstdint>

namespace ps::favorites {

// Enough for anyone's wish list; a bound on what one account may store.
inline constexpr long long kMaxFavoritesPerUser = 500;

// How many people saved one of a shop's products.
struct SaveCount {
  std::int64_t product_id = 0;
  long long people = 0;
};

struct Favorite {
  std::int64_t product_id = 0;
  Millis created_at = 0;
};

}  // namespace ps::favorites
