#include "catalog/routes.h"

#include "catalog/json.h"
#include "core/money.h"
#include "http/json_input.h"
#include "http/query_input.h"
#include "http/read_after.h"
#include "shops/json.h"

#include <boost/json.hpp>

#include <algorithm>
#include <set>

namespace ps::catalog {

namespace {
using boost::asio::awaitable;
using http::JsonFields;
using http::Request;
using http::Response;

constexpr long long kMaxInventory = 1'000'000;
constexpr int kProductsOnShopPage = 24;
constexpr int kProductsInShopList = 4;

std::optional<std::vector<ImageInput>> read_images(const boost::json::object& body,
                                                   JsonFields& fields) {
  const auto* value = body.if_contains("images");
  if (!value) return std::nullopt;
  if (!value->is_array()) {
    fields.fail("images", "must be a list of {image_id, alt_text}");
    return std::nullopt;
  }
  const auto& list = value->as_array();
  if (list.size() > kMaxImagesPerProduct) {
    fields.fail("images", "must hold at most " + std::to_string(kMaxImagesPerProduct) + " images");
    return std::nullopt;
  }
  std::vector<ImageInput> images;
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string prefix = "images[" + std::to_string(i) + "]";
    if (!list[i].is_object()) {
      fields.fail(prefix, "must be an object with image_id and alt_text");
      continue;
    }
    JsonFields item(list[i].as_object());
    const auto id = item.required_integer("image_id", 1, std::numeric_limits<std::int64_t>::max());
    const auto alt = item.optional_string("alt_text", 0, 250).value_or("");
    if (!item.finish_into(fields, prefix)) continue;
    if (!seen.insert(id).second) fields.fail(prefix + ".image_id", "appears twice");
    images.push_back({id, alt});
  }
  return images;
}

ProductInput read_product_input(const Request& request, bool creating) {
  const auto body = http::parse_json_object(request);
  JsonFields fields(body);
  ProductInput input;
  if (creating) {
    input.name = fields.required_string("name", 2, 120);
    input.category = fields.required_string("category", 1, 40);
    input.price_cents = fields.required_integer("price_cents", 0, kMaxPriceCents);
  } else {
    input.name = fields.optional_string("name", 2, 120);
    input.category = fields.optional_string("category", 1, 40);
    input.price_cents = fields.optional_integer("price_cents", 0, kMaxPriceCents);
  }
  if (input.category && input.category->empty()) input.category.reset();
  fields.keep_if_one_of(input.category, "category", categories());
  input.description = fields.optional_string("description", 0, 5000);
  input.currency = fields.optional_string("currency", 3, 3);
  fields.keep_if_one_of(input.currency, "currency", sold_currencies());
  input.inventory = fields.optional_integer("inventory", 0, kMaxInventory);
  auto status = fields.optional_string("status", 1, 10);
  static constexpr std::string_view kStatuses[] = {"active", "draft"};
  fields.keep_if_one_of(status, "status", kStatuses);
  if (status) input.status = parse_product_status(*status);
  input.images = read_images(body, fields);
  fields.finish();
  return input;
}

ProductFilter read_filter(const Request& request) {
  http::QueryFields query(request);
  ProductFilter filter;
  filter.query = query.text("q", 200).value_or("");
  filter.shop_slug = query.text("shop", 60).value_or("");
  filter.category = query.text("category", 40).value_or("");
  filter.min_price_cents = query.integer("min_price", 0, kMaxPriceCents);
  filter.max_price_cents = query.integer("max_price", 0, kMaxPriceCents);
  filter.in_stock_only = query.boolean("in_stock").value_or(false);
  const auto sort =
      query.choice("sort", kProductSortNames,
                   sort_name(filter.query.empty() ? ProductSort::newest : ProductSort::relevance));
  const auto* named = std::find(std::begin(kProductSortNames), std::end(kProductSortNames), sort);
  filter.sort = static_cast<ProductSort>(named - std::begin(kProductSortNames));
  static constexpr std::string_view kStatuses[] = {"active", "draft"};
  if (const auto status = query.choice("status", kStatuses, ""); !status.empty())
    filter.status = parse_product_status(status);
  filter.page = query.page();
  if (const auto after = query.text("after", 80)) {
    filter.after = parse_cursor(*after, filter.sort);
    if (!filter.after)
      query.fail("after",
                 "must be the `next` of an earlier page with the same sort (not relevance)");
    if (request.query("page")) query.fail("page", "cannot be combined with after");
  }
  query.finish();
  return filter;
}

}  // namespace

void add_routes(http::Router& router, CatalogService& catalog, const accounts::Authenticator& auth,
                WorkerPool& workers) {
  using http::bhttp::verb;

  router.add(verb::get, "/api/shops", [&](Request& request) -> awaitable<Response> {
    const auto filter = shops::read_filter(request);
    auto directory = co_await workers.run_short(request.request_id, [&] {
      return catalog.directory(filter, kProductsInShopList, http::catalog_read(request));
    });
    boost::json::monotonic_resource arena;
    co_return http::json_response(200, to_json(directory, filter, &arena));
  });

  router.add(verb::get, "/api/shops/{slug}", [&](Request& request) -> awaitable<Response> {
    ProductFilter filter;
    filter.shop_slug = std::string(request.param("slug"));
    filter.page.limit = kProductsOnShopPage;
    auto storefront = co_await workers.run_short(request.request_id, [&] {
      return catalog.storefront(filter, http::catalog_read(request));
    });
    co_return http::json_response(200, to_json(storefront, filter));
  });

  router.add(verb::get, "/api/categories", [](Request&) -> awaitable<Response> {
    boost::json::array items;
    for (auto category : categories()) items.emplace_back(category);
    co_return http::json_response(200, {{"items", std::move(items)}});
  });

  router.add(verb::get, "/api/products", [&](Request& request) -> awaitable<Response> {
    const ProductFilter filter = read_filter(request);
    auto page = co_await workers.run_short(
        request.request_id, [&] { return catalog.search(filter, http::catalog_read(request)); });
    boost::json::monotonic_resource arena;
    co_return http::json_response(200, to_json(page, filter, &arena));
  });

  router.add(verb::post, "/api/products", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    const ProductInput input = read_product_input(request, /*creating=*/true);
    auto view =
        co_await workers.run(request.request_id, [&] { return catalog.create(vendor.id, input); });
    auto response = http::json_response(201, to_json(view));
    response.set(http::bhttp::field::location, "/api/products/" + std::to_string(view.product.id));
    co_return response;
  });

  router.add(verb::get, "/api/products/{id}", [&](Request& request) -> awaitable<Response> {
    const auto id = request.id_param("id", "product");
    const auto viewer = co_await auth.optional_user(request);
    std::optional<std::int64_t> viewer_id;
    if (viewer) viewer_id = viewer->id;
    auto view = co_await workers.run_short(request.request_id, [&] {
      return catalog.get(id, viewer_id, http::catalog_read(request));
    });
    boost::json::monotonic_resource arena;
    co_return http::json_response(200, to_json(view, &arena));
  });

  router.add(verb::patch, "/api/products/{id}", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    const auto id = request.id_param("id", "product");
    const ProductInput input = read_product_input(request, /*creating=*/false);
    auto view = co_await workers.run(request.request_id,
                                     [&] { return catalog.update(vendor.id, id, input); });
    co_return http::json_response(200, to_json(view));
  });

  router.add(verb::delete_, "/api/products/{id}", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    const auto id = request.id_param("id", "product");
    co_await workers.run(request.request_id, [&] { catalog.archive(vendor.id, id); });
    co_return http::empty_response(204);
  });

  router.add(verb::get, "/api/my/products", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    const ProductFilter filter = read_filter(request);
    auto page = co_await workers.run(request.request_id,
                                     [&] { return catalog.list_own(vendor.id, filter); });
    co_return http::json_response(200, to_json(page, filter));
  });
}

}  // namespace ps::catalog
