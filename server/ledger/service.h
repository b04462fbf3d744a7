#pragma once

#include "core/page.h"
#include "db/database.h"
#include "ledger/store.h"
#include "shops/service.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ps::ledger {

// The double-entry ledger: every money movement as a balanced transaction,
// posted once per business event, with account balances kept in step; and
// what vendors read of it. Posting runs inside the caller's transaction, so
// the ledger moves with the order change that moved the money, or not at all.
// Blocking: call from the WorkerPool.
class LedgerService {
 public:
  // platform_fee_bps: Config::platform_fee_bps, the fee on each sale.
  LedgerService(db::Database& database, shops::ShopsService& shops, int platform_fee_bps)
      : database_(database), shops_(shops), platform_fee_bps_(platform_fee_bps) {}

  // Posts the transaction and adds its entries to the accounts' balances.
  // Posting (kind, reference) again changes nothing and returns the first
  // posting, also when a concurrent transaction posted it (PostgreSQL waits
  // for that one to end). std::logic_error when check_postable() refuses it.
  LedgerTransaction post(db::Connection& sql, LedgerTransaction transaction);

  // For orders, inside their transaction: the order's total was captured.
  void record_sale(db::Connection& sql, std::int64_t order_id, std::int64_t shop_id,
                   long long total_cents, const std::string& currency);
  // The whole order was refunded after capture: its sale, reversed. An order
  // captured before the ledger existed has no sale, and nothing is posted.
  void record_refund(db::Connection& sql, std::int64_t order_id);

  // What we owe the vendor, per currency (409 shop-required without a shop).
  std::vector<Balance> balances(std::int64_t vendor_id);
  Statement statement(std::int64_t vendor_id, const PageRequest& page);
  int platform_fee_bps() const { return platform_fee_bps_; }

 private:
  db::Database& database_;
  shops::ShopsService& shops_;
  int platform_fee_bps_;
};

}  // namespace ps::ledger
