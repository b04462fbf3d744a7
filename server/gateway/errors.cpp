#include "gateway/errors.h"

#include "http/problems.h"

namespace ps::gateway {

namespace {
// The nearest of the server's own codes, for its access log and metrics.
ErrorCode code_for(int status) {
  switch (status) {
    case 401:
      return ErrorCode::unauthorized;
    case 402:
      return ErrorCode::payment_declined;
    case 404:
      return ErrorCode::not_found;
    default:
      return status >= 500 ? ErrorCode::internal : ErrorCode::bad_request;
  }
}

int status_of(const ApiError& error) {
  if (const auto* stripe = dynamic_cast<const StripeError*>(&error)) return stripe->status();
  return http::status_of(error);
}
}  // namespace

StripeError::StripeError(int status, std::string type, std::string message)
    : ApiError(code_for(status), message), status_(status), stripe_type_(std::move(type)) {
  fields_["type"] = stripe_type_;
  fields_["message"] = message;
}

StripeError& StripeError::code(std::string code) {
  fields_["code"] = std::move(code);
  return *this;
}

StripeError& StripeError::decline_code(std::string decline_code) {
  if (!decline_code.empty()) fields_["decline_code"] = std::move(decline_code);
  return *this;
}

StripeError& StripeError::param(std::string param) {
  if (!param.empty()) fields_["param"] = std::move(param);
  return *this;
}

StripeError& StripeError::extra(std::string name, boost::json::value value) {
  fields_[name] = std::move(value);
  return *this;
}

boost::json::object StripeError::body() const { return {{"error", fields_}}; }

StripeError invalid_request(std::string message, std::string param, std::string code) {
  StripeError error(400, "invalid_request_error", std::move(message));
  error.param(std::move(param));
  if (!code.empty()) error.code(std::move(code));
  return error;
}

StripeError missing_param(const std::string& param) {
  return invalid_request("Missing required param: " + param + ".", param, "parameter_missing");
}

StripeError no_such(const std::string& object, const std::string& id, std::string param) {
  StripeError error(404, "invalid_request_error", "No such " + object + ": '" + id + "'");
  error.code("resource_missing").param(std::move(param));
  return error;
}

StripeError card_error(std::string message, std::string code, std::string decline_code,
                       std::string param) {
  StripeError error(402, "card_error", std::move(message));
  error.code(std::move(code)).decline_code(std::move(decline_code)).param(std::move(param));
  return error;
}

StripeError idempotency_mismatch(const std::string& key) {
  return StripeError(400, "idempotency_error",
                     "Keys for idempotent requests can only be used with the same parameters "
                     "they were first used with. Try using a key other than '" +
                         key + "' if you meant to execute a different request.");
}

StripeError authentication_error(std::string message) {
  return StripeError(401, "invalid_request_error", std::move(message));
}

boost::json::object error_body(const ApiError& error) {
  if (const auto* stripe = dynamic_cast<const StripeError*>(&error)) return stripe->body();
  const int status = status_of(error);
  const bool ours = status >= 500;
  boost::json::object fields{{"type", ours ? "api_error" : "invalid_request_error"},
                             {"message", error.detail()}};
  if (status == 404) fields["code"] = "resource_missing";
  return {{"error", std::move(fields)}};
}

// The brief of Stripe's reference: 400 for a request that cannot be served as
// sent, whatever the server's own status was (413 for a body too large, 415).
int error_status(const ApiError& error) {
  const int status = status_of(error);
  if (dynamic_cast<const StripeError*>(&error)) return status;
  if (status == 401 || status == 404 || status == 405 || status >= 500) return status;
  return 400;
}

http::Response render_error(const ApiError& error) {
  auto response = http::json_response(error_status(error), error_body(error));
  for (const auto& [name, value] : error.headers())
    if (name == "Allow" || name == "Retry-After") response.set(name, value);
  if (status_of(error) == 401) response.set("WWW-Authenticate", "Bearer realm=\"Stripe\"");
  return response;
}

}  // namespace ps::gateway
