#pragma once

// Shops as plain data.

#include "core/clock.h"
#include "core/page.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ps::shops {

// The few fields a product or an order shows of its shop.
struct ShopSummary {
  std::int64_t id = 0;
  std::int64_t owner_id = 0;
  std::string slug;
  std::string name;
  std::string accent_color;
};

// A shop is its summary and the rest of its profile.
struct Shop : ShopSummary {
  std::string description;
  std::optional<std::int64_t> logo_image_id;
  std::optional<std::int64_t> cover_image_id;
  std::string shipping_policy;
  std::string returns_policy;
  long long product_count = 0;  // active products; read-only
  Millis created_at = 0;
  Millis updated_at = 0;
};

enum class ShopSort { newest, products, name };

struct ShopFilter {
  std::string name_contains;  // case-insensitive; empty: all
  ShopSort sort = ShopSort::newest;
  PageRequest page;
};

}  // namespace ps::shops
