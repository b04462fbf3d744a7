#pragma once

#include "catalog/model.h"
#include "catalog/store_rows.h"
#include "catalog/store_sorted.h"
#include "db/query.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ps::catalog {

// SQL for products and their images; no business rules here.
namespace store {
// Reads of products come with their shop's summary, images still empty.
std::optional<ProductView> find(db::Connection& sql, std::int64_t id);
// find(), and no other transaction may change the product (its stock
// included) until this one ends: PostgreSQL locks the row; an SQLite write
// transaction holds the whole database already.
std::optional<ProductView> find_for_update(db::Connection& sql, std::int64_t id);
// find() with all of the product's images, in order, and its shop's shipping
// rate for its currency (none: flat 0, it ships free): its page.
std::optional<ProductDetail> find_detail(db::Connection& sql, std::int64_t id);
std::int64_t insert(db::Connection& sql, const Product& product);
void update(db::Connection& sql, const Product& product);
void archive(db::Connection& sql, std::int64_t id, Millis now);
// In the order of `ids` (distinct), leaving out those not found;
// with_main_image: each view's images hold its main image.
std::vector<ProductView> find_many(db::Connection& sql, const std::vector<std::int64_t>& ids,
                                   bool with_main_image);
// The newest `per_shop` products on sale of each shop with their main
// images, in one query; shop by shop, newest first.
std::vector<ProductView> newest_of_shops(db::Connection& sql,
                                         const std::vector<std::int64_t>& shop_ids, int per_shop);
// The statement newest_of_shops runs (the SQLite plan test reads it too).
db::Query newest_of_shops_query(const std::vector<std::int64_t>& shop_ids, int per_shop);
// Conditional decrement: false when fewer than `quantity` are left or the
// product is not on sale.
bool take_stock(db::Connection& sql, std::int64_t id, long long quantity);
void return_stock(db::Connection& sql, std::int64_t id, long long quantity);
void add_rating(db::Connection& sql, std::int64_t id, int rating_delta, int count_delta);
std::vector<Product> low_stock(db::Connection& sql, std::int64_t shop_id, long long threshold);

void replace_images(db::Connection& sql, std::int64_t product_id,
                    const std::vector<ProductImageRef>& images);

// A page of products in the filter's order, with their shops and main
// images; `more` when a product follows it.
struct ProductRows {
  std::vector<ProductView> views;
  bool more = false;
};
// `many_matches` (at least kManyMatches, as category_counts found) lets a
// text search walk the sort's index instead of sorting all of its matches.
constexpr long long kManyMatches = 250;
// `lookup` holds what the search's facets looked up (category_counts).
ProductRows page(db::Connection& sql, const ProductFilter& filter, bool many_matches,
                 sorted_index::Lookup& lookup);
// Counting a search's matches stops at this many: its total and facets then
// count the first kCountCap matches and say that they are lower bounds, so
// that a search costs the same however many products a common word matches
// (bench/README.md, issue 20). Kept counts are exact: the whole catalogue,
// one shop, and on PostgreSQL one word (word_counts).
constexpr long long kCountCap = 1000;

// Matching products per category, ignoring the filter's own category: the
// facets, and the page's total too (see CatalogService::search).
// `lookup` keeps what they looked up for the page that follows (page).
CategoryCounts category_counts(db::Connection& sql, const ProductFilter& filter,
                               sorted_index::Lookup& lookup);
// Whether any product matches the filter (its page and sort aside).
bool any_match(db::Connection& sql, const ProductFilter& filter);
// Up to `limit` words of product names and categories (migration 022), the
// most like `word` by trigrams first: pg_trgm's distance on PostgreSQL,
// shared trigrams on SQLite.
std::vector<std::string> similar_words(db::Connection& sql, std::string_view word, int limit);
// After a bulk load: merges the full-text index into one segment (SQLite;
// PostgreSQL's index is kept merged, see migration 006).
void compact_search_index(db::Connection& sql);
}  // namespace store

// "Blue mugs!" -> {"blue", "mugs"}: the words of a search, safe to put in an
// FTS5 or tsquery expression. Each is searched for with its search_spellings.
std::vector<std::string> search_terms(std::string_view text);

// Each term with its other spellings (search_spellings), all as prefixes, in
// FTS5's query syntax: `"wool"* AND ("scarf"* OR "scarves"*)`.
std::string fts5_expression(const std::vector<std::string>& terms);

// The word and the other forms a search for it finds: the irregular plurals
// that Porter's stemmer (FTS5) and PostgreSQL's english one leave apart from
// their singulars ("scarf" <-> "scarves", "cactus" <-> "cacti"). Lower case
// in, lower case out; the word itself first.
std::vector<std::string> search_spellings(std::string_view word);

}  // namespace ps::catalog
