#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace ps::payments {

struct AuthorizationResult {
  bool approved = false;
  std::string authorization_id;  // the payment intent (pi_...), when approved
  std::string decline_code;      // when declined: generic_decline, insufficient_funds, ...
  std::string message;           // for the buyer; never contains card data
  std::string card_brand;        // visa, mastercard, amex, discover, unknown
  std::string card_last4;
};

// What the gateway says about one authorization, for reconciliation and tests.
struct AuthorizationState {
  std::string status;  // requires_capture, succeeded, canceled, ...
  long long amount = 0;
  long long capturable = 0;
  long long received = 0;
  long long refunded = 0;
  friend bool operator==(const AuthorizationState&, const AuthorizationState&) = default;
};

// An authorization as the gateway listed it, for reconciliation.
struct GatewayAuthorization {
  std::string id;
  std::string reference;  // what authorize() was given; empty when not ours
  long long amount = 0;
  std::int64_t created = 0;  // unix seconds
};

// What the shop tells the buyer's bank about a disputed payment (Stripe's
// evidence text fields; empty ones are not sent).
struct DisputeEvidence {
  std::string explanation;  // uncategorized_text
  std::string product_description;
  std::string shipping_carrier;
  std::string shipping_tracking_number;
};

// The gateway refused an operation, or could not be reached.
class PaymentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The gateway answered and refused the request for good: the same request
// cannot succeed later (an account or object it names does not exist, a
// parameter it cannot take). Not for refusals that time may lift (the
// platform's balance too low for a transfer, rate limits, conflicts) or for
// no answer at all: those stay PaymentError, and are retried.
class PaymentRefused : public PaymentError {
 public:
  PaymentRefused(const std::string& what, std::string code)
      : PaymentError(what), code_(std::move(code)) {}
  // The gateway's error code ("resource_missing"), or its error type.
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

// The card token given to authorize() cannot be used: unknown, already used,
// or for another account. The buyer's browser must tokenize the card again.
class PaymentTokenRejected : public PaymentError {
 public:
  using PaymentError::PaymentError;
};

// The seam to a card gateway (Stripe-like): authorize once at checkout, then
// capture parts of it as each order ships, cancel what is left, refund parts
// of what was captured. The buyer's card reaches the gateway only: checkout
// gets a single-use token for it. Implementations must be thread-safe.
//
// idempotency_key: the same key acts at most once at the gateway; repeating
// it gets the first answer again. Gateway keys are global to our account, so
// callers build them from our own ids, never from a client's key.
class PaymentProvider {
 public:
  virtual ~PaymentProvider() = default;
  virtual std::string name() const = 0;
  // `reference` is kept with the authorization at the gateway (metadata), so
  // that reconciliation can find authorizations our database never recorded.
  virtual AuthorizationResult authorize(long long amount_cents, const std::string& currency,
                                        const std::string& payment_token,
                                        const std::string& reference,
                                        const std::string& idempotency_key) = 0;
  // final_capture: releases whatever this capture leaves uncaptured.
  virtual void capture(const std::string& authorization_id, long long amount_cents,
                       bool final_capture, const std::string& idempotency_key) = 0;
  // Releases all that is still uncaptured.
  virtual void cancel(const std::string& authorization_id, const std::string& idempotency_key) = 0;
  // Returns the gateway's refund id.
  virtual std::string refund(const std::string& authorization_id, long long amount_cents,
                             const std::string& idempotency_key) = 0;
  virtual AuthorizationState state(const std::string& authorization_id) = 0;
  // The authorizations the gateway took since `created_after` (unix seconds),
  // newest first, from its event log.
  virtual std::vector<GatewayAuthorization> authorizations_since(std::int64_t created_after) = 0;
  // Sends the evidence for a dispute and submits it to the bank at once
  // (its outcome comes later, by the gateway's events).
  virtual void submit_dispute_evidence(const std::string& dispute_id,
                                       const DisputeEvidence& evidence,
                                       const std::string& idempotency_key) = 0;
};

}  // namespace ps::payments
