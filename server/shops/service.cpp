#include "shops/service.h"

#include "core/errors.h"

namespace ps::shops {

namespace {
constexpr std::size_t kMaxSlug = 60;

ApiError shop_not_found(const std::string& slug) {
  return ApiError::not_found("There is no shop called '" + slug + "'.");
}

void collect_image_ids(const Shop& shop, std::vector<std::int64_t>& ids) {
  if (shop.logo_image_id) ids.push_back(*shop.logo_image_id);
  if (shop.cover_image_id) ids.push_back(*shop.cover_image_id);
}

ShopView with_images(Shop shop, const std::vector<media::Image>& images) {
  ShopView view{std::move(shop), std::nullopt, std::nullopt};
  for (const auto& image : images) {
    if (image.id == view.shop.logo_image_id) view.logo = image;
    if (image.id == view.shop.cover_image_id) view.cover = image;
  }
  return view;
}
}  // namespace

ApiError slug_taken(const std::string& slug) {
  return {ErrorCode::shop_slug_taken,
          slug.empty() ? "Another shop already uses this address."
                       : "Another shop already uses the address '" + slug + "'."};
}

ApiError shop_exists() {
  return {ErrorCode::shop_exists, "You already have a shop; edit it instead."};
}

std::string slugify(std::string_view name) {
  std::string slug;
  for (unsigned char c : name) {
    if (std::isalnum(c) && c < 0x80) {
      slug += static_cast<char>(std::tolower(c));
    } else if (c == '\'' || c >= 0x80) {
      continue;  // "Ada's" -> "adas"; letters outside ASCII are dropped
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
    if (slug.size() >= kMaxSlug) break;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.empty()) return "shop";
  return slug.size() < 2 ? "shop-" + slug : slug;  // a valid slug has two characters or more
}

bool is_valid_slug(std::string_view slug) {
  if (slug.size() < 2 || slug.size() > kMaxSlug) return false;
  if (slug.front() == '-' || slug.back() == '-') return false;
  char previous = 0;
  for (char c : slug) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

ShopView ShopsService::view_of(db::Connection& sql, Shop shop) const {
  std::vector<std::int64_t> ids;
  collect_image_ids(shop, ids);
  const auto images = media_.find_many(sql, ids);
  auto rates = store::shipping_rates(sql, {shop.id});
  auto view = with_images(std::move(shop), images);
  view.shipping_rates = std::move(rates[view.shop.id]);
  return view;
}

std::string ShopsService::unique_slug(db::Connection& sql, const std::string& base) const {
  std::string candidate = base;
  for (int n = 2; store::slug_taken(sql, candidate, 0); ++n)
    candidate = base.substr(0, kMaxSlug - 4) + "-" + std::to_string(n);
  return candidate;
}

// Copies the given fields onto the shop, checking that images are the
// vendor's own and that a chosen slug is free.
void ShopsService::apply(db::Connection& sql, Shop& shop, const ShopInput& input) const {
  if (input.name) shop.name = *input.name;
  if (input.description) shop.description = *input.description;
  if (input.accent_color) shop.accent_color = *input.accent_color;
  if (input.shipping_policy) shop.shipping_policy = *input.shipping_policy;
  if (input.returns_policy) shop.returns_policy = *input.returns_policy;
  auto attach = [&](const std::optional<std::optional<std::int64_t>>& given,
                    std::optional<std::int64_t>& field) {
    if (!given) return;
    if (*given) media_.owned_image(sql, **given, shop.owner_id);
    field = *given;
  };
  attach(input.logo_image_id, shop.logo_image_id);
  attach(input.cover_image_id, shop.cover_image_id);
  if (input.slug && *input.slug != shop.slug) {
    if (store::slug_taken(sql, *input.slug, shop.id)) throw slug_taken(*input.slug);
    shop.slug = *input.slug;
  }
}

ShopView ShopsService::create(std::int64_t owner_id, const ShopInput& input) {
  return database_.transaction([&](db::Connection& sql) {
    if (store::find_by_owner(sql, owner_id)) throw shop_exists();
    Shop shop;
    shop.owner_id = owner_id;
    shop.accent_color = kDefaultAccentColor;
    // A chosen slug is checked by apply(); a derived one is made free here.
    if (!input.slug) shop.slug = unique_slug(sql, slugify(input.name.value_or("")));
    shop.created_at = shop.updated_at = now_millis();
    apply(sql, shop, input);
    shop.id = store::insert(sql, shop);
    if (input.shipping_rates) store::replace_shipping_rates(sql, shop.id, *input.shipping_rates);
    return view_of(sql, std::move(shop));
  });
}

ShopView ShopsService::update(std::int64_t owner_id, const std::string& slug,
                              const ShopInput& input) {
  return database_.transaction([&](db::Connection& sql) {
    auto shop = store::find_by_slug_for_update(sql, slug);
    if (!shop) throw shop_not_found(slug);
    if (shop->owner_id != owner_id)
      throw ApiError::forbidden("This shop belongs to another vendor.");
    apply(sql, *shop, input);
    shop->updated_at = now_millis();
    store::update(sql, *shop);
    if (input.shipping_rates) store::replace_shipping_rates(sql, shop->id, *input.shipping_rates);
    return view_of(sql, std::move(*shop));
  });
}

ShopView ShopsService::get(const std::string& slug, const db::CatalogRead& read) {
  return database_.with_catalog_read(read, [&](db::Connection& sql) {
    auto shop = store::find_by_slug(sql, slug);
    if (!shop) throw shop_not_found(slug);
    return view_of(sql, std::move(*shop));
  });
}

std::optional<ShopView> ShopsService::find_by_owner(std::int64_t owner_id) {
  return database_.with_session([&](db::Connection& sql) -> std::optional<ShopView> {
    auto shop = store::find_by_owner(sql, owner_id);
    if (!shop) return std::nullopt;
    return view_of(sql, std::move(*shop));
  });
}

ShopPage ShopsService::list(const ShopFilter& filter, const db::CatalogRead& read) {
  return database_.with_catalog_read(read, [&](db::Connection& sql) {
    ShopPage page;
    page.total = store::count(sql, filter);
    auto shops = store::list(sql, filter);
    std::vector<std::int64_t> image_ids, shop_ids;
    for (const auto& shop : shops) {
      collect_image_ids(shop, image_ids);
      shop_ids.push_back(shop.id);
    }
    const auto images = media_.find_many(sql, image_ids);
    auto rates = store::shipping_rates(sql, shop_ids);
    for (auto& shop : shops) {
      auto& view = page.items.emplace_back(with_images(std::move(shop), images));
      view.shipping_rates = std::move(rates[view.shop.id]);
    }
    return page;
  });
}

Shop ShopsService::require_shop_of(db::Connection& sql, std::int64_t owner_id) const {
  auto shop = store::find_by_owner(sql, owner_id);
  if (!shop) throw ApiError(ErrorCode::shop_required, "Create your shop before adding products.");
  return std::move(*shop);
}

std::optional<Shop> ShopsService::find_shop(db::Connection& sql, const std::string& slug) const {
  return store::find_by_slug(sql, slug);
}

FeeOverride ShopsService::fee_override(db::Connection& sql, std::int64_t shop_id) const {
  return store::fee_override(sql, shop_id);
}

void ShopsService::set_fee_override(const std::string& slug, const FeeOverride& fee) {
  FieldErrors errors;
  if (fee.bps && (*fee.bps < 0 || *fee.bps > kMaxFeeBps))
    errors["bps"].push_back("must be 0.." + std::to_string(kMaxFeeBps));
  if (fee.fixed_cents && (*fee.fixed_cents < 0 || *fee.fixed_cents > kMaxFixedFeeCents))
    errors["fixed"].push_back("must be 0.." + std::to_string(kMaxFixedFeeCents));
  if (!errors.empty()) throw ApiError::validation(std::move(errors));
  database_.transaction([&](db::Connection& sql) {
    if (!store::set_fee_override(sql, slug, fee))
      throw ApiError::not_found("There is no shop " + slug + ".");
  });
}

std::map<std::int64_t, std::vector<ShippingRate>> ShopsService::shipping_rates(
    db::Connection& sql, const std::vector<std::int64_t>& shop_ids) const {
  return store::shipping_rates(sql, shop_ids);
}

std::vector<ShopSummary> ShopsService::summaries(db::Connection& sql,
                                                 const std::vector<std::int64_t>& ids) const {
  return store::summaries(sql, ids);
}

}  // namespace ps::shops
