#include "payouts/routes.h"

#include "http/json_input.h"
#include "http/query_input.h"
#include "payouts/json.h"

#include <boost/json.hpp>

namespace ps::payouts {

namespace {
using boost::asio::awaitable;
using http::JsonFields;
using http::Request;
using http::Response;

constexpr std::size_t kMaxIdempotencyKey = 255;
constexpr std::int64_t kMaxAmount = 99'999'999'999;

boost::json::object optional_body(const Request& request) {
  if (request.raw.body().empty()) return {};
  return http::parse_json_object(request);
}

// {"test_payout_failure"?}: honoured in test mode only (PayoutsService).
std::string test_failure_code(const Request& request) {
  const auto body = optional_body(request);
  JsonFields fields(body);
  auto code = fields.optional_string("test_payout_failure", 1, 64).value_or("");
  fields.finish();
  return code;
}

struct Settings {
  PayoutSchedule schedule = PayoutSchedule::manual;
  long long minimum_cents = 0;
};

Settings settings_of(const Request& request) {
  const auto body = http::parse_json_object(request);
  JsonFields fields(body);
  Settings settings;
  const auto schedule = fields.required_string("schedule", 1, 16);
  if (auto parsed = parse_schedule(schedule))
    settings.schedule = *parsed;
  else if (fields.has("schedule"))
    fields.fail("schedule", "must be manual, daily or weekly");
  settings.minimum_cents = fields.optional_integer("minimum_cents", 0, kMaxAmount).value_or(0);
  fields.finish();
  return settings;
}

struct PayoutRequest {
  std::optional<std::string> currency;
  std::string idempotency_key;
};

PayoutRequest payout_request(const Request& request) {
  const auto body = optional_body(request);
  JsonFields fields(body);
  PayoutRequest payout;
  payout.currency = fields.optional_string("currency", 3, 3);
  fields.finish();
  payout.idempotency_key = std::string(request.header("Idempotency-Key"));
  if (payout.idempotency_key.size() > kMaxIdempotencyKey)
    throw ApiError::validation({{"Idempotency-Key", {"must be at most 255 characters"}}});
  return payout;
}
}  // namespace

void add_routes(http::Router& router, PayoutsService& payouts, const accounts::Authenticator& auth,
                WorkerPool& workers, WorkerPool& payment_workers) {
  using http::bhttp::verb;

  router.add(verb::post, "/api/my/payout-account", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    const auto failure = test_failure_code(request);
    auto account = co_await payment_workers.run(
        request.request_id, [&] { return payouts.connect(vendor.id, vendor.email, failure); });
    co_return http::json_response(200, to_json(account));
  });

  router.add(verb::get, "/api/my/payout-account", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    auto account =
        co_await workers.run(request.request_id, [&] { return payouts.account(vendor.id); });
    // null, not a problem, before one is connected: a dashboard asks on
    // every visit, and an error status is logged by the browser each time.
    co_return http::json_response(200, account ? to_json(*account) : boost::json::value(nullptr));
  });

  router.add(verb::put, "/api/my/payout-settings", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    const auto settings = settings_of(request);
    auto account = co_await workers.run(request.request_id, [&] {
      return payouts.update_settings(vendor.id, settings.schedule, settings.minimum_cents);
    });
    co_return http::json_response(200, to_json(account));
  });

  router.add(verb::post, "/api/my/payouts", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    const auto asked = payout_request(request);
    auto requested = co_await workers.run(request.request_id, [&] {
      return payouts.request_payout(vendor.id, asked.currency, asked.idempotency_key);
    });
    co_return http::json_response(requested.created ? 201 : 200, to_json(requested.payout));
  });

  router.add(verb::get, "/api/my/earnings/orders", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    http::QueryFields query(request);
    const auto page = query.page(20, 100);
    query.finish();
    auto orders = co_await workers.run(request.request_id,
                                       [&] { return payouts.order_earnings(vendor.id, page); });
    co_return http::json_response(200, to_json(orders, page));
  });

  router.add(verb::get, "/api/my/earnings/orders/{id}",
             [&](Request& request) -> awaitable<Response> {
               const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
               const auto id = request.id_param("id", "order");
               auto order = co_await workers.run(
                   request.request_id, [&] { return payouts.order_earnings_of(vendor.id, id); });
               co_return http::json_response(200, to_json(order));
             });

  router.add(verb::get, "/api/my/payouts", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    auto list =
        co_await workers.run(request.request_id, [&] { return payouts.payouts(vendor.id); });
    co_return http::json_response(200, to_json(list));
  });
}

}  // namespace ps::payouts
