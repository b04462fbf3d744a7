#pragma once

#include "payments/provider.h"

#include <map>
#include <mutex>
#include <string>

namespace ps::payments {

// Card brand from the number's prefix ("visa", "mastercard", ...).
std::string card_brand(const std::string& digits);
bool passes_luhn(const std::string& digits);

// A stand-in gateway that checks cards the way a real one does (Luhn, expiry
// in the future, CVC of 3 or 4 digits) and honours the usual test numbers:
//   4242 4242 4242 4242  approves
//   4000 0000 0000 0002  declines with card_declined
//   4000 0000 0000 9995  declines with insufficient_funds
// It keeps a ledger of its authorizations in memory and refuses to capture,
// release or refund more than an authorization allows, as a gateway would.
class MockPaymentProvider : public PaymentProvider {
 public:
  std::string name() const override { return "mock"; }
  AuthorizationResult authorize(long long amount_cents, const std::string& currency,
                                const CardDetails& card,
                                const std::string& idempotency_key) override;
  void capture(const std::string& authorization_id, long long amount_cents) override;
  void release(const std::string& authorization_id, long long amount_cents) override;
  void refund(const std::string& authorization_id, long long amount_cents) override;

  struct Ledger {
    long long authorized = 0;
    long long captured = 0;
    long long released = 0;
    long long refunded = 0;
  };
  // For tests and diagnostics: the ledger of one authorization.
  Ledger ledger(const std::string& authorization_id) const;
  // What a restart of this in-memory gateway does: every authorization is gone.
  void forget_all();

 private:
  Ledger& find(const std::string& authorization_id);

  mutable std::mutex mutex_;
  std::map<std::string, Ledger> ledgers_;
  std::map<std::string, AuthorizationResult> by_idempotency_key_;
};

}  // namespace ps::payments
