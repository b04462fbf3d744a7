#include "catalog/service.h"

#include "catalog/spelling.h"
#include "core/errors.h"
#include "jobs/queue.h"

#include <fmt/format.h>
#include <boost/json.hpp>

#include <algorithm>
#include <charconv>

namespace ps::catalog {

namespace {
constexpr std::string_view kCategories[] = {"art",     "jewelry",    "clothing",    "home",
                                            "kitchen", "stationery", "toys",        "beauty",
                                            "plants",  "books",      "accessories", "food"};

ApiError product_not_found() { return ApiError::not_found("There is no such product."); }

// Each word of a search that found nothing, replaced by the closest known
// word when it is not one itself; offered only when that search finds
// something under the same filters. Empty when nothing is offered.
std::string did_you_mean(db::Connection& sql, const ProductFilter& filter) {
  constexpr int kCandidates = 20;
  auto terms = search_terms(filter.query);
  bool changed = false;
  for (auto& term : terms) {
    if (auto closest = closest_spelling(term, store::similar_words(sql, term, kCandidates))) {
      term = std::move(*closest);
      changed = true;
    }
  }
  if (!changed) return {};
  ProductFilter corrected = filter;
  corrected.query.clear();
  for (const auto& term : terms) corrected.query += (corrected.query.empty() ? "" : " ") + term;
  return store::any_match(sql, corrected) ? corrected.query : std::string();
}

}  // namespace

std::span<const std::string_view> categories() { return kCategories; }

std::string cursor_text(ProductSort sort, const Product& last) {
  if (sort == ProductSort::relevance) return {};
  const long long key = sort == ProductSort::newest ? last.created_at : last.price_cents;
  return fmt::format("{}.{}.{}", sort_name(sort), key, last.id);
}

std::optional<ProductCursor> parse_cursor(std::string_view text, ProductSort sort) {
  const auto name = sort_name(sort);
  if (sort == ProductSort::relevance || !text.starts_with(name) || text.size() == name.size() ||
      text[name.size()] != '.')
    return std::nullopt;
  ProductCursor cursor;
  const char* const end = text.data() + text.size();
  const auto key = std::from_chars(text.data() + name.size() + 1, end, cursor.key);
  if (key.ec != std::errc{} || key.ptr == end || *key.ptr != '.') return std::nullopt;
  const auto id = std::from_chars(key.ptr + 1, end, cursor.id);
  if (id.ec != std::errc{} || id.ptr != end || cursor.key < 0 || cursor.id < 0) return std::nullopt;
  return cursor;
}

namespace {
// Tells of the news an edit makes (news_of) once kProductNewsDelay has
// passed, at most once a day of each kind.
void enqueue_news(db::Connection& sql, const Product& before, const Product& after) {
  const auto news = news_of(before, after);
  if (!news) return;
  const auto day = std::to_string(after.updated_at / kDayMillis);
  jobs::enqueue(sql, {.kind = std::string(kProductNewsJob),
                      .payload = boost::json::serialize(
                          boost::json::object{{"product_id", after.id},
                                              {"news", to_string(*news)},
                                              {"price_before_cents", before.price_cents}}),
                      .dedupe_key = "product_news:" + std::to_string(after.id) + ":" +
                                    std::string(to_string(*news)) + ":" + day,
                      .run_at = after.updated_at + kProductNewsDelay});
}
}  // namespace

ProductView CatalogService::owned_product(db::Connection& sql, std::int64_t owner_id,
                                          std::int64_t product_id) {
  // Locked: an edit writes every column back, the stock too, so a sale
  // committed between this read and that write would be undone.
  auto view = store::find_for_update(sql, product_id);
  if (!view || view->product.status == ProductStatus::archived) throw product_not_found();
  if (view->shop.owner_id != owner_id)
    throw ApiError::forbidden("This product belongs to another vendor's shop.");
  return std::move(*view);
}

void CatalogService::save_images(db::Connection& sql, std::int64_t owner_id,
                                 std::int64_t product_id, const std::vector<ImageInput>& images) {
  std::vector<ProductImageRef> refs;
  for (const auto& input : images) {
    media_.owned_image(sql, input.image_id, owner_id);
    refs.push_back({product_id, static_cast<int>(refs.size()), input.image_id, input.alt_text});
  }
  store::replace_images(sql, product_id, refs);
}

ProductView CatalogService::create(std::int64_t owner_id, const ProductInput& input) {
  return database_.transaction([&](db::Connection& sql) {
    const auto shop = shops_.require_shop_of(sql, owner_id);
    Product product;
    product.shop_id = shop.id;
    product.name = input.name.value_or("");
    product.description = input.description.value_or("");
    product.category = input.category.value_or("");
    product.price_cents = input.price_cents.value_or(0);
    product.currency = input.currency.value_or("USD");
    product.inventory = input.inventory.value_or(0);
    product.status = input.status.value_or(ProductStatus::active);
    product.created_at = product.updated_at = now_millis();
    product.id = store::insert(sql, product);
    if (input.images) save_images(sql, owner_id, product.id, *input.images);
    return store::find_detail(sql, product.id).value().view;
  });
}

ProductView CatalogService::update(std::int64_t owner_id, std::int64_t product_id,
                                   const ProductInput& input) {
  return database_.transaction([&](db::Connection& sql) {
    ProductView view = owned_product(sql, owner_id, product_id);
    Product& product = view.product;
    const Product before = product;
    if (input.name) product.name = *input.name;
    if (input.description) product.description = *input.description;
    if (input.category) product.category = *input.category;
    if (input.price_cents) product.price_cents = *input.price_cents;
    if (input.currency) product.currency = *input.currency;
    if (input.inventory) product.inventory = *input.inventory;
    if (input.status) {
      if (!allowed(product.status, *input.status))
        throw ApiError::validation(
            {{"status", {"cannot become " + std::string(to_string(*input.status))}}});
      product.status = *input.status;
    }
    product.updated_at = now_millis();
    store::update(sql, product);
    enqueue_news(sql, before, product);
    if (input.images) save_images(sql, owner_id, product.id, *input.images);
    return store::find_detail(sql, product.id).value().view;
  });
}

void CatalogService::archive(std::int64_t owner_id, std::int64_t product_id) {
  database_.transaction([&](db::Connection& sql) {
    owned_product(sql, owner_id, product_id);
    store::archive(sql, product_id, now_millis());
  });
}

bool visible_to(const ProductView& view, std::optional<std::int64_t> viewer_id) {
  // A draft is invisible, not forbidden, to everyone but its owner.
  if (view.product.status == ProductStatus::draft)
    return viewer_id && view.shop.owner_id == *viewer_id;
  return for_sale(view.product);
}

ProductDetail CatalogService::get(std::int64_t product_id, std::optional<std::int64_t> viewer_id,
                                  const db::CatalogRead& read) {
  return database_.with_catalog_read(read, [&](db::Connection& sql) {
    auto detail = store::find_detail(sql, product_id);
    if (!detail || !visible_to(detail->view, viewer_id)) throw product_not_found();
    return std::move(*detail);
  });
}

ProductPage CatalogService::search(const ProductFilter& filter, const db::CatalogRead& read) {
  return database_.with_catalog_read(read,
                                     [&](db::Connection& sql) { return page_of(sql, filter); });
}

ProductPage CatalogService::page_of(db::Connection& sql, const ProductFilter& filter) {
  ProductPage page;
  store::sorted_index::Lookup lookup;  // looked up once for the facets and the page
  auto counted = store::category_counts(sql, filter, lookup);
  page.categories = std::move(counted.counts);
  page.total_capped = counted.capped;
  // The facets count the same matches per category, the filter's own
  // category left out: the total is one facet, or all of them, and needs
  // no COUNT of its own (one full-text evaluation less per search).
  for (const auto& [category, count] : page.categories)
    if (filter.category.empty() || category == filter.category) page.total += count;
  auto rows = store::page(sql, filter, page.total >= store::kManyMatches, lookup);
  page.items = std::move(rows.views);
  if (rows.more && !page.items.empty())
    page.next = cursor_text(filter.sort, page.items.back().product);
  // The capped count took the first kCountCap matches of every category, so
  // the filter's own category may have had few of them, or none, though its
  // page found products: the total is at least what this page has seen.
  if (page.total_capped) {
    const long long seen = (filter.after ? 0 : filter.page.offset()) +
                           static_cast<long long>(page.items.size()) + (rows.more ? 1 : 0);
    page.total = std::max(page.total, seen);
  }
  // Only a search that found nothing pays for a suggestion.
  if (page.total == 0 && !filter.include_drafts && !filter.query.empty())
    page.did_you_mean = did_you_mean(sql, filter);
  return page;
}

ProductPage CatalogService::list_own(std::int64_t owner_id, ProductFilter filter) {
  const auto shop = database_.with_session(
      [&](db::Connection& sql) { return shops_.require_shop_of(sql, owner_id); });
  filter.shop_id = shop.id;
  filter.shop_slug.clear();
  filter.include_drafts = true;
  return database_.with_session([&](db::Connection& sql) { return page_of(sql, filter); });
}

Storefront CatalogService::storefront(const ProductFilter& filter, const db::CatalogRead& read) {
  auto shop = shops_.get(filter.shop_slug, read);
  return {std::move(shop), search(filter, read)};
}

ShopDirectory CatalogService::directory(const shops::ShopFilter& filter, int previews_per_shop,
                                        const db::CatalogRead& read) {
  ShopDirectory directory{shops_.list(filter, read), {}};
  std::vector<std::int64_t> ids;
  for (const auto& view : directory.page.items) ids.push_back(view.shop.id);
  directory.previews = database_.with_catalog_read(read, [&](db::Connection& sql) {
    return store::newest_of_shops(sql, ids, previews_per_shop);
  });
  return directory;
}

std::vector<ProductView> CatalogService::find_many(db::Connection& sql,
                                                   const std::vector<std::int64_t>& ids,
                                                   Images images) {
  return store::find_many(sql, ids, images == Images::main);
}

bool CatalogService::take_stock(db::Connection& sql, std::int64_t product_id, long long quantity) {
  return store::take_stock(sql, product_id, quantity);
}

void CatalogService::return_stock(db::Connection& sql, std::int64_t product_id,
                                  long long quantity) {
  const auto before = store::find_for_update(sql, product_id);
  store::return_stock(sql, product_id, quantity);
  if (!before) return;
  // A cancelled order's units can bring a sold-out product back in stock.
  Product after = before->product;
  after.inventory += quantity;
  after.updated_at = now_millis();
  enqueue_news(sql, before->product, after);
}

std::vector<Product> CatalogService::low_stock(db::Connection& sql, std::int64_t shop_id,
                                               long long threshold) {
  return store::low_stock(sql, shop_id, threshold);
}

void CatalogService::add_rating(db::Connection& sql, std::int64_t product_id, int rating_delta,
                                int count_delta) {
  store::add_rating(sql, product_id, rating_delta, count_delta);
}

void CatalogService::compact_search_index() {
  database_.with_session([&](db::Connection& sql) { store::compact_search_index(sql); });
}

}  // namespace ps::catalog
