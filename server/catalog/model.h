#pragma once

// Products as plain data.

#include "core/clock.h"
#include "core/page.h"
#include "media/model.h"
#include "shops/model.h"

#include <cstdint>
#include <optional>
#include <string>
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

}  // namespace ps::catalog
