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

}  // namespace ps::catalog::store
