#pragma once

// Products as plain data.

#include "core/clock.h"
#include "core/page.h"
#include "media/model.h"
#include "shops/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ps::catalog {

// draft <-> active: a vendor publishes and unpublishes; either -> archived,
// for good (archived products are gone from every page but old orders). The
// one table of allowed moves is in model.cpp.
enum class ProductStatus { draft, active, archived };

std::string_view to_string(ProductStatus status);
std::optional<ProductStatus> parse_product_status(std::string_view text);
bool allowed(ProductStatus from, ProductStatus to);

struct Product {
  std::int64_t id = 0;
  std::int64_t shop_id = 0;
  std::string name;
  std::string description;
  std::string category;
  long long price_cents = 0;
  std::string currency;
  long long inventory = 0;
  ProductStatus status = ProductStatus::active;
  Millis created_at = 0;
  Millis updated_at = 0;
  long long rating_count = 0;
  long long rating_sum = 0;
};

// Whether buyers may see and buy it.
inline bool for_sale(const Product& product) { return product.status == ProductStatus::active; }

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
  bool include_drafts = false;          // the owner's own list
  std::optional<ProductStatus> status;  // with include_drafts: only this status
  ProductSort sort = ProductSort::newest;
  PageRequest page;
  std::optional<ProductCursor> after;  // instead of page.page; not for relevance
};

struct ImageInput {
  std::int64_t image_id = 0;
  std::string alt_text;
};

// What a vendor sends to create or change a product; absent fields stay as
// they are. `images` replaces the whole ordered list (add, remove, reorder).
struct ProductInput {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::string> category;
  std::optional<long long> price_cents;
  std::optional<std::string> currency;
  std::optional<long long> inventory;
  std::optional<ProductStatus> status;
  std::optional<std::vector<ImageInput>> images;
};

struct ProductPage {
  std::vector<ProductView> items;
  std::string next;  // the `after` of the next page; empty on the last one
  long long total = 0;
  std::vector<std::pair<std::string, long long>> categories;  // facet counts
  // Counting stopped at a cap (store::kCountCap): total and facets are lower bounds.
  bool total_capped = false;
  // When a text search found nothing: a close spelling of it that finds
  // something ("scraf" -> "scarf"); else empty.
  std::string did_you_mean;
};

// A shop's storefront: the shop and the first page of its products.
struct Storefront {
  shops::ShopView shop;
  ProductPage products;
};

// A product's own page: the product, and what its shop charges to ship an
// order in the product's currency (no rate: flat_cents 0, it ships free).
struct ProductDetail {
  ProductView view;
  shops::ShippingRate shipping;
};

// A page of the shop directory, each shop with a few of its newest products.
struct ShopDirectory {
  shops::ShopPage page;
  std::vector<ProductView> previews;  // shop by shop, newest first
};

// Good news about a product for the people who saved it (favorites tells
// them): its price fell by at least kPriceDropPercent, or it is back in
// stock. It is told a while after the edit (catalog/service.h), when it must
// still hold, so that an edit undone at once tells no one; at most one of
// each kind a product a day.
enum class ProductNews { price_drop, back_in_stock };
inline constexpr long long kPriceDropPercent = 5;
std::string_view to_string(ProductNews news);
std::optional<ProductNews> parse_product_news(std::string_view text);
// The news an edit from `before` to `after` makes, if any.
std::optional<ProductNews> news_of(const Product& before, const Product& after);
// Whether the news the job was enqueued for (with the price before the
// edit) still holds for the product as it is now.
bool still_news(ProductNews news, const Product& now, long long price_before);

}  // namespace ps::catalog
