#pragma once

#include "catalog/model.h"
#include "catalog/store_rows.h"
#include "db/query.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::catalog::store::words_index {

// product_words (PostgreSQL, migration 026): a row per listed product and
// lexeme of its search vector, walked in price or creation order by
// (word, category, price_cents | created_at, id). A sorted search reads a
// page's worth of rows for each word of its rarest term, testing each row for
// the other terms in the same index; the facets merge the terms' rows, or
// read a word's kept counts (word_counts, migration 028). Where the table
// cannot answer exactly as the search vector would (a term the stemmer splits
// in two, or a prefix of very many words), the general path serves the search.

// Each term's words in product_words (those that begin with a stem of one of
// its spellings), the term of fewest words first; nullopt where the table
// cannot stand in for the search vector.
using TermWords = std::vector<std::vector<std::string>>;
std::optional<TermWords> term_words(db::Connection& sql, const ProductFilter& filter);

// The page's product ids in order, with one more when another page follows;
// for the searches that sorted_index::serves_page names.
std::vector<std::int64_t> page_ids(db::Connection& sql, const ProductFilter& filter,
                                   const TermWords& words);

// The facets of a text search of listed products (narrowed at most by price),
// the filter's category left out: kept in word_counts for one word without a
// price range (migration 028), else counted over the first `cap` matches.
CategoryCounts counts(db::Connection& sql, const ProductFilter& filter, const TermWords& words,
                      long long cap);

}  // namespace ps::catalog::store::words_index
