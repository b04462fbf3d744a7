#pragma once

#include "catalog/model.h"
#include "db/query.h"

#include <cstdint>
#include <vector>

namespace ps::catalog::store::sorted_index {

// Full-text indexes of the listed products whose rowids carry a sort
// (migration 026, SQLite): products_by_price (price_cents << 36 | id << 4 |
// category number) and products_by_newest (creation minute << 32 | id). A
// sorted search reads its page's matches in rowid order and stops; the facets
// read each match's category from its rowid.

// A text search of listed products sorted by price (narrowed at most by
// category and price) or by newest (at most by category): nothing the
// indexes do not hold.
bool serves_page(db::Dialect dialect, const ProductFilter& filter);
// The page's product ids in order, with one more when another page follows.
std::vector<std::int64_t> page_ids(db::Connection& sql, const ProductFilter& filter);

// The facets of a text search of listed products, narrowed at most by price.
bool serves_counts(db::Dialect dialect, const ProductFilter& filter);
// (category, count) rows over the first `cap` matches, the filter's category
// left out.
db::Query capped_counts(const ProductFilter& filter, long long cap);

}  // namespace ps::catalog::store::sorted_index
