#pragma once

#include "db/query.h"
#include "shops/model.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ps::shops {

// SQL for shops; no business rules here.
namespace store {
std::optional<Shop> find_by_slug(db::Connection& sql, const std::string& slug);
// find_by_slug(), and no other transaction may change the shop until this
// one ends (an edit writes every field back).
std::optional<Shop> find_by_slug_for_update(db::Connection& sql, const std::string& slug);
std::optional<Shop> find_by_owner(db::Connection& sql, std::int64_t owner_id);
bool slug_taken(db::Connection& sql, const std::string& slug, std::int64_t except_shop_id);
std::int64_t insert(db::Connection& sql, const Shop& shop);
void update(db::Connection& sql, const Shop& shop);
std::vector<Shop> list(db::Connection& sql, const ShopFilter& filter);
// The statement list runs (the SQLite plan test reads it too).
db::Query list_query(const ShopFilter& filter);
std::vector<ShopSummary> summaries(db::Connection& sql, const std::vector<std::int64_t>& ids);
long long count(db::Connection& sql, const ShopFilter& filter);
// The shops' shipping rates, each shop's by currency (shops without any are
// left out).
std::map<std::int64_t, std::vector<ShippingRate>> shipping_rates(
    db::Connection& sql, const std::vector<std::int64_t>& shop_ids);
void replace_shipping_rates(db::Connection& sql, std::int64_t shop_id,
                            const std::vector<ShippingRate>& rates);
FeeOverride fee_override(db::Connection& sql, std::int64_t shop_id);
// false when there is no shop with this slug.
bool set_fee_override(db::Connection& sql, const std::string& slug, const FeeOverride& fee);
}  // namespace store

}  // namespace ps::shops
