#pragma once

// Shops as plain data.

#include "core/clock.h"
#include "core/page.h"
#include "media/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ps::shops {

// The few fields a product or an order shows of its shop.
struct ShopSummary {
  std::int64_t id = 0;
  std::int64_t owner_id = 0;
  std::string slug;
  std::string name;
  std::string accent_color;
  // Set when its vendor deleted the account: it sells nothing and leaves the
  // directory; its page stays for the orders that name it.
  std::optional<Millis> closed_at;
};

// What a shop charges to ship one order paid in `currency`: flat_cents per
// order, nothing once the order's items cost free_over_cents or more. A
// currency the shop has no rate for ships free.
struct ShippingRate {
  std::string currency;
  long long flat_cents = 0;
  std::optional<long long> free_over_cents;

  bool operator==(const ShippingRate&) const = default;
};

// The shipping of an order whose items cost `items_cents` in `currency`.
long long shipping_cost(const std::vector<ShippingRate>& rates, std::string_view currency,
                        long long items_cents);
// The items total at which such an order ships free; nullopt when no total
// does (no free threshold) or when every order does (no rate, or no charge).
std::optional<long long> free_shipping_over(const std::vector<ShippingRate>& rates,
                                            std::string_view currency);

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

// Lists open shops only.
struct ShopFilter {
  std::string name_contains;  // case-insensitive; empty: all
  ShopSort sort = ShopSort::newest;
  PageRequest page;
};

// What a vendor sends to create or change a shop; absent fields are left as
// they are. For images, an inner nullopt removes the image.
struct ShopInput {
  std::optional<std::string> name;
  std::optional<std::string> slug;
  std::optional<std::string> description;
  std::optional<std::string> accent_color;
  std::optional<std::optional<std::int64_t>> logo_image_id;
  std::optional<std::optional<std::int64_t>> cover_image_id;
  std::optional<std::string> shipping_policy;
  std::optional<std::string> returns_policy;
  // Replaces every rate; each currency at most once (the routes check).
  std::optional<std::vector<ShippingRate>> shipping_rates;
};

// A shop with its images resolved, ready to be shown.
struct ShopView {
  Shop shop;
  std::optional<media::Image> logo;
  std::optional<media::Image> cover;
  std::vector<ShippingRate> shipping_rates;  // by currency
};

// The platform fee the operator set for one shop; a field left empty takes
// the platform's default (Config::platform_fee_bps, platform_fee_fixed_cents).
struct FeeOverride {
  std::optional<int> bps;
  std::optional<long long> fixed_cents;
};

struct ShopPage {
  std::vector<ShopView> items;
  long long total = 0;
};

}  // namespace ps::shops
