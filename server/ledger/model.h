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
//   vendor:<shop_id>:pending  liability: the vendor's earnings still on hold
//                             (until payout_hold_days after delivery)
//   vendor:<shop_id>:balance  liability: what we owe the shop's vendor and it
//                             may be paid (available)
//   vendor:<shop_id>:payouts  negative: money paid out to the vendor (a payout
//                             debits the balance and credits this account; a
//                             failed payout's reversal does the opposite)

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
inline std::string vendor_pending(std::int64_t shop_id) {
  return "vendor:" + std::to_string(shop_id) + ":pending";
}
inline std::string vendor_balance(std::int64_t shop_id) {
  return "vendor:" + std::to_string(shop_id) + ":balance";
}
inline std::string vendor_payouts(std::int64_t shop_id) {
  return "vendor:" + std::to_string(shop_id) + ":payouts";
}
}  // namespace chart

// What kind of business event a transaction records; with its reference it
// names the event, which posts once.
namespace kinds {
inline const std::string kSale = "sale";        // an order's amount captured; the order id
inline const std::string kRefund = "refund";    // a refund: "<order id>/<refund id>" (a
                                                // whole-order refund before 013: the order id)
inline const std::string kRelease = "release";  // an order's earnings released; the order id
inline const std::string kPayout = "payout";    // a payout made; the payout id
inline const std::string kPayoutReversal = "payout_reversal";  // a payout failed; the payout id
// A card dispute's clawback from the vendors, and what is given back when the
// bank decides for the shop; the dispute's id (payments posts them).
inline const std::string kDispute = "dispute";
inline const std::string kDisputeWon = "dispute_won";
}  // namespace kinds

// The reference of a refund's transaction: the order id first, so a
// statement line still names its order.
inline std::string refund_reference(std::int64_t order_id, std::int64_t refund_id) {
  return std::to_string(order_id) + "/" + std::to_string(refund_id);
}

// The platform's fee on an order: a percentage in basis points plus a fixed
// amount, in the order's minor units.
struct FeeRule {
  int bps = 0;
  long long fixed_cents = 0;
};

struct Entry {
  std::string account;
  long long amount = 0;  // minor units; debit > 0, credit < 0, never 0
  // The order the entry is about where its transaction's reference does not
  // say (a dispute's, which takes from several vendors' orders); 0 otherwise.
  std::int64_t order_id = 0;
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

// An account's balance in one currency: the sum of its entries.
struct AccountBalance {
  std::string currency;
  long long amount = 0;
};

// What we owe a vendor in one currency, as the API shows it (positive: owed).
struct Balance {
  std::string currency;
  long long pending_cents = 0;    // earnings on hold
  long long available_cents = 0;  // released, less refunds taken after release
  long long paid_cents = 0;       // paid out so far
  long long balance_cents() const { return pending_cents + available_cents; }
};

// What a vendor reads as its balance: per currency, and the fee its shop pays.
struct VendorBalances {
  std::vector<Balance> balances;
  FeeRule fee;
  int payout_hold_days = 0;  // how long earnings stay pending after delivery
};

// An order's earnings while they are pending: what is left of them in the
// vendor's pending account, due for release at due_at (0: not delivered yet).
struct Hold {
  std::string reference;  // the order id
  std::int64_t shop_id = 0;
  std::string currency;
  long long amount = 0;
  Millis due_at = 0;
  bool released = false;
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

// What one order earned its vendor, from its sale, its refunds and its
// disputes: gross (the captured total) less the platform's fee, less what was
// refunded plus the fee those refunds gave back, less what disputes took back
// and kept (what a dispute the shop won gave back is not); and its hold
// (model above).
struct OrderEarnings {
  std::int64_t order_id = 0;
  std::string currency;
  Millis created_at = 0;  // the sale's posting
  long long gross_cents = 0;
  long long fee_cents = 0;
  long long refunded_cents = 0;      // >= 0
  long long fee_returned_cents = 0;  // >= 0
  long long disputed_cents = 0;      // >= 0
  Millis available_at = 0;           // the hold's end; 0: not delivered yet (or no hold)
  bool released = false;             // in the vendor's balance (a sale from before holds always is)
  long long net_cents() const {
    return gross_cents - fee_cents - refunded_cents + fee_returned_cents - disputed_cents;
  }
};

struct OrderEarningsPage {
  std::vector<OrderEarnings> items;  // newest sale first
  long long total = 0;
};

// The platform's fee on an amount, at a rate in basis points (1/100 of a
// percent, 0..10000): amount * bps / 10000 rounded half up, so an exact half
// unit goes to the platform (1 cent at 50 bps = 0.5 -> 1; 0.4999 -> 0). Exact
// for every non-negative long long (no intermediate product overflows).
// std::invalid_argument for a negative amount or a rate outside 0..10000.
long long fee_for(long long amount, int bps);

// The fee on an order total: fee_for(total, rule.bps) plus the fixed fee,
// never more than the total. std::invalid_argument as fee_for, or for a
// negative fixed fee.
long long fee_of(long long total_cents, const FeeRule& rule);

// How much of an order's fee has been given back once `refunded` of its
// `total` has been refunded: fee * refunded / total rounded down, so partial
// refunds never give back more than the fee together and a full refund gives
// back exactly all of it. Each refund gives back this less what earlier ones
// did. std::invalid_argument unless 0 <= refunded <= total and 0 <= fee <= total.
long long fee_reversed_through(long long fee, long long total, long long refunded);

// Throws std::logic_error unless the transaction may be posted: a kind, a
// reference and a currency, at least two entries, none of them zero, summing
// to zero (without overflow). A failure is a bug in the caller, not bad input.
void check_postable(const LedgerTransaction& transaction);

// The sale of an order whose total was captured: the gateway holds the total
// (debit clearing), of which the fee is the platform's and the rest the
// vendor's, pending (credits). Zero lines are left out (a fee of 0, or a fee
// equal to the total); nullopt for a total of 0, which moves no money.
std::optional<LedgerTransaction> sale_of(std::int64_t order_id, std::int64_t shop_id,
                                         long long total_cents, const std::string& currency,
                                         long long fee_cents);

// A refund of `amount_cents` to the buyer (credit clearing), of which
// `fee_back_cents` comes from the platform's fees and the rest from the vendor:
// from `vendor_account` (its pending account while the order's earnings are
// held, else its balance). Zero lines are left out.
LedgerTransaction refund_of(std::string reference, const std::string& vendor_account,
                            const std::string& currency, long long amount_cents,
                            long long fee_back_cents);

// The release of a hold: its amount moves from pending to the balance.
// nullopt for a hold with nothing left in it.
std::optional<LedgerTransaction> release_of(const Hold& hold);

}  // namespace ps::ledger
