#pragma once

#include "db/query.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ps::catalog::store {

// Readers of the rows that several of the catalogue's statements return.

// The first column of ids, in order.
std::vector<std::int64_t> read_ids(db::Connection& sql, const db::Query& query);

// (category, count) rows.
using CountsByCategory = std::vector<std::pair<std::string, long long>>;
CountsByCategory read_counts(db::Connection& sql, const db::Query& query);

// The facets of a page: matching products per category.
struct CategoryCounts {
  CountsByCategory counts;
  bool capped = false;  // counting stopped at a cap: each count is a lower bound
};
// Counts of at most the first `cap` matches: capped when they reach it.
CategoryCounts counted_to(CountsByCategory counts, long long cap);

}  // namespace ps::catalog::store
