#pragma once

#include "catalog/model.h"
#include "catalog/store_rows.h"
#include "catalog/store_words.h"
#include "db/query.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace ps::catalog::store::sorted_index {

// Indexes that walk a search's matches in the order of its sort and stop
// after a page (migration 026). SQLite: full-text indexes of the listed
// products whose rowids carry a sort, products_by_price (price_cents << 36 |
// id << 4 | category number) and products_by_newest (creation minute << 32 |
// id); the facets read each match's category from its rowid. PostgreSQL:
// the product_words table (store_words.h).

// A text search of listed products sorted by price (narrowed at most by
// category and price) or by newest (at most by category): nothing the
// indexes do not hold.
bool serves_page(db::Dialect dialect, const ProductFilter& filter);
// What a search's facets and its page both look up, found by the first and
// kept for the second: PostgreSQL's words of the search's terms.
class Lookup {
 public:
  const std::optional<words_index::TermWords>& term_words(db::Connection& sql,
                                                          const ProductFilter& filter);

 private:
  std::optional<std::optional<words_index::TermWords>> term_words_;
};

// The page's product ids in order, with one more when another page follows;
// nullopt when the search is the general path's after all (store_words.h).
std::optional<std::vector<std::int64_t>> page_ids(db::Connection& sql, const ProductFilter& filter,
                                                  Lookup& lookup);

// The facets of a text search of listed products, narrowed at most by price.
bool serves_counts(const ProductFilter& filter);
// (category, count), the filter's category left out: counted over the first
// `cap` matches, or kept (store_words.h); nullopt as page_ids.
std::optional<CategoryCounts> counts(db::Connection& sql, const ProductFilter& filter,
                                     long long cap, Lookup& lookup);

}  // namespace ps::catalog::store::sorted_index
