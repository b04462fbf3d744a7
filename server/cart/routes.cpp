#include "cart/routes.h"

#include "cart/json.h"
#include "http/json_input.h"

#include <boost/json.hpp>

namespace ps::cart {

namespace {
using boost::asio::awaitable;
using http::JsonFields;
using http::Request;
using http::Response;

constexpr std::size_t kMaxTokenLength = 128;

// The signed-in user's cart, or else the guest cart named by X-Cart-Token.
awaitable<CartOwner> owner_of(const Request& request, const accounts::Authenticator& auth) {
  if (auto user = co_await auth.optional_user(request)) co_return CartOwner{user->id, {}};
  const auto token = request.header("X-Cart-Token");
  if (token.empty() || token.size() > kMaxTokenLength)
    throw ApiError::unauthorized("Sign in, or send the X-Cart-Token of a guest cart.");
  co_return CartOwner{std::nullopt, std::string(token)};
}

}  // namespace

void add_routes(http::Router& router, CartService& carts, const accounts::Authenticator& auth,
                WorkerPool& workers) {
  using http::bhttp::verb;

  router.add(verb::post, "/api/carts", [&](Request& request) -> awaitable<Response> {
    const auto token =
        co_await workers.run(request.request_id, [&] { return carts.create_guest_cart(); });
    co_return http::json_response(201, {{"cart_token", token}});
  });

  router.add(verb::get, "/api/cart", [&](Request& request) -> awaitable<Response> {
    const auto owner = co_await owner_of(request, auth);
    auto cart = co_await workers.run(request.request_id, [&] { return carts.view(owner); });
    co_return http::json_response(200, to_json(cart));
  });

  router.add(verb::post, "/api/cart/items", [&](Request& request) -> awaitable<Response> {
    const auto owner = co_await owner_of(request, auth);
    const auto body = http::parse_json_object(request);
    JsonFields fields(body);
    const auto product_id =
        fields.required_integer("product_id", 1, std::numeric_limits<std::int64_t>::max());
    const auto quantity = fields.optional_integer("quantity", 1, kMaxQuantity).value_or(1);
    fields.finish();
    auto cart = co_await workers.run(request.request_id,
                                     [&] { return carts.add(owner, product_id, quantity); });
    co_return http::json_response(200, to_json(cart));
  });

  router.add(verb::put, "/api/cart/items/{product_id}",
             [&](Request& request) -> awaitable<Response> {
               const auto owner = co_await owner_of(request, auth);
               const auto product_id = request.id_param("product_id", "product in the cart");
               const auto body = http::parse_json_object(request);
               JsonFields fields(body);
               const auto quantity = fields.required_integer("quantity", 0, kMaxQuantity);
               fields.finish();
               auto cart = co_await workers.run(
                   request.request_id, [&] { return carts.set(owner, product_id, quantity); });
               co_return http::json_response(200, to_json(cart));
             });

  router.add(verb::delete_, "/api/cart/items/{product_id}",
             [&](Request& request) -> awaitable<Response> {
               const auto owner = co_await owner_of(request, auth);
               const auto product_id = request.id_param("product_id", "product in the cart");
               auto cart = co_await workers.run(request.request_id,
                                                [&] { return carts.remove(owner, product_id); });
               co_return http::json_response(200, to_json(cart));
             });

  router.add(verb::post, "/api/cart/merge", [&](Request& request) -> awaitable<Response> {
    const auto user = co_await auth.require_user(request);
    const auto body = http::parse_json_object(request);
    JsonFields fields(body);
    const auto token = fields.required_string("cart_token", 1, kMaxTokenLength);
    fields.finish();
    auto cart =
        co_await workers.run(request.request_id, [&] { return carts.merge(user.id, token); });
    co_return http::json_response(200, to_json(cart));
  });
}

}  // namespace ps::cart
