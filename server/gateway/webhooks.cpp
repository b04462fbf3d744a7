#include "gateway/webhooks.h"

#include "core/clock.h"
#include "gateway/signature.h"
#include "gateway/store.h"
#include "http/outbound.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <ctime>

namespace ps::gateway {

namespace {
constexpr int kBatch = 50;
constexpr auto kIdleWait = std::chrono::seconds(5);
// Failed tries logged at info before the warnings start.
constexpr int kQuietAttempts = 3;

}  // namespace

WebhookDelivery::WebhookDelivery(db::Database& database, WebhookOptions options)
    : database_(database), options_(std::move(options)) {}

WebhookDelivery::~WebhookDelivery() { stop(); }

void WebhookDelivery::start() {
  if (options_.url.empty() || thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void WebhookDelivery::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  changed_.notify_all();
}

void WebhookDelivery::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void WebhookDelivery::run() {
  while (true) {
    std::chrono::milliseconds wait = kIdleWait;
    try {
      wait = deliver_due();
    } catch (const std::exception& error) {
      spdlog::error("webhook delivery: {}", error.what());
      wait = options_.max_retry;
    }
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, wait, [this] { return stopping_ || woken_; });
    if (stopping_) return;
    woken_ = false;
  }
}

std::chrono::milliseconds WebhookDelivery::deliver_due() {
  for (;;) {
    const auto due = database_.with_session(
        [](db::Connection& sql) { return store::due_deliveries(sql, now_millis(), kBatch); });
    for (const auto& event : due) {
      {
        std::lock_guard lock(mutex_);
        if (stopping_) return std::chrono::milliseconds(0);
      }
      const std::string error = post(event.payload);
      const int attempts = event.attempts + 1;
      if (error.empty()) {
        database_.transaction([&](db::Connection& sql) { store::mark_delivered(sql, event.id); });
        spdlog::info("webhook delivered event={} attempts={}", event.id, attempts);
        continue;
      }
      const auto backoff = std::min<std::chrono::milliseconds>(
          options_.first_retry * (1LL << std::min(attempts - 1, 20)), options_.max_retry);
      database_.transaction([&](db::Connection& sql) {
        store::mark_failed(sql, event.id, attempts, now_millis() + backoff.count(), error);
      });
      // A receiver that is starting (make run seeds before the shop listens)
      // or restarting misses a try or two: a warning only once it keeps failing.
      const auto level = attempts < kQuietAttempts ? spdlog::level::info : spdlog::level::warn;
      spdlog::log(level, "webhook not delivered event={} attempts={} retry_in_ms={} error={}",
                  event.id, attempts, backoff.count(), error);
    }
    if (static_cast<int>(due.size()) < kBatch) break;
  }
  const auto next =
      database_.with_session([](db::Connection& sql) { return store::next_delivery_at(sql); });
  if (!next) return kIdleWait;
  return std::clamp<std::chrono::milliseconds>(std::chrono::milliseconds(*next - now_millis()),
                                               std::chrono::milliseconds(0), kIdleWait);
}

std::string WebhookDelivery::post(const std::string& payload) {
  http::OutboundRequest request;
  request.method = "POST";
  request.url = options_.url;
  request.headers = {
      "Content-Type: application/json; charset=utf-8",
      "Stripe-Signature: " +
          signature_header(options_.secret, static_cast<std::int64_t>(std::time(nullptr)), payload),
      "User-Agent: Stripe/1.0 (+https://stripe.com/docs/webhooks)"};
  request.body = payload;
  request.timeout = options_.timeout;
  request.keep_answer = false;
  try {
    const auto response = http::send(request);
    if (response.status < 200 || response.status >= 300)
      return "HTTP " + std::to_string(response.status);
  } catch (const http::OutboundError& error) {
    return error.what();
  }
  return {};
}

}  // namespace ps::gateway
