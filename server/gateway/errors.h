#pragma once

#include "core/errors.h"
#include "http/request.h"

#include <boost/json/object.hpp>

#include <string>

namespace ps::gateway {

// An error in the shape of Stripe's API reference ("Errors"):
//   {"error": {"type", "code", "decline_code", "message", "param", ...}}
// with type card_error (402), invalid_request_error (400, 401, 404),
// idempotency_error (400) or api_error (500). It is an ApiError so that the
// HTTP pipeline catches it like any other; render() gives it its own shape.
class StripeError : public ApiError {
 public:
  StripeError(int status, std::string type, std::string message);

  StripeError& code(std::string code);
  StripeError& decline_code(std::string decline_code);
  StripeError& param(std::string param);
  // Another member of the error object, e.g. the payment_intent a decline left.
  StripeError& extra(std::string name, boost::json::value value);

  int status() const { return status_; }
  const std::string& stripe_type() const { return stripe_type_; }
  boost::json::object body() const;

 private:
  int status_;
  std::string stripe_type_;
  boost::json::object fields_;
};

StripeError invalid_request(std::string message, std::string param = {}, std::string code = {});
StripeError missing_param(const std::string& param);
StripeError no_such(const std::string& object, const std::string& id, std::string param = "id");
StripeError card_error(std::string message, std::string code, std::string decline_code = {},
                       std::string param = {});
StripeError idempotency_mismatch(const std::string& key);
StripeError authentication_error(std::string message);

// Any ApiError as Stripe would answer it: a StripeError keeps its fields;
// the server's own refusals (no such route, a body too large, a malformed
// request) become invalid_request_error, failures of ours api_error.
boost::json::object error_body(const ApiError& error);
int error_status(const ApiError& error);
http::Response render_error(const ApiError& error);

}  // namespace ps::gateway
