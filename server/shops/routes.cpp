#include "shops/routes.h"

#include "http/json_input.h"
#include "shops/json.h"

#include <boost/json.hpp>

#include <regex>

namespace ps::shops {

namespace {
using boost::asio::awaitable;
using http::JsonFields;
using http::Request;
using http::Response;

constexpr std::size_t kMaxText = 4000;

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

}  // namespace

void add_routes(http::Router& router, ShopsService& shops, const accounts::Authenticator& auth,
                WorkerPool& workers) {
  using http::bhttp::verb;

  router.add(verb::post, "/api/shops", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    // A shop is public from the start, so it opens only to a vendor whose
    // address is known to reach them.
    if (!vendor.email_verified) throw accounts::email_unverified();
    const ShopInput input = read_shop_input(request, /*creating=*/true);
    auto view =
        co_await workers.run(request.request_id, [&] { return shops.create(vendor.id, input); });
    auto response = http::json_response(201, to_json(view));
    response.set(http::bhttp::field::location, "/api/shops/" + view.shop.slug);
    co_return response;
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
