#pragma once

#include "core/errors.h"
#include "db/database.h"
#include "media/service.h"
#include "shops/store.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ps::shops {

// 409 /problems/shop-slug-taken and /problems/shop-exists: also what the
// unique violations of shops.slug and shops.owner_id answer when a
// concurrent request wins the race (app/application.cpp).
ApiError slug_taken(const std::string& slug = {});
ApiError shop_exists();

// "Ada's Pottery!" -> "adas-pottery"; always a valid slug ("X!" -> "shop-x").
std::string slugify(std::string_view name);
bool is_valid_slug(std::string_view slug);

constexpr const char* kDefaultAccentColor = "#485fc7";
// A shop's own fee has the ranges of the platform's (core/config.cpp).
constexpr int kMaxFeeBps = 5000;
constexpr long long kMaxFixedFeeCents = 100'000'000;

// Shop profiles and discovery. A vendor has at most one shop and only its
// owner may change it. Blocking: call from the WorkerPool.
class ShopsService {
 public:
  ShopsService(db::Database& database, media::MediaService& media)
      : database_(database), media_(media) {}

  ShopView create(std::int64_t owner_id, const ShopInput& input);  // 409: already has one
  ShopView update(std::int64_t owner_id, const std::string& slug, const ShopInput& input);
  // Public reads, which a replica may serve (db::Database::with_catalog_read).
  ShopView get(const std::string& slug, const db::CatalogRead& read = {});  // 404
  std::optional<ShopView> find_by_owner(std::int64_t owner_id);
  ShopPage list(const ShopFilter& filter, const db::CatalogRead& read = {});

  // For other features, inside their transaction: the vendor's shop, or 409
  // when the vendor has not created one yet.
  Shop require_shop_of(db::Connection& sql, std::int64_t owner_id) const;
  std::optional<Shop> find_shop(db::Connection& sql, const std::string& slug) const;
  // The fee the operator set for the shop (fields empty: the default).
  FeeOverride fee_override(db::Connection& sql, std::int64_t shop_id) const;
  // For the operator's command line: sets (or, with both fields empty,
  // clears) the shop's own fee. 404 without such a shop, 422 out of range.
  void set_fee_override(const std::string& slug, const FeeOverride& fee);
  // The shops' shipping rates (cart and checkout price shipping with them).
  std::map<std::int64_t, std::vector<ShippingRate>> shipping_rates(
      db::Connection& sql, const std::vector<std::int64_t>& shop_ids) const;
  // Summaries of shops by id, for lists (one query).
  std::vector<ShopSummary> summaries(db::Connection& sql,
                                     const std::vector<std::int64_t>& ids) const;

 private:
  ShopView view_of(db::Connection& sql, Shop shop) const;
  std::string unique_slug(db::Connection& sql, const std::string& base) const;
  void apply(db::Connection& sql, Shop& shop, const ShopInput& input) const;

  db::Database& database_;
  media::MediaService& media_;
};

}  // namespace ps::shops
