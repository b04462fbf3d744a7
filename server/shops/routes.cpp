#include "shops/routes.h"

#include "http/json_input.h"
#include "http/query_input.h"

#include <boost/json.hpp>

#include <regex>

namespace ps::shops {

namespace {
using boost::asio::awaitable;
using http::JsonFields;
using http::Request;
using http::Response;

constexpr std::size_t kMaxText = 4000;
constexpr int kProductsOnShopPage = 24;
constexpr int kProductsInShopList = 4;

std::optional<std::optional<std::int64_t>> read_image_id(const boost::json::object& body,
                                                         JsonFields& fields,
                                                         std::string_view name) {
  const auto* value = body.if_contains(name);
  if (!value) return std::nullopt;
  if (value->is_null()) return std::optional<std::int64_t>{};
  if (auto id = fields.optional_integer(name, 1, std::numeric_limits<std::int64_t>::max()))
    return std::optional<std::int64_t>{*id};
  return std::nullopt;
}

ShopInput read_shop_input(const Request& request, bool creating) {
  const auto body = http::parse_json_object(request);
  JsonFields fields(body);
  ShopInput input;
  input.name = creating ? std::optional(fields.required_string("name", 2, 80))
                        : fields.optional_string("name", 2, 80);
  input.slug = fields.optional_string("slug", 2, 60);
  if (input.slug && !is_valid_slug(*input.slug)) {
    fields.fail("slug", "must be lower-case letters, digits and single hyphens");
    input.slug.reset();
  }
  input.description = fields.optional_string("description", 0, kMaxText);
  input.accent_color = fields.optional_string("accent_color", 7, 7);
  static const std::regex hex_colour("#[0-9a-fA-F]{6}");
  if (input.accent_color) {
    if (!std::regex_match(*input.accent_color, hex_colour)) {
      fields.fail("accent_color", "must be a colour like #1a2b3c");
      input.accent_color.reset();
    } else {
      std::transform(input.accent_color->begin(), input.accent_color->end(),
                     input.accent_color->begin(), ::tolower);
    }
  }
  input.logo_image_id = read_image_id(body, fields, "logo_image_id");
  input.cover_image_id = read_image_id(body, fields, "cover_image_id");
  input.shipping_policy = fields.optional_string("shipping_policy", 0, kMaxText);
  input.returns_policy = fields.optional_string("returns_policy", 0, kMaxText);
  fields.finish();
  return input;
}

ShopFilter read_filter(const Request& request) {
  http::QueryFields query(request);
  ShopFilter filter;
  filter.name_contains = query.text("q", 100).value_or("");
  const auto sort = query.choice("sort", {"newest", "products", "name"}, "newest");
  filter.sort = sort == "products" ? ShopSort::products
                : sort == "name"   ? ShopSort::name
                                   : ShopSort::newest;
  filter.page = query.page();
  query.finish();
  return filter;
}

// A page of the shop directory, each shop with its newest products.
struct Directory {
  ShopPage page;
  std::vector<catalog::ProductView> previews;  // shop by shop, newest first
};

boost::json::object to_json(const Directory& directory, const ShopFilter& filter,
                            boost::json::storage_ptr sp) {
  boost::json::array items(sp);
  for (const auto& view : directory.page.items) {
    auto shop = to_json(view, sp);
    boost::json::array products(sp);
    for (const auto& product : directory.previews)
      if (product.shop.id == view.shop.id) products.push_back(catalog::summary_json(product, sp));
    shop["products"] = std::move(products);
    items.push_back(std::move(shop));
  }
  auto json = http::page_json(filter.page, directory.page.total, sp);
  json["items"] = std::move(items);
  return json;
}
}  // namespace

void add_routes(http::Router& router, ShopsService& shops, catalog::CatalogService& catalog,
                const accounts::Authenticator& auth, WorkerPool& workers) {
  using http::bhttp::verb;

  router.add(verb::post, "/api/shops", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    const ShopInput input = read_shop_input(request, /*creating=*/true);
    auto view =
        co_await workers.run(request.request_id, [&] { return shops.create(vendor.id, input); });
    auto response = http::json_response(201, to_json(view));
    response.set(http::bhttp::field::location, "/api/shops/" + view.shop.slug);
    co_return response;
  });

  router.add(verb::get, "/api/shops", [&](Request& request) -> awaitable<Response> {
    const ShopFilter filter = read_filter(request);
    auto directory = co_await workers.run(request.request_id, [&] {
      Directory read{shops.list(filter), {}};
      std::vector<std::int64_t> ids;
      for (const auto& view : read.page.items) ids.push_back(view.shop.id);
      read.previews = catalog.shop_previews(ids, kProductsInShopList);
      return read;
    });
    boost::json::monotonic_resource arena;
    co_return http::json_response(200, to_json(directory, filter, &arena));
  });

  router.add(verb::get, "/api/shops/{slug}", [&](Request& request) -> awaitable<Response> {
    const std::string slug(request.param("slug"));
    auto json = co_await workers.run(request.request_id, [&] {
      auto view = shops.get(slug);
      catalog::ProductFilter filter;
      filter.shop_slug = slug;
      filter.page.limit = kProductsOnShopPage;
      auto products = catalog.search(filter);
      boost::json::object shop = to_json(view);
      shop["products"] = catalog::to_json(products, filter);
      return shop;
    });
    co_return http::json_response(200, json);
  });

  router.add(verb::patch, "/api/shops/{slug}", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    const ShopInput input = read_shop_input(request, /*creating=*/false);
    const std::string slug(request.param("slug"));
    auto view = co_await workers.run(request.request_id,
                                     [&] { return shops.update(vendor.id, slug, input); });
    co_return http::json_response(200, to_json(view));
  });

  router.add(verb::get, "/api/my/shop", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    auto view =
        co_await workers.run(request.request_id, [&] { return shops.find_by_owner(vendor.id); });
    if (!view) throw ApiError::not_found("You have not created a shop yet.");
    co_return http::json_response(200, to_json(*view));
  });
}

}  // namespace ps::shops
