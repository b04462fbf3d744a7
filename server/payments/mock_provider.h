#pragma once

#include "payments/cards.h"
#include "payments/provider.h"

#include <map>
#include <mutex>
#include <string>

namespace ps::payments {

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
    friend bool operator==(const Ledger&, const Ledger&) = default;
  };
  // For tests and diagnostics: the ledger of one authorization, and of all.
  Ledger ledger(const std::string& authorization_id) const;
  std::map<std::string, Ledger> ledgers() const;
  // What a restart of this in-memory gateway does: every authorization is gone.
  void forget_all();

 private:
  Ledger& find(const std::string& authorization_id);

  mutable std::mutex mutex_;
  std::map<std::string, Ledger> ledgers_;
  std::map<std::string, AuthorizationResult> by_idempotency_key_;
};

}  // namespace ps::payments
