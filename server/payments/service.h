#pragma once

#include "payments/provider.h"
#include "payments/store.h"

namespace ps::payments {

// Our record of payments, kept in step with the gateway. Called inside the
// transaction of the checkout or order change it belongs to: a gateway error
// throws, which rolls that transaction back. Blocking.
class PaymentsService {
 public:
  explicit PaymentsService(PaymentProvider& provider) : provider_(provider) {}

  AuthorizationResult authorize(long long amount_cents, const std::string& currency,
                                const CardDetails& card, const std::string& idempotency_key);
  Payment record(db::Connection& sql, std::int64_t checkout_id, const AuthorizationResult& auth,
                 long long amount_cents, const std::string& currency);
  void capture(db::Connection& sql, std::int64_t payment_id, long long amount_cents);
  void release(db::Connection& sql, std::int64_t payment_id, long long amount_cents);
  void refund(db::Connection& sql, std::int64_t payment_id, long long amount_cents);
  // Gives back an authorization whose checkout could not be saved.
  void release_unrecorded(const AuthorizationResult& auth, long long amount_cents) noexcept;
  // The payment of a checkout (every checkout has one).
  Payment of_checkout(db::Connection& sql, std::int64_t checkout_id);

 private:
  std::string authorization_of(db::Connection& sql, std::int64_t payment_id);

  PaymentProvider& provider_;
};

}  // namespace ps::payments
