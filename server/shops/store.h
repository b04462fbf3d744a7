#pragma once

#include "shops/model.h"

#include <soci/session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::shops {

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
