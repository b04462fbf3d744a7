#include "catalog/store_rows.h"

#include <utility>

namespace ps::catalog::store {

namespace {
struct IdRow {
  long long id = 0;
  void define(soci::statement& st) { st.exchange(soci::into(id)); }
};

struct CountRow {
  std::string category;
  long long n = 0;
  void define(soci::statement& st) {
    st.exchange(soci::into(category));
    st.exchange(soci::into(n));
  }
};
}  // namespace

std::vector<std::int64_t> read_ids(db::Connection& sql, const db::Query& query) {
  std::vector<std::int64_t> ids;
  query.each<IdRow>(sql, [&](const IdRow& row) { ids.push_back(row.id); });
  return ids;
}

CountsByCategory read_counts(db::Connection& sql, const db::Query& query) {
  CountsByCategory counts;
  query.each<CountRow>(sql, [&](const CountRow& row) { counts.emplace_back(row.category, row.n); });
  return counts;
}

CategoryCounts counted_to(CountsByCategory counts, long long cap) {
  long long matches = 0;
  for (const auto& [category, n] : counts) matches += n;
  return {std::move(counts), matches >= cap};
}

}  // namespace ps::catalog::store
