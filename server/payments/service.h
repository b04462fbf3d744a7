#pragma once

#include "core/clock.h"
#include "payments/provider.h"
#include "payments/store.h"

#include <vector>

namespace ps::payments {

// Our record of payments, kept in step with the gateway. Called inside the
// transaction of the checkout or order change it belongs to: a gateway error
// throws, which rolls that transaction back. Blocking.
//
// One authorization pays for every order of a checkout. Each order captures
// its part when it ships and releases it when cancelled; the gateway lets the
// hold go with the last of them (a final capture, or a cancel).
class PaymentsService {
 public:
  explicit PaymentsService(PaymentProvider& provider) : provider_(provider) {}

  // `reference` is stored with the authorization at the gateway, so that an
  // authorization our database lost can be found (reconciliation).
  AuthorizationResult authorize(long long amount_cents, const std::string& currency,
                                const std::string& payment_token, const std::string& reference,
                                const std::string& idempotency_key);
  Payment record(db::Connection& sql, std::int64_t checkout_id, const AuthorizationResult& auth,
                 long long amount_cents, const std::string& currency);
  void capture(db::Connection& sql, std::int64_t payment_id, long long amount_cents);
  void release(db::Connection& sql, std::int64_t payment_id, long long amount_cents);
  // Returns the gateway's refund id (empty for an amount of 0).
  std::string refund(db::Connection& sql, std::int64_t payment_id, long long amount_cents);
  // Gives back an authorization whose checkout could not be saved.
  void release_unrecorded(const AuthorizationResult& auth) noexcept;
  // The payment of a checkout (every checkout has one).
  Payment of_checkout(db::Connection& sql, std::int64_t checkout_id);

  // The payment's newest dispute, as the gateway's events told us; nullopt
  // when it was never disputed.
  std::optional<PaymentDispute> latest_dispute(db::Connection& sql, std::int64_t payment_id);
  // Sends the shop's evidence for an open dispute to the gateway, submitted
  // at once, and records when, the dispute's row locked: once per dispute.
  // ApiError 409 dispute-not-open (none, closed here or at the gateway),
  // dispute-evidence-sent.
  PaymentDispute submit_evidence(db::Connection& sql, const std::string& dispute_id,
                                 const DisputeEvidence& evidence, Millis now);

  PaymentProvider& provider() { return provider_; }

 private:
  Payment locked(db::Connection& sql, std::int64_t payment_id);

  PaymentProvider& provider_;
};

}  // namespace ps::payments
