#pragma once

// Stripe's request shapes as its public API reference gives them
// (tests/data/stripe_api_shapes.json, transcribed from stripe/openapi), and a
// check of one HTTP request against them: the operation exists, the form
// body or query decodes to parameters the reference has (a[b][c] at each
// level), required ones are there, and each value has the reference's type,
// enum and maxLength.

#include "support/loopback_listener.h"

#include <boost/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace ps::testing {

class StripeShapes {
 public:
  // The shapes in the repository's data file.
  static const StripeShapes& reference();
  explicit StripeShapes(boost::json::object document);

  const std::string& source() const { return source_; }
  // "POST /v1/payment_intents/{intent}/capture" for a request to
  // /v1/payment_intents/pi_1/capture; empty when the reference has no such operation.
  std::string operation_of(const std::string& method, const std::string& path) const;
  // What in the request's parameters the reference does not allow; empty when nothing.
  std::vector<std::string> problems(const WireRequest& request) const;

 private:
  std::string source_;
  boost::json::object operations_;
};

// "a=1&b%5Bc%5D=2" as (name, value) pairs, percent- and plus-decoded; throws
// std::invalid_argument on a malformed escape.
std::vector<std::pair<std::string, std::string>> form_fields(const std::string& encoded);

}  // namespace ps::testing
