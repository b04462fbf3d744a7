#pragma once

#include "catalog/model.h"
#include "catalog/store_rows.h"
#include "db/query.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace ps::catalog::store::words_index {

// product_words (PostgreSQL, migration 026): a row per listed product and
// lexeme of its search vector, walked in price or creation order by
// (word, category, price_cents | created_at, id). A sorted search reads a
// page's worth of rows for each word of its rarest term, testing each row for
// the other terms in the same index; the facets merge the terms' rows.
// Each answer is nullopt where the table cannot answer exactly as the search
// vector would (a term the stemmer splits in two, or a prefix of very many
// words): the general path then serves the search.

// The page's product ids in order, with one more when another page follows;
// for the searches that sorted_index::serves_page names.
std::optional<std::vector<std::int64_t>> page_ids(db::Connection& sql, const ProductFilter& filter);

// (category, count) over the first `cap` matches of a text search of listed
// products (narrowed at most by price), the filter's category left out.
std::optional<CountsByCategory> capped_counts(db::Connection& sql, const ProductFilter& filter,
                                              long long cap);

}  // namespace ps::catalog::store::words_index
