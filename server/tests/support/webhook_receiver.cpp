#include "support/webhook_receiver.h"

#include "support/stripe_signature.h"

#include <boost/json/parse.hpp>

#include <regex>
#include <stdexcept>

namespace ps::testing {

WebhookReceiver::WebhookReceiver(std::string secret)
    : secret_(std::move(secret)),
      listener_([this](const WireRequest& request) { return receive(request); }) {}

std::string WebhookReceiver::url() const {
  return "http://127.0.0.1:" + std::to_string(listener_.port()) + "/webhook";
}

WireResponse WebhookReceiver::receive(const WireRequest& request) {
  Delivery delivery;
  const std::string signature = request.header("stripe-signature");
  std::smatch match;
  static const std::regex parts(R"(^t=(\d+),v1=([0-9a-f]{64})$)");
  if (std::regex_match(signature, match, parts)) {
    delivery.signed_at = std::stoll(match[1]);
    delivery.signature_valid =
        hmac_sha256_hex(secret_, std::string(match[1]) + "." + request.body) == match[2];
  }
  const int status = status_;
  if (status >= 200 && status < 300) {
    delivery.event = boost::json::parse(request.body).as_object();
    {
      std::lock_guard lock(mutex_);
      deliveries_.push_back(std::move(delivery));
    }
    arrived_.notify_all();
  }
  return {.status = status};
}

std::vector<WebhookReceiver::Delivery> WebhookReceiver::deliveries() const {
  std::lock_guard lock(mutex_);
  return deliveries_;
}

std::optional<WebhookReceiver::Delivery> WebhookReceiver::wait_for(
    const std::string& type, const std::function<bool(const boost::json::object&)>& match,
    std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  std::optional<Delivery> found;
  arrived_.wait_for(lock, timeout, [&] {
    for (const auto& delivery : deliveries_) {
      if (delivery.event.at("type").as_string() != type) continue;
      const auto& object = delivery.event.at("data").at("object").as_object();
      if (!match || match(object)) {
        found = delivery;
        return true;
      }
    }
    return false;
  });
  return found;
}

}  // namespace ps::testing
