#pragma once

#include <boost/json/value.hpp>

#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ps {

// Per-field validation messages, as sent in a problem's "errors" member.
using FieldErrors = std::map<std::string, std::vector<std::string>>;

// An error meant for the client. Rendered as RFC 9457 problem+json by the HTTP
// layer; anything that is not an ApiError becomes a 500 with no details.
class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string type, std::string title, std::string detail);

  int status() const { return status_; }
  const std::string& type() const { return type_; }
  const std::string& title() const { return title_; }
  const std::string& detail() const { return detail_; }
  const FieldErrors& field_errors() const { return field_errors_; }
  const std::vector<std::pair<std::string, std::string>>& headers() const { return headers_; }

  ApiError& with_field_errors(FieldErrors errors);
  ApiError& with_header(std::string name, std::string value);
  // An extension member of the problem (RFC 9457 §3.2), e.g. decline_code.
  ApiError& with_member(std::string name, boost::json::value value);

  boost::json::value to_json() const;

  static ApiError bad_request(std::string detail);
  static ApiError unauthorized(std::string detail);
  static ApiError forbidden(std::string detail);
  static ApiError not_found(std::string detail);
  static ApiError method_not_allowed(std::string allow);
  static ApiError conflict(std::string detail);
  static ApiError payload_too_large(std::string detail);
  static ApiError unsupported_media_type(std::string detail);
  static ApiError validation(FieldErrors errors);
  static ApiError too_many_requests(long retry_after_seconds);
  static ApiError service_unavailable(std::string detail);
  static ApiError internal();

 private:
  int status_;
  std::string type_;
  std::string title_;
  std::string detail_;
  FieldErrors field_errors_;
  std::vector<std::pair<std::string, std::string>> headers_;
  std::vector<std::pair<std::string, boost::json::value>> members_;
};

}  // namespace ps
