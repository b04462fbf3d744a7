#pragma once

#include <boost/json/value.hpp>

#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ps {

// Every failure a client can be told about, by name. http/problems.cpp maps
// each to its HTTP status, problem type (/problems/<slug>) and title, in one
// table; docs/openapi.json documents every type (a unit test holds the two
// together). Add a failure here, in that table and in the document.
enum class ErrorCode {
  bad_request,
  unauthorized,
  forbidden,
  csrf_rejected,
  own_shop_purchase,
  not_found,
  method_not_allowed,
  concurrent_change,  // a unique constraint with no name of its own
  email_taken,
  shop_slug_taken,
  shop_exists,
  shop_required,
  review_exists,
  review_replied,
  cart_empty,
  quantity_limit,
  out_of_stock,
  product_unavailable,
  order_state,
  order_changed,
  idempotency_key_in_use,
  payment_declined,
  payload_too_large,
  unsupported_media_type,
  card_data_refused,
  payment_token_invalid,
  validation,
  rate_limited,
  headers_too_large,
  internal,
  payment_gateway,
  webhook_signature_invalid,
  webhook_timestamp_out_of_tolerance,
  webhook_event_malformed,
  webhooks_not_configured,
  unavailable,
  database_unavailable,
  database_read_only,
  insufficient_storage,
  // Refunds (issue 16, money rules).
  refund_exceeds_captured,
  refund_quantity_exceeded,
  // Payouts (issue 16).
  payout_account_required,
  payout_below_minimum,
  // Account recovery and settings (issue 17).
  token_invalid,
  password_incorrect,
  email_unverified,
  email_already_verified,
  account_in_use,
  // Mail (issue 17).
  unsubscribe_token_invalid,
  // Carts (issue 18).
  cart_currency_mismatch,
  // Messages.
  recipient_deleted,
  // Disputes.
  dispute_not_open,
  dispute_evidence_sent,
  // Favorites.
  favorites_full,
};
inline constexpr int kErrorCodeCount = static_cast<int>(ErrorCode::favorites_full) + 1;

// Per-field validation messages, as sent in a problem's "errors" member.
using FieldErrors = std::map<std::string, std::vector<std::string>>;

// A failure meant for the client: its code, the detail the client reads, and
// optionally a cause that only the log gets (a gateway's message, a
// constraint's name). The HTTP layer renders it as RFC 9457 problem+json;
// anything thrown that is not an ApiError becomes a 500 with no details.
class ApiError : public std::runtime_error {
 public:
  ApiError(ErrorCode code, std::string detail);

  ErrorCode code() const { return code_; }
  const std::string& detail() const { return detail_; }
  const std::string& cause() const { return cause_; }
  const FieldErrors& field_errors() const { return field_errors_; }
  const std::vector<std::pair<std::string, std::string>>& headers() const { return headers_; }
  const std::vector<std::pair<std::string, boost::json::value>>& members() const {
    return members_;
  }

  ApiError& with_field_errors(FieldErrors errors);
  ApiError& with_header(std::string name, std::string value);
  // An extension member of the problem (RFC 9457 §3.2), e.g. decline_code.
  ApiError& with_member(std::string name, boost::json::value value);
  // What went wrong, for the operator: logged with the request id, never sent.
  ApiError& with_cause(std::string cause);

  static ApiError bad_request(std::string detail);
  static ApiError unauthorized(std::string detail);
  static ApiError forbidden(std::string detail);
  static ApiError not_found(std::string detail);
  static ApiError method_not_allowed(std::string allow);
  static ApiError payload_too_large(std::string detail);
  static ApiError unsupported_media_type(std::string detail);
  static ApiError validation(FieldErrors errors);
  static ApiError too_many_requests(long retry_after_seconds);
  static ApiError internal();

 private:
  ErrorCode code_;
  std::string detail_;
  std::string cause_;
  FieldErrors field_errors_;
  std::vector<std::pair<std::string, std::string>> headers_;
  std::vector<std::pair<std::string, boost::json::value>> members_;
};

}  // namespace ps
