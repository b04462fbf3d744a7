#pragma once

#include "core/clock.h"
#include "core/page.h"
#include "db/database.h"
#include "media/service.h"
#include "shops/store.h"

#include <soci/session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ps::catalog {

struct Product {
  std::int64_t id = 0;
  std::int64_t shop_id = 0;
  std::string name;
  std::string description;
  std::string category;
  long long price_cents = 0;
  std::string currency;
  long long inventory = 0;
  std::string status;  // active | draft
  bool archived = false;
  Millis created_at = 0;
  Millis updated_at = 0;
  long long rating_count = 0;
  long long rating_sum = 0;
};

// An image of a product as shown: the stored image and its alt text.
struct ProductImage {
  media::Image image;
  std::string alt_text;
};

// A product with its shop and images resolved, ready to be shown. The store
// reads the product with its shop in one query; the images come after.
struct ProductView {
  Product product;
  shops::ShopSummary shop;
  std::vector<ProductImage> images;  // in order; in lists only the main one
};

struct ProductImageRef {
  std::int64_t product_id = 0;
  int position = 0;
  std::int64_t image_id = 0;
  std::string alt_text;
};

enum class ProductSort { relevance, newest, price_asc, price_desc };

// Where a page asked for with `after` starts: just past the product with
// this sort key (created_at for newest, price_cents for the price sorts)
// and id. Unlike OFFSET, it costs the same on every page, and an insertion
// meanwhile neither repeats nor skips an item.
struct ProductCursor {
  long long key = 0;
  std::int64_t id = 0;
};

struct ProductFilter {
  std::string query;  // full-text search; empty: everything
  std::string shop_slug;
  std::optional<std::int64_t> shop_id;
  std::string category;
  std::optional<long long> min_price_cents;
  std::optional<long long> max_price_cents;
  bool in_stock_only = false;
  bool include_drafts = false;        // the owner's own list
  std::optional<std::string> status;  // with include_drafts: only this status
  ProductSort sort = ProductSort::newest;
  PageRequest page;
  std::optional<ProductCursor> after;  // instead of page.page; not for relevance
};

// SQL for products and their images; no business rules here.
namespace store {
// Reads of products come with their shop's summary, images still empty.
std::optional<ProductView> find(soci::session& sql, std::int64_t id);
// The same with all of the product's images, in order.
std::optional<ProductView> find_with_images(soci::session& sql, std::int64_t id);
std::int64_t insert(soci::session& sql, const Product& product);
void update(soci::session& sql, const Product& product);
void archive(soci::session& sql, std::int64_t id, Millis now);
// In the order of `ids` (distinct), leaving out those not found;
// with_main_image: each view's images hold its main image.
std::vector<ProductView> find_many(soci::session& sql, db::Dialect dialect,
                                   const std::vector<std::int64_t>& ids, bool with_main_image);
// The newest `per_shop` products on sale of each shop with their main
// images, in one query; shop by shop, newest first.
std::vector<ProductView> newest_of_shops(soci::session& sql,
                                         const std::vector<std::int64_t>& shop_ids, int per_shop);
// Conditional decrement: false when fewer than `quantity` are left or the
// product is not on sale.
bool take_stock(soci::session& sql, std::int64_t id, long long quantity);
void return_stock(soci::session& sql, std::int64_t id, long long quantity);
void add_rating(soci::session& sql, std::int64_t id, int rating_delta, int count_delta);
std::vector<Product> low_stock(soci::session& sql, std::int64_t shop_id, long long threshold);

void replace_images(soci::session& sql, std::int64_t product_id,
                    const std::vector<ProductImageRef>& images);

// A page of products in the filter's order, with their shops and main
// images; `more` when a product follows it.
struct ProductRows {
  std::vector<ProductView> views;
  bool more = false;
};
ProductRows page(soci::session& sql, db::Dialect dialect, const ProductFilter& filter);
// Matching products per category, ignoring the filter's own category: the
// facets, and the page's total too (see CatalogService::search).
std::vector<std::pair<std::string, long long>> category_counts(soci::session& sql,
                                                               db::Dialect dialect,
                                                               const ProductFilter& filter);
// After a bulk load: merges the full-text index into one segment (SQLite;
// PostgreSQL's index is kept merged, see migration 006).
void compact_search_index(soci::session& sql, db::Dialect dialect);
}  // namespace store

// "Blue mugs!" -> {"blue", "mugs"}: the words of a search, safe to put in an
// FTS5 or tsquery expression.
std::vector<std::string> search_terms(std::string_view text);

}  // namespace ps::catalog
