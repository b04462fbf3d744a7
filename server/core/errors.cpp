#include "core/errors.h"

#include <boost/json.hpp>

namespace ps {

namespace {
// Problem types are relative URI references (RFC 9457 §3.1.1); each one is
// described in docs/openapi.json under components.schemas.Problem.
std::string problem_type(std::string_view slug) { return "/problems/" + std::string(slug); }
}  // namespace

ApiError::ApiError(int status, std::string type, std::string title, std::string detail)
    : std::runtime_error(detail),
      status_(status),
      type_(problem_type(type)),
      title_(std::move(title)),
      detail_(std::move(detail)) {}

ApiError& ApiError::with_field_errors(FieldErrors errors) {
  field_errors_ = std::move(errors);
  return *this;
}

ApiError& ApiError::with_header(std::string name, std::string value) {
  headers_.emplace_back(std::move(name), std::move(value));
  return *this;
}

ApiError& ApiError::with_member(std::string name, boost::json::value value) {
  members_.emplace_back(std::move(name), std::move(value));
  return *this;
}

boost::json::value ApiError::to_json() const {
  boost::json::object body{
      {"type", type_}, {"title", title_}, {"status", status_}, {"detail", detail_}};
  if (!field_errors_.empty()) {
    boost::json::object errors;
    for (const auto& [field, messages] : field_errors_) {
      boost::json::array list;
      for (const auto& message : messages) list.emplace_back(message);
      errors[field] = std::move(list);
    }
    body["errors"] = std::move(errors);
  }
  for (const auto& [name, value] : members_) body[name] = value;
  return body;
}

ApiError ApiError::bad_request(std::string detail) {
  return {400, "bad-request", "Bad request", std::move(detail)};
}
ApiError ApiError::unauthorized(std::string detail) {
  ApiError error(401, "unauthorized", "Unauthorized", std::move(detail));
  error.headers_.emplace_back("WWW-Authenticate", "Bearer");
  return error;
}
ApiError ApiError::forbidden(std::string detail) {
  return {403, "forbidden", "Forbidden", std::move(detail)};
}
ApiError ApiError::not_found(std::string detail) {
  return {404, "not-found", "Not found", std::move(detail)};
}
ApiError ApiError::method_not_allowed(std::string allow) {
  ApiError error(405, "method-not-allowed", "Method not allowed",
                 "This resource supports: " + allow);
  error.headers_.emplace_back("Allow", std::move(allow));
  return error;
}
ApiError ApiError::conflict(std::string detail) {
  return {409, "conflict", "Conflict", std::move(detail)};
}
ApiError ApiError::payload_too_large(std::string detail) {
  return {413, "payload-too-large", "Payload too large", std::move(detail)};
}
ApiError ApiError::unsupported_media_type(std::string detail) {
  return {415, "unsupported-media-type", "Unsupported media type", std::move(detail)};
}
ApiError ApiError::validation(FieldErrors errors) {
  ApiError error(422, "validation", "Invalid fields", "One or more fields are invalid.");
  error.field_errors_ = std::move(errors);
  return error;
}
ApiError ApiError::too_many_requests(long retry_after_seconds) {
  return ApiError(
             429, "rate-limited", "Too many requests",
             "Too many attempts; retry after " + std::to_string(retry_after_seconds) + " seconds.")
      .with_header("Retry-After", std::to_string(retry_after_seconds));
}
ApiError ApiError::service_unavailable(std::string detail) {
  return {503, "unavailable", "Service unavailable", std::move(detail)};
}
ApiError ApiError::internal() {
  return {500, "internal", "Internal server error",
          "Something went wrong on our side; the request id identifies it in our logs."};
}

}  // namespace ps
