#include "shops/routes.h"

#include "core/money.h"
#include "http/json_input.h"
#include "shops/json.h"

#include <boost/json.hpp>

#include <algorithm>
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

// One rate of shipping_rates; nullopt (with the errors in `fields`) when it is wrong.
std::optional<ShippingRate> read_rate(const boost::json::value& value, const std::string& prefix,
                                      JsonFields& fields) {
  if (!value.is_object()) {
    fields.fail(prefix, "must be an object {currency, flat_cents, free_over_cents}");
    return std::nullopt;
  }
  JsonFields item(value.as_object());
  ShippingRate rate;
  std::optional<std::string> currency = item.required_string("currency", 3, 3);
  if (!item.ok()) currency.reset();  // already failed: one message is enough
  item.keep_if_one_of(currency, "currency", sold_currencies());
  rate.currency = currency.value_or("");
  rate.flat_cents = item.required_integer("flat_cents", 0, kMaxPriceCents);
  const auto* free_over = value.as_object().if_contains("free_over_cents");
  if (free_over && !free_over->is_null())
    rate.free_over_cents = item.optional_integer("free_over_cents", 1, kMaxPriceCents);
  if (!item.finish_into(fields, prefix)) return std::nullopt;
  return rate;
}

// shipping_rates: a list that replaces the shop's rates, one per currency.
std::optional<std::vector<ShippingRate>> read_shipping_rates(const boost::json::object& body,
                                                             JsonFields& fields) {
  const auto* value = body.if_contains("shipping_rates");
  if (!value) return std::nullopt;
  const auto max_rates = sold_currencies().size();
  if (!value->is_array() || value->as_array().size() > max_rates) {
    fields.fail("shipping_rates", "must be a list of at most " + std::to_string(max_rates) +
                                      " rates {currency, flat_cents, free_over_cents}");
    return std::nullopt;
  }
  std::vector<ShippingRate> rates;
  const auto& list = value->as_array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string prefix = "shipping_rates[" + std::to_string(i) + "]";
    auto rate = read_rate(list[i], prefix, fields);
    if (!rate) continue;
    const bool repeated = std::any_of(rates.begin(), rates.end(), [&](const ShippingRate& other) {
      return other.currency == rate->currency;
    });
    if (repeated) fields.fail(prefix + ".currency", "has a rate already");
    rates.push_back(std::move(*rate));
  }
  std::sort(rates.begin(), rates.end(),
            [](const auto& a, const auto& b) { return a.currency < b.currency; });
  return rates;
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
  input.shipping_rates = read_shipping_rates(body, fields);
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
