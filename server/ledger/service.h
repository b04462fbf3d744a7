#pragma once

#include "core/page.h"
#include "db/database.h"
#include "ledger/store.h"
#include "shops/service.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::ledger {

// The double-entry ledger: every money movement as a balanced transaction,
// posted once per business event, with account balances kept in step; and
// what vendors read of it. Posting runs inside the caller's transaction, so
// the ledger moves with the order change that moved the money, or not at all.
// A sale's earnings are pending (a hold, model.h) until `payout_hold` after
// the order is delivered; release_due() then makes them available.
// Blocking: call from the WorkerPool.
class LedgerService {
 public:
  // default_fee: Config::platform_fee_bps and platform_fee_fixed_cents, for
  // shops without a fee of their own; payout_hold: Config::payout_hold_days.
  LedgerService(db::Database& database, shops::ShopsService& shops, FeeRule default_fee,
                Millis payout_hold)
      : database_(database), shops_(shops), default_fee_(default_fee), payout_hold_(payout_hold) {}

  // Posts the transaction and adds its entries to the accounts' balances.
  // Posting (kind, reference) again changes nothing and returns the first
  // posting, also when a concurrent transaction posted it (PostgreSQL waits
  // for that one to end). std::logic_error when check_postable() refuses it.
  LedgerTransaction post(db::Connection& sql, LedgerTransaction transaction);
  // What the posting of (kind, reference) moved on the shop's vendor accounts
  // (pending and balance; positive: taken from the vendor), 0 when none.
  long long shop_share(db::Connection& sql, const std::string& kind, const std::string& reference,
                       std::int64_t shop_id) const;
  // The posting of (kind, reference), if any, in the caller's transaction.
  std::optional<LedgerTransaction> find_posted(db::Connection& sql, const std::string& kind,
                                               const std::string& reference) const;

  // For orders, inside their transaction. The order's total was captured:
  // posts its sale (the vendor's part pending) at the shop's fee, and returns
  // the fee, which the order keeps.
  long long record_sale(db::Connection& sql, std::int64_t order_id, std::int64_t shop_id,
                        long long total_cents, const std::string& currency);
  // The order was delivered: its earnings become due payout_hold from now.
  void record_delivery(db::Connection& sql, std::int64_t order_id, Millis delivered_at);
  // A refund of amount_cents of a captured order, of which fee_back_cents is
  // the platform's fee given back: the rest comes from the vendor's pending
  // earnings of the order while they are held, else from its balance (which
  // may go negative, to be made up by later earnings). An order captured
  // before the ledger existed has no sale, and nothing is posted.
  void record_refund(db::Connection& sql, std::int64_t order_id, std::int64_t refund_id,
                     long long amount_cents, long long fee_back_cents);

  // Takes `amount_cents` back from the vendor of an order (a dispute's
  // clawback): from the order's pending earnings as far as they go while
  // they are held, the rest from the vendor's balance (which may go
  // negative). Returns the debits, naming the order, for the caller's
  // transaction to post.
  std::vector<Entry> take_back(db::Connection& sql, std::int64_t order_id, std::int64_t shop_id,
                               long long amount_cents);
  // Gives back what take_back took (a dispute the shop won): what came from
  // the order's pending earnings goes back to them while they are still
  // held, else to the balance, as does what came from the balance. Returns
  // the credits (negative entries, naming the order), for the caller's
  // transaction to post.
  std::vector<Entry> give_back(db::Connection& sql, std::int64_t order_id, std::int64_t shop_id,
                               long long from_pending, long long from_balance);

  // Releases every hold due at `now`, each in its own transaction, and
  // returns how many it released. Safe to run concurrently, in several
  // instances: each hold is released once.
  int release_due(Millis now);

  FeeRule fee_rule(db::Connection& sql, std::int64_t shop_id) const;
  // What the shop's vendor may be paid now, per currency (positive: owed),
  // in the caller's transaction.
  std::vector<AccountBalance> available(db::Connection& sql, std::int64_t shop_id) const;
  // What the shop's orders earned, newest sale first, in the caller's session.
  OrderEarningsPage order_earnings(db::Connection& sql, std::int64_t shop_id,
                                   const PageRequest& page) const;
  // One order's earnings; nullopt when it is not the shop's or has no sale yet.
  std::optional<OrderEarnings> order_earnings_of(db::Connection& sql, std::int64_t shop_id,
                                                 std::int64_t order_id) const;
  // What we owe the vendor, per currency (409 shop-required without a shop).
  VendorBalances balances(std::int64_t vendor_id);
  Statement statement(std::int64_t vendor_id, const PageRequest& page);
  // The vendor's statement lines posted in [from, until), oldest first.
  std::vector<StatementLine> statement_between(std::int64_t vendor_id, Millis from, Millis until);

 private:
  // Releases one hold if it is due and unreleased; true when it did.
  bool release(const std::string& reference, Millis now);

  db::Database& database_;
  shops::ShopsService& shops_;
  FeeRule default_fee_;
  Millis payout_hold_;
};

}  // namespace ps::ledger
