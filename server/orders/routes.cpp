#include "orders/routes.h"

#include "http/json_input.h"
#include "http/query_input.h"
#include "orders/json.h"

#include <boost/json.hpp>

#include <limits>

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

constexpr std::size_t kMaxIdempotencyKey = 255;
constexpr std::size_t kMaxRefundItems = 100;
constexpr long long kMaxQuantity = 1'000'000;
constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();

// The items of a refund request; each names a product of the order once.
std::vector<RefundItem> refund_items(const boost::json::value& value, JsonFields& fields) {
  std::vector<RefundItem> items;
  if (!value.is_array() || value.as_array().empty() || value.as_array().size() > kMaxRefundItems) {
    fields.fail("items", "must be a list of 1.." + std::to_string(kMaxRefundItems) +
                             " {product_id, quantity}");
    return items;
  }
  for (const auto& element : value.as_array()) {
    if (!element.is_object()) {
      fields.fail("items", "each item must be an object {product_id, quantity}");
      return {};
    }
    JsonFields item(element.as_object());
    const auto product = item.required_integer("product_id", 1, kMaxId);
    const auto quantity = item.required_integer("quantity", 1, kMaxQuantity);
    if (!item.ok()) {
      fields.fail("items", "each item needs a product_id and a quantity of 1.." +
                               std::to_string(kMaxQuantity));
      return {};
    }
    for (const auto& earlier : items)
      if (earlier.product_id == product) {
        fields.fail("items", "names product " + std::to_string(product) + " twice");
        return {};
      }
    items.push_back({product, quantity});
  }
  return items;
}

// {"items": [...], "reason"} or {"amount_cents", "reason"}, and the
// Idempotency-Key header.
RefundRequest refund_request(const Request& request) {
  const auto body = http::parse_json_object(request);
  JsonFields fields(body);
  RefundRequest refund;
  refund.reason = fields.optional_string("reason", 0, 500).value_or("");
  refund.amount_cents = fields.optional_integer("amount_cents", 1, kMaxId);
  if (const auto* items = body.if_contains("items")) refund.items = refund_items(*items, fields);
  if (fields.has("items") == fields.has("amount_cents"))
    fields.fail("items", "send either items or amount_cents");
  fields.finish();
  refund.idempotency_key = std::string(request.header("Idempotency-Key"));
  if (refund.idempotency_key.size() > kMaxIdempotencyKey)
    throw ApiError::validation({{"Idempotency-Key", {"must be at most 255 characters"}}});
  return refund;
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
                WorkerPool& workers, WorkerPool& payment_workers) {
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
    auto view = co_await payment_workers.run(request.request_id,
                                             [&] { return orders.cancel(actor, id, reason); });
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
    auto view = co_await payment_workers.run(
        request.request_id, [&] { return orders.ship(vendor, id, carrier, tracking); });
    co_return http::json_response(200, to_json(view));
  });

  router.add(verb::post, "/api/orders/{id}/refund", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await vendor_of(request, auth);
    const auto id = request.id_param("id", "order");
    const auto reason = optional_reason(request);
    auto view = co_await payment_workers.run(request.request_id,
                                             [&] { return orders.refund(vendor, id, reason); });
    co_return http::json_response(200, to_json(view));
  });

  router.add(verb::post, "/api/orders/{id}/refunds", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await vendor_of(request, auth);
    const auto id = request.id_param("id", "order");
    const auto refund = refund_request(request);
    auto result = co_await payment_workers.run(request.request_id,
                                               [&] { return orders.refund(vendor, id, refund); });
    const boost::json::object body{{"refund", to_json(result.refund, /*seen_by_seller=*/true)},
                                   {"order", to_json(result.order)}};
    auto response = http::json_response(201, body);
    if (result.replayed) response.set("Idempotent-Replayed", "true");
    co_return response;
  });

  router.add(verb::post, "/api/orders/{id}/dispute/evidence",
             [&](Request& request) -> awaitable<Response> {
               const auto vendor = co_await vendor_of(request, auth);
               const auto id = request.id_param("id", "order");
               const auto body = http::parse_json_object(request);
               JsonFields fields(body);
               const auto explanation = fields.required_string("explanation", 10, 5000);
               fields.finish();
               auto view = co_await payment_workers.run(request.request_id, [&] {
                 return orders.answer_dispute(vendor, id, explanation);
               });
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
