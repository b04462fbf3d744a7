#pragma once

#include "catalog/model.h"
#include "catalog/store.h"
#include "db/database.h"
#include "media/service.h"
#include "shops/service.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ps::catalog {

std::span<const std::string_view> categories();
constexpr std::size_t kMaxImagesPerProduct = 12;

// The sorts' names in the API (`sort=`, cursors), in ProductSort's order.
constexpr std::string_view kProductSortNames[] = {"relevance", "newest", "price_asc", "price_desc"};
static_assert(std::size(kProductSortNames) ==
              static_cast<std::size_t>(ProductSort::price_desc) + 1);
constexpr std::string_view sort_name(ProductSort sort) {
  return kProductSortNames[static_cast<std::size_t>(sort)];
}

// `after` cursors as text: "<sort>.<key>.<id>", e.g. "price_asc.2400.17".
// Relevance has none (its order is a score, not a column).
std::string cursor_text(ProductSort sort, const Product& last);
// nullopt unless `text` is a cursor of this sort.
std::optional<ProductCursor> parse_cursor(std::string_view text, ProductSort sort);

// The job an edit enqueues when it makes news (news_of), run
// kProductNewsDelay later; favorites handles it.
inline constexpr std::string_view kProductNewsJob = "product_news";
inline constexpr Millis kProductNewsDelay = 10 * 60 * 1000;

// Whether a viewer (nullopt: a guest) may see a product: it is not archived,
// and it is active unless the viewer owns its shop. Everything about a product
// they may not see answers 404, as for one that does not exist.
bool visible_to(const ProductView& view, std::optional<std::int64_t> viewer_id);

// Products of shops, and discovery. Only a shop's owner changes its products;
// drafts are seen by their owner only; deleting archives, so orders keep
// their products. Blocking: call from the WorkerPool.
class CatalogService {
 public:
  CatalogService(db::Database& database, shops::ShopsService& shops, media::MediaService& media)
      : database_(database), shops_(shops), media_(media) {}

  ProductView create(std::int64_t owner_id, const ProductInput& input);
  ProductView update(std::int64_t owner_id, std::int64_t product_id, const ProductInput& input);
  void archive(std::int64_t owner_id, std::int64_t product_id);
  // The public catalog's reads may be served by a replica that has replayed
  // `read` (db::Database::with_catalog_read).
  // viewer_id: the signed-in user, who may see their own drafts.
  ProductDetail get(std::int64_t product_id, std::optional<std::int64_t> viewer_id,
                    const db::CatalogRead& read = {});
  ProductPage search(const ProductFilter& filter, const db::CatalogRead& read = {});
  // The vendor's own products: read on the primary, like everything a
  // person reads about themselves.
  ProductPage list_own(std::int64_t owner_id, ProductFilter filter);
  // The shop's page: its profile and its newest products (`filter` says how
  // many, and which shop).
  Storefront storefront(const ProductFilter& filter, const db::CatalogRead& read = {});
  // Shops with a few of each one's newest products.
  ShopDirectory directory(const shops::ShopFilter& filter, int previews_per_shop,
                          const db::CatalogRead& read = {});

  // For other features, inside their transaction.
  // Products by id (in the order of `ids`) with their shop, archived ones
  // included; with their main image for what shows them, without for what
  // only checks them.
  enum class Images { none, main };
  std::vector<ProductView> find_many(db::Connection& sql, const std::vector<std::int64_t>& ids,
                                     Images images);
  // Takes `quantity` units if that many are in stock and the product is on
  // sale; false otherwise. Never lets inventory go below zero.
  bool take_stock(db::Connection& sql, std::int64_t product_id, long long quantity);
  // Also tells of the news when it brings the product back in stock.
  void return_stock(db::Connection& sql, std::int64_t product_id, long long quantity);
  // Products on sale with at most `threshold` left, fewest first.
  std::vector<Product> low_stock(db::Connection& sql, std::int64_t shop_id, long long threshold);
  void add_rating(db::Connection& sql, std::int64_t product_id, int rating_delta, int count_delta);

  // After a bulk load (the seeds): leaves the search index as compact as
  // searches want it.
  void compact_search_index();

 private:
  ProductPage page_of(db::Connection& sql, const ProductFilter& filter);
  // The vendor's product, not archived, locked until the transaction ends.
  ProductView owned_product(db::Connection& sql, std::int64_t owner_id, std::int64_t product_id);
  void save_images(db::Connection& sql, std::int64_t owner_id, std::int64_t product_id,
                   const std::vector<ImageInput>& images);

  db::Database& database_;
  shops::ShopsService& shops_;
  media::MediaService& media_;
};

}  // namespace ps::catalog
