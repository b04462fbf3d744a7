#include "orders/routes.h"

#include "http/json_input.h"
#include "http/query_input.h"
#include "orders/json.h"

#include <boost/json.hpp>

namespace ps::orders {

namespace {
using boost::asio::awaitable;
using http::JsonFields;
using http::Request;
using http::Response;

// The body of an action whose fields are all optional: empty means {}.
boost::json::object optional_body(const Request& request) {
  if (request.raw.body().empty()) return {};
  return http::parse_json_object(request);
}

awaitable<Actor> actor_of(const Request& request, const accounts::Authenticator& auth) {
  const auto user = co_await auth.require_user(request);
  co_return Actor{user.id, user.role};
}

awaitable<Actor> vendor_of(const Request& request, const accounts::Authenticator& auth) {
  const auto user = co_await auth.require_role(request, accounts::Role::vendor);
  co_return Actor{user.id, user.role};
}

std::optional<OrderStatus> status_filter(http::QueryFields& query) {
  const auto text = query.text("status", 20);
  if (!text) return std::nullopt;
  if (auto status = parse_order_status(*text)) return status;
  std::string names;
  for (const auto status : all_order_statuses())
    names += (names.empty() ? "" : ", ") + std::string(to_string(status));
  query.fail("status", "must be one of: " + names);
  return std::nullopt;
}

std::string optional_reason(const Request& request) {
  const auto body = optional_body(request);
  JsonFields fields(body);
  auto reason = fields.optional_string("reason", 0, 500).value_or("");
  fields.finish();
  return reason;
}
}  // namespace

void add_routes(http::Router& router, OrdersService& orders, const accounts::Authenticator& auth,
                WorkerPool& workers) {
  using http::bhttp::verb;

  router.add(verb::get, "/api/orders", [&](Request& request) -> awaitable<Response> {
    const auto actor = co_await actor_of(request, auth);
    http::QueryFields query(request);
    const auto page = query.page(20, 100);
    query.finish();
    auto result = co_await workers.run(request.request_id,
                                       [&] { return orders.list_for_buyer(actor.user_id, page); });
    co_return http::json_response(200, to_json(result, page));
  });

  router.add(verb::get, "/api/orders/{id}", [&](Request& request) -> awaitable<Response> {
    const auto actor = co_await actor_of(request, auth);
    const auto id = request.id_param("id", "order");
    auto view = co_await workers.run(request.request_id, [&] { return orders.get(actor, id); });
    co_return http::json_response(200, to_json(view));
  });

  router.add(verb::get, "/api/my/shop/orders", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await vendor_of(request, auth);
    http::QueryFields query(request);
    const auto status = status_filter(query);
    const auto page = query.page(20, 100);
    query.finish();
    auto result = co_await workers.run(
        request.request_id, [&] { return orders.list_for_vendor(vendor.user_id, status, page); });
    co_return http::json_response(200, to_json(result, page));
  });

  router.add(verb::post, "/api/orders/{id}/cancel", [&](Request& request) -> awaitable<Response> {
    const auto actor = co_await actor_of(request, auth);
    const auto id = request.id_param("id", "order");
    const auto reason = optional_reason(request);
    auto view =
        co_await workers.run(request.request_id, [&] { return orders.cancel(actor, id, reason); });
    co_return http::json_response(200, to_json(view));
  });

  // Vendor steps that need nothing but the order: process, deliver.
  using Step = OrderView (OrdersService::*)(const Actor&, std::int64_t);
  auto add_step = [&](const char* path, Step step) {
    router.add(verb::post, path,
               [&orders, &auth, &workers, step](Request& request) -> awaitable<Response> {
                 const auto vendor = co_await vendor_of(request, auth);
                 const auto id = request.id_param("id", "order");
                 auto view = co_await workers.run(request.request_id,
                                                  [&] { return (orders.*step)(vendor, id); });
                 co_return http::json_response(200, to_json(view));
               });
  };
  add_step("/api/orders/{id}/process", &OrdersService::process);
  add_step("/api/orders/{id}/deliver", &OrdersService::deliver);

  router.add(verb::post, "/api/orders/{id}/ship", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await vendor_of(request, auth);
    const auto id = request.id_param("id", "order");
    const auto body = http::parse_json_object(request);
    JsonFields fields(body);
    const auto carrier = fields.required_string("carrier", 2, 60);
    const auto tracking = fields.required_string("tracking_number", 3, 80);
    fields.finish();
    auto view = co_await workers.run(request.request_id,
                                     [&] { return orders.ship(vendor, id, carrier, tracking); });
    co_return http::json_response(200, to_json(view));
  });

  router.add(verb::post, "/api/orders/{id}/refund", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await vendor_of(request, auth);
    const auto id = request.id_param("id", "order");
    const auto reason = optional_reason(request);
    auto view =
        co_await workers.run(request.request_id, [&] { return orders.refund(vendor, id, reason); });
    co_return http::json_response(200, to_json(view));
  });

  router.add(verb::get, "/api/dashboard", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await vendor_of(request, auth);
    auto dashboard =
        co_await workers.run(request.request_id, [&] { return orders.dashboard(vendor.user_id); });
    co_return http::json_response(200, to_json(dashboard));
  });
}

}  // namespace ps::orders
