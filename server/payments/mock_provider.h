#pragma once

#include "payments/cards.h"
#include "payments/provider.h"

#include <soci/session.h>

#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace ps::payments {

// A stand-in gateway that checks cards the way a real one does (Luhn, expiry
// in the future, CVC of 3 or 4 digits) and honours the usual test numbers:
//   4242 4242 4242 4242  approves
//   4000 0000 0000 0002  declines with card_declined
//   4000 0000 0000 9995  declines with insufficient_funds
// It keeps a ledger of its authorizations and refuses to capture, release or
// refund more than an authorization allows, as a gateway would. The ledger
// and the answers to idempotency keys live in the gateway's own SQLite file,
// never in the shop's database: a gateway's state does not roll back with our
// transactions, and it survives a restart of the shop, clean or kill -9.
class MockPaymentProvider : public PaymentProvider {
 public:
  // state_file: the gateway's SQLite file, created when missing. Empty: an
  // in-memory database that lives as long as this object (unit tests).
  explicit MockPaymentProvider(const std::string& state_file = {});

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
  // What a gateway that lost its records would do: every authorization is gone.
  void forget_all();

 private:
  enum class Movement { capture, release, refund };
  // Checks the movement against the ledger and records it, or throws PaymentError.
  void move(Movement movement, const std::string& authorization_id, long long amount_cents);
  std::optional<Ledger> find(const std::string& authorization_id) const;
  std::optional<AuthorizationResult> answered(const std::string& idempotency_key) const;
  void remember(const std::string& idempotency_key, const AuthorizationResult& result,
                long long amount_cents);

  // The gateway's records, opened on first use (a shop whose data folder is
  // read-only still starts and serves what it can); call with mutex_ held.
  soci::session& records() const;

  std::string state_file_;
  mutable std::mutex mutex_;  // one connection, used by one thread at a time
  mutable soci::session sql_;
};

}  // namespace ps::payments
