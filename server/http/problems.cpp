#include "http/problems.h"

#include <boost/json.hpp>

#include <array>

namespace ps::http {

namespace {
using enum ErrorCode;

constexpr std::array<ProblemType, kErrorCodeCount> kProblemTypes{{
    {bad_request, 400, "bad-request", "Bad request"},
    {unauthorized, 401, "unauthorized", "Unauthorized"},
    {forbidden, 403, "forbidden", "Forbidden"},
    {csrf_rejected, 403, "csrf-rejected", "Cross-site request refused"},
    {own_shop_purchase, 403, "own-shop-purchase", "Your own shop"},
    {not_found, 404, "not-found", "Not found"},
    {method_not_allowed, 405, "method-not-allowed", "Method not allowed"},
    {concurrent_change, 409, "conflict", "Conflict"},
    {email_taken, 409, "email-taken", "Email taken"},
    {shop_slug_taken, 409, "shop-slug-taken", "Shop address taken"},
    {shop_exists, 409, "shop-exists", "Shop exists"},
    {shop_required, 409, "shop-required", "No shop yet"},
    {review_exists, 409, "review-exists", "Review exists"},
    {review_replied, 409, "review-replied", "Review already answered"},
    {cart_empty, 409, "cart-empty", "Cart empty"},
    {quantity_limit, 409, "quantity-limit", "Quantity limit"},
    {out_of_stock, 409, "out-of-stock", "Out of stock"},
    {product_unavailable, 409, "product-unavailable", "Product unavailable"},
    {order_state, 409, "order-state", "Order state"},
    {order_changed, 409, "order-changed", "Order changed"},
    {idempotency_key_in_use, 409, "idempotency-key-in-use", "Idempotency-Key in use"},
    {payment_declined, 402, "payment-declined", "Payment declined"},
    {payload_too_large, 413, "payload-too-large", "Payload too large"},
    {unsupported_media_type, 415, "unsupported-media-type", "Unsupported media type"},
    {card_data_refused, 422, "card-data-refused", "Card data refused"},
    {payment_token_invalid, 422, "payment-token-invalid", "Payment token invalid"},
    {validation, 422, "validation", "Invalid fields"},
    {rate_limited, 429, "rate-limited", "Too many requests"},
    {headers_too_large, 431, "headers-too-large", "Request header fields too large"},
    {internal, 500, "internal", "Internal server error"},
    {payment_gateway, 502, "payment-gateway", "Payment gateway error"},
    {webhook_signature_invalid, 400, "webhook-signature-invalid", "Webhook signature invalid"},
    {webhook_timestamp_out_of_tolerance, 400, "webhook-timestamp-out-of-tolerance",
     "Webhook timestamp out of tolerance"},
    {webhook_event_malformed, 400, "webhook-event-malformed", "Webhook event malformed"},
    {webhooks_not_configured, 503, "webhooks-not-configured", "Webhooks not configured"},
    {unavailable, 503, "unavailable", "Service unavailable"},
    {database_unavailable, 503, "database-unavailable", "Database unavailable"},
    {database_read_only, 503, "database-read-only", "Database read-only"},
    {insufficient_storage, 507, "insufficient-storage", "Insufficient storage"},
    // Refunds (issue 16, money rules).
    {refund_exceeds_captured, 409, "refund-exceeds-captured", "Refund exceeds what is left"},
    {refund_quantity_exceeded, 409, "refund-quantity-exceeded", "Refund exceeds the quantity"},
    // Payouts (issue 16).
    {payout_account_required, 409, "payout-account-required", "Payout account required"},
    {payout_below_minimum, 409, "payout-below-minimum", "Payout below the minimum"},
    // Account recovery and settings (issue 17).
    {token_invalid, 400, "token-invalid", "Link invalid or expired"},
    {password_incorrect, 403, "password-incorrect", "Password incorrect"},
    {email_unverified, 403, "email-unverified", "Email not verified"},
    {email_already_verified, 409, "email-already-verified", "Email already verified"},
    {account_in_use, 409, "account-in-use", "Account still in use"},
    // Mail (issue 17).
    {unsubscribe_token_invalid, 400, "unsubscribe-token-invalid", "Unsubscribe link not valid"},
    // Carts (issue 18).
    {cart_currency_mismatch, 409, "cart-currency-mismatch", "Another currency"},
    {recipient_deleted, 409, "recipient-deleted", "Account deleted"},
    // Disputes.
    {dispute_not_open, 409, "dispute-not-open", "No open dispute"},
    {dispute_evidence_sent, 409, "dispute-evidence-sent", "Evidence already sent"},
    // Favorites.
    {favorites_full, 409, "favorites-full", "Too many favorites"},
}};

constexpr bool in_code_order() {
  for (int i = 0; i < kErrorCodeCount; ++i)
    if (static_cast<int>(kProblemTypes[i].code) != i) return false;
  return true;
}
static_assert(in_code_order(), "kProblemTypes lists each ErrorCode once, in enum order");
}  // namespace

std::span<const ProblemType> problem_types() { return kProblemTypes; }

const ProblemType& problem_type(ErrorCode code) {
  return kProblemTypes[static_cast<std::size_t>(code)];
}

int status_of(const ApiError& error) { return problem_type(error.code()).status; }

boost::json::object problem_json(const ApiError& error) {
  const auto& type = problem_type(error.code());
  boost::json::object body{{"type", "/problems/" + std::string(type.slug)},
                           {"title", type.title},
                           {"status", type.status},
                           {"detail", error.detail()}};
  if (!error.field_errors().empty()) {
    boost::json::object errors;
    for (const auto& [field, messages] : error.field_errors()) {
      boost::json::array list;
      for (const auto& message : messages) list.emplace_back(message);
      errors[field] = std::move(list);
    }
    body["errors"] = std::move(errors);
  }
  for (const auto& [name, value] : error.members()) body[name] = value;
  return body;
}

Response problem_response(const ApiError& error) {
  auto response = problem_response(status_of(error), problem_json(error));
  for (const auto& [name, value] : error.headers()) response.set(name, value);
  return response;
}

}  // namespace ps::http
