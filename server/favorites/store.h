#pragma once

#include "core/page.h"
#include "db/connection.h"
#include "favorites/model.h"

#include <cstdint>
#include <optional>
#include <vector>

// SQL for favorites; no business rules here.
namespace ps::favorites::store {

// Nothing when the user has the product already (the first time stays).
void insert(db::Connection& sql, std::int64_t user_id, std::int64_t product_id, Millis now);
std::optional<Millis> saved_at(db::Connection& sql, std::int64_t user_id, std::int64_t product_id);
void remove(db::Connection& sql, std::int64_t user_id, std::int64_t product_id);
long long count(db::Connection& sql, std::int64_t user_id);
// Newest first.
std::vector<Favorite> list(db::Connection& sql, std::int64_t user_id, const PageRequest& page);
std::vector<std::int64_t> product_ids(db::Connection& sql, std::int64_t user_id);
// How many people saved each product of the vendor's shop (those saved at
// least once), most saved first.
std::vector<SaveCount> save_counts_of_vendor(db::Connection& sql, std::int64_t vendor_id);
// The people who saved a product, in the order they saved it.
std::vector<std::int64_t> people_who_saved(db::Connection& sql, std::int64_t product_id);

}  // namespace ps::favorites::store
