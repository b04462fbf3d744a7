#pragma once

#include "db/database.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace ps::gateway {

struct WebhookOptions {
  std::string url;     // empty: events are recorded, never posted
  std::string secret;  // whsec_...
  std::chrono::milliseconds first_retry{500};
  std::chrono::milliseconds max_retry{60'000};
  std::chrono::seconds timeout{10};  // one delivery attempt
};

// Posts the outbox's events (store.h) to the webhook URL, signed, oldest
// first, on a thread of its own; an event that is not answered with a 2xx
// is retried with doubling backoff until it is. Delivery state lives in the
// outbox, so a restart (kill -9 included) resumes where it stopped: an event
// is delivered at least once, and may be delivered again when the gateway
// dies between the 2xx and recording it (receivers deduplicate by event id).
class WebhookDelivery {
 public:
  WebhookDelivery(db::Database& database, WebhookOptions options);
  ~WebhookDelivery();
  WebhookDelivery(const WebhookDelivery&) = delete;
  WebhookDelivery& operator=(const WebhookDelivery&) = delete;

  void start();
  // New events were committed: look now rather than at the next retry.
  void wake();
  void stop();

 private:
  void run();
  // Delivers what is due; returns how long to sleep.
  std::chrono::milliseconds deliver_due();
  // Posts one event; empty on a 2xx, otherwise what went wrong.
  std::string post(const std::string& payload);

  db::Database& database_;
  WebhookOptions options_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool woken_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace ps::gateway
