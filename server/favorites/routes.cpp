#include "favorites/routes.h"

#include "favorites/json.h"
#include "http/query_input.h"

#include <boost/json.hpp>

namespace ps::favorites {

namespace {
using boost::asio::awaitable;
using http::Request;
using http::Response;
}  // namespace

void add_routes(http::Router& router, FavoritesService& favorites,
                const accounts::Authenticator& auth, WorkerPool& workers) {
  using http::bhttp::verb;

  router.add(verb::get, "/api/me/favorites", [&](Request& request) -> awaitable<Response> {
    const auto user = co_await auth.require_user(request);
    http::QueryFields query(request);
    const auto page = query.page(24, 60);
    query.finish();
    auto result =
        co_await workers.run(request.request_id, [&] { return favorites.list(user.id, page); });
    co_return http::json_response(200, to_json(result, page));
  });

  router.add(verb::get, "/api/me/favorites/ids", [&](Request& request) -> awaitable<Response> {
    const auto user = co_await auth.require_user(request);
    const auto ids =
        co_await workers.run(request.request_id, [&] { return favorites.product_ids(user.id); });
    co_return http::json_response(
        200, boost::json::object{{"product_ids", boost::json::value_from(ids)}});
  });

  router.add(verb::get, "/api/my/favorite-counts", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    const auto counts =
        co_await workers.run(request.request_id, [&] { return favorites.save_counts(vendor.id); });
    co_return http::json_response(200, to_json(counts));
  });

  router.add(verb::put, "/api/me/favorites/{product_id}",
             [&](Request& request) -> awaitable<Response> {
               const auto user = co_await auth.require_user(request);
               const auto product_id = request.id_param("product_id", "product");
               const auto saved = co_await workers.run(
                   request.request_id, [&] { return favorites.add(user.id, product_id); });
               co_return http::json_response(200, to_json(saved));
             });

  router.add(verb::delete_, "/api/me/favorites/{product_id}",
             [&](Request& request) -> awaitable<Response> {
               const auto user = co_await auth.require_user(request);
               const auto product_id = request.id_param("product_id", "product");
               co_await workers.run(request.request_id,
                                    [&] { favorites.remove(user.id, product_id); });
               co_return http::empty_response(204);
             });
}

}  // namespace ps::favorites
