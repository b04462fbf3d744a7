#pragma once

// The ledger as plain data: double-entry transactions in integer minor units,
// the chart of accounts, and what a vendor's balance and statement show.
//
// Sign convention: a debit is a positive amount, a credit a negative one, and
// every transaction's entries sum to zero. An account's balance is the sum of
// its entries, so an asset (money held for us) is positive and a liability or
// revenue (money we owe, money we earned) is negative; what the API shows a
// vendor is the negation of its balance account: what we owe them.
//
// Chart of accounts (one currency per balance row; accounts are per currency):
//   gateway:clearing          asset: money the gateway holds for us (captured,
//                             not yet paid out)
//   platform:fees             revenue: the platform's fees, less fees given back
//   vendor:<shop_id>:balance  liability: what we owe the shop's vendor
//   vendor:<shop_id>:payouts  money paid out to the vendor (for payouts, later)

#include "core/clock.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::ledger {

// The chart of accounts (see above).
namespace chart {
inline const std::string kGatewayClearing = "gateway:clearing";
inline const std::string kPlatformFees = "platform:fees";
inline std::string vendor_balance(std::int64_t shop_id) {
  return "vendor:" + std::to_string(shop_id) + ":balance";
}
inline std::string vendor_payouts(std::int64_t shop_id) {
  return "vendor:" + std::to_string(shop_id) + ":payouts";
}
}  // namespace chart

// What kind of business event a transaction records; with its reference (an
// order id for both kinds so far) it names the event, which posts once.
namespace kinds {
inline const std::string kSale = "sale";      // an order's amount captured
inline const std::string kRefund = "refund";  // a captured order refunded in full
}  // namespace kinds

struct Entry {
  std::string account;
  long long amount = 0;  // minor units; debit > 0, credit < 0, never 0
};

struct LedgerTransaction {
  std::int64_t id = 0;  // 0 until posted
  std::string kind;
  std::string reference;
  std::string currency;
  std::string memo;
  Millis created_at = 0;
  std::vector<Entry> entries;
};

// What we owe a vendor in one currency.
struct Balance {
  std::string currency;
  long long balance_cents = 0;
};

// One line of a vendor's statement: a sale or refund of one of its orders,
// as gross (what the buyer paid, or got back: negative), the platform's fee
// (negative when given back) and net (what the vendor's balance moved by),
// with the vendor's balance in that currency after it.
struct StatementLine {
  std::int64_t transaction_id = 0;
  std::string kind;
  std::int64_t order_id = 0;
  std::string currency;
  Millis created_at = 0;
  long long gross_cents = 0;
  long long fee_cents = 0;
  long long net_cents = 0;
  long long balance_cents = 0;
};

struct Statement {
  std::vector<StatementLine> items;  // newest first
  long long total = 0;
};

// The platform's fee on an amount, at a rate in basis points (1/100 of a
// percent, 0..10000): amount * bps / 10000 rounded half up, so an exact half
// unit goes to the platform (1 cent at 50 bps = 0.5 -> 1; 0.4999 -> 0). Exact
// for every non-negative long long (no intermediate product overflows).
// std::invalid_argument for a negative amount or a rate outside 0..10000.
long long fee_for(long long amount, int bps);

// Throws std::logic_error unless the transaction may be posted: a kind, a
// reference and a currency, at least two entries, none of them zero, summing
// to zero (without overflow). A failure is a bug in the caller, not bad input.
void check_postable(const LedgerTransaction& transaction);

// The sale of an order whose total was captured: the gateway holds the total
// (debit clearing), of which the fee is the platform's and the rest the
// vendor's (credits). Zero lines are left out (a fee of 0, or a fee equal to
// a 1-unit total); nullopt for a total of 0, which moves no money.
std::optional<LedgerTransaction> sale_of(std::int64_t order_id, std::int64_t shop_id,
                                         long long total_cents, const std::string& currency,
                                         int fee_bps);

// The refund of a whole order: the entries of its sale, negated, so the fee
// the platform took is given back with the rest.
LedgerTransaction refund_of(const LedgerTransaction& sale);

}  // namespace ps::ledger
