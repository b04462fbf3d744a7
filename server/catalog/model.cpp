#include "catalog/model.h"

#include "core/money.h"

#include <array>
#include <utility>

namespace ps::catalog {

namespace {
constexpr std::array<std::pair<ProductStatus, std::string_view>, 3> kStatusNames{{
    {ProductStatus::draft, "draft"},
    {ProductStatus::active, "active"},
    {ProductStatus::archived, "archived"},
}};

constexpr std::array<std::pair<ProductStatus, ProductStatus>, 4> kAllowedMoves{{
    {ProductStatus::draft, ProductStatus::active},
    {ProductStatus::active, ProductStatus::draft},
    {ProductStatus::draft, ProductStatus::archived},
    {ProductStatus::active, ProductStatus::archived},
}};
}  // namespace

std::string_view to_string(ProductStatus status) {
  for (const auto& [value, name] : kStatusNames)
    if (value == status) return name;
  return "unknown";
}

std::optional<ProductStatus> parse_product_status(std::string_view text) {
  for (const auto& [value, name] : kStatusNames)
    if (name == text) return value;
  return std::nullopt;
}

bool allowed(ProductStatus from, ProductStatus to) {
  if (from == to) return from != ProductStatus::archived;  // saving without a move
  for (const auto& [a, b] : kAllowedMoves)
    if (a == from && b == to) return true;
  return false;
}

std::string_view to_string(ProductNews news) {
  return news == ProductNews::price_drop ? "price_drop" : "back_in_stock";
}

std::optional<ProductNews> parse_product_news(std::string_view text) {
  if (text == "price_drop") return ProductNews::price_drop;
  if (text == "back_in_stock") return ProductNews::back_in_stock;
  return std::nullopt;
}

namespace {
bool price_dropped(const Product& now, long long price_before) {
  return now.price_cents * 100 <= price_before * (100 - kPriceDropPercent);
}
}  // namespace

std::optional<ProductNews> news_of(const Product& before, const Product& after) {
  if (!for_sale(after)) return std::nullopt;
  if (before.inventory <= 0 && after.inventory > 0) return ProductNews::back_in_stock;
  if (after.inventory > 0 && same_currency(before.currency, after.currency) &&
      price_dropped(after, before.price_cents))
    return ProductNews::price_drop;
  return std::nullopt;
}

bool still_news(ProductNews news, const Product& now, long long price_before) {
  if (!for_sale(now) || now.inventory <= 0) return false;
  return news == ProductNews::back_in_stock || price_dropped(now, price_before);
}

}  // namespace ps::catalog
