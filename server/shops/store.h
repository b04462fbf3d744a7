#pragma once

#include "core/clock.h"
#include "core/page.h"

#include <soci/session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

// SQL for shops; no business rules here.
namespace store {
std::optional<Shop> find_by_slug(soci::session& sql, const std::string& slug);
std::optional<Shop> find_by_owner(soci::session& sql, std::int64_t owner_id);
bool slug_taken(soci::session& sql, const std::string& slug, std::int64_t except_shop_id);
std::int64_t insert(soci::session& sql, const Shop& shop);
void update(soci::session& sql, const Shop& shop);
std::vector<Shop> list(soci::session& sql, const ShopFilter& filter);
std::vector<ShopSummary> summaries(soci::session& sql, const std::vector<std::int64_t>& ids);
long long count(soci::session& sql, const ShopFilter& filter);
}  // namespace store

}  // namespace ps::shops
