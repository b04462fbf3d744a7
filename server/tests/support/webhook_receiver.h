#pragma once

#include "support/loopback_listener.h"

#include <boost/json/object.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ps::testing {

// A webhook endpoint on 127.0.0.1 for the gateway to post to: a loopback
// listener that checks each request's
// Stripe-Signature (HMAC-SHA256 of "t.payload", computed here with libsodium,
// not with the gateway's code) and keeps the events it was sent.
class WebhookReceiver {
 public:
  struct Delivery {
    boost::json::object event;
    bool signature_valid = false;
    std::int64_t signed_at = 0;  // the t= of the signature
  };

  explicit WebhookReceiver(std::string secret);
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  std::string url() const;
  // The status to answer with from now on (a non-2xx makes the gateway retry).
  void answer_with(int status) { status_ = status; }

  std::vector<Delivery> deliveries() const;
  // The first event of `type` matching `match` (on its data.object), waiting
  // up to `timeout` for it; nullopt when none came.
  std::optional<Delivery> wait_for(
      const std::string& type, const std::function<bool(const boost::json::object&)>& match = {},
      std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

 private:
  WireResponse receive(const WireRequest& request);

  std::string secret_;
  std::atomic<int> status_{200};
  mutable std::mutex mutex_;
  mutable std::condition_variable arrived_;
  std::vector<Delivery> deliveries_;
  LoopbackListener listener_;  // last: it serves on members above
};

}  // namespace ps::testing
