#include "payments/webhook_routes.h"

#include <boost/json.hpp>

#include <chrono>

namespace ps::payments {

namespace {
using boost::asio::awaitable;
using http::Request;
using http::Response;

std::int64_t unix_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}
}  // namespace

void add_webhook_routes(http::Router& router, PaymentEventsService& events, WorkerPool& workers,
                        std::function<void()> enqueued) {
  using http::bhttp::verb;

  // Answers as soon as the event is recorded: no gateway call here, the
  // event's effects are a job's (the gateway times out slow receivers).
  router.add(
      verb::post, "/api/payments/webhook",
      [&events, &workers, enqueued](Request& request) -> awaitable<Response> {
        const std::string signature(request.header("Stripe-Signature"));
        const auto received = co_await workers.run(request.request_id, [&] {
          return events.receive(signature, request.raw.body(), unix_seconds());
        });
        if (!received.duplicate && enqueued) enqueued();
        co_return http::json_response(
            200, {{"id", received.event_id}, {"duplicate", received.duplicate}});
      },
      kMaxWebhookBodyBytes);
}

}  // namespace ps::payments
