#include "core/errors.h"

namespace ps {

ApiError::ApiError(ErrorCode code, std::string detail)
    : std::runtime_error(detail), code_(code), detail_(std::move(detail)) {}

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

ApiError& ApiError::with_cause(std::string cause) {
  cause_ = std::move(cause);
  return *this;
}

ApiError ApiError::bad_request(std::string detail) {
  return {ErrorCode::bad_request, std::move(detail)};
}
ApiError ApiError::unauthorized(std::string detail) {
  ApiError error(ErrorCode::unauthorized, std::move(detail));
  error.headers_.emplace_back("WWW-Authenticate", "Bearer");
  return error;
}
ApiError ApiError::forbidden(std::string detail) {
  return {ErrorCode::forbidden, std::move(detail)};
}
ApiError ApiError::not_found(std::string detail) {
  return {ErrorCode::not_found, std::move(detail)};
}
ApiError ApiError::method_not_allowed(std::string allow) {
  ApiError error(ErrorCode::method_not_allowed, "This resource supports: " + allow);
  error.headers_.emplace_back("Allow", std::move(allow));
  return error;
}
ApiError ApiError::payload_too_large(std::string detail) {
  return {ErrorCode::payload_too_large, std::move(detail)};
}
ApiError ApiError::unsupported_media_type(std::string detail) {
  return {ErrorCode::unsupported_media_type, std::move(detail)};
}
ApiError ApiError::validation(FieldErrors errors) {
  ApiError error(ErrorCode::validation, "One or more fields are invalid.");
  error.with_field_errors(std::move(errors));
  return error;
}
ApiError ApiError::too_many_requests(long retry_after_seconds) {
  ApiError error(ErrorCode::rate_limited, "Too many attempts; retry after " +
                                              std::to_string(retry_after_seconds) + " seconds.");
  error.headers_.emplace_back("Retry-After", std::to_string(retry_after_seconds));
  return error;
}
ApiError ApiError::internal() {
  return {ErrorCode::internal,
          "Something went wrong on our side; the request id identifies it in our logs."};
}

}  // namespace ps
