#pragma once

#include "payments/provider.h"

#include <map>
#include <string>

namespace ps::payments {

// A payout as the gateway answers it: pending, in_transit, paid or failed.
struct GatewayPayout {
  std::string id;  // po_...
  std::string status;
  std::string failure_code;
};

// The seam to the gateway's Connect API (Stripe's): a connected account per
// vendor, a transfer of the vendor's money to it, and a payout from it to the
// vendor's bank. Every call takes an idempotency key that callers build from
// our own ids, never at random, so a retry after a crash gets the first
// answer. PaymentError when the gateway refuses or cannot be reached.
// Implementations must be thread-safe.
class PayoutGateway {
 public:
  virtual ~PayoutGateway() = default;
  // Returns the connected account's id (acct_...).
  virtual std::string create_account(const std::string& email, const std::string& country,
                                     const std::map<std::string, std::string>& metadata,
                                     const std::string& idempotency_key) = 0;
  // Moves money from the platform's balance to the account; returns tr_...
  virtual std::string transfer(const std::string& account_id, long long amount_cents,
                               const std::string& currency, const std::string& transfer_group,
                               const std::map<std::string, std::string>& metadata,
                               const std::string& idempotency_key) = 0;
  // Pays the account's money out to its bank.
  virtual GatewayPayout payout(const std::string& account_id, long long amount_cents,
                               const std::string& currency,
                               const std::map<std::string, std::string>& metadata,
                               const std::string& idempotency_key) = 0;
};

}  // namespace ps::payments
