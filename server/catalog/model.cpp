#include "catalog/model.h"

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

}  // namespace ps::catalog
