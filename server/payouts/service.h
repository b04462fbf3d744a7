#pragma once

#include "core/page.h"
#include "db/database.h"
#include "jobs/queue.h"
#include "ledger/service.h"
#include "payments/payout_gateway.h"
#include "payouts/store.h"
#include "shops/service.h"

#include <boost/json/object.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ps::payouts {

// Vendors paid from their available balance through the gateway's Connect
// API: a connected account per shop, payouts on request or on a schedule.
// A payout is made in one transaction under the shop's payout lock (the
// payout_accounts row): it takes the whole available balance in one
// currency (ledger kind "payout": debit the vendor's balance, credit its
// payouts account), lists the released orders it covers and enqueues its
// `payout` job; the job transfers the money to the account and pays it out
// (idempotency keys from the account and payout ids), and the gateway's
// payout.paid / payout.failed events finish it (a failure reverses the
// posting: kind "payout_reversal"). Blocking: call from the WorkerPool.
class PayoutsService {
 public:
  // test_mode: the gateway is in test mode (an sk_test_ key), so connect()
  // honours a failure code for the account's payouts (docs/gateway.md).
  PayoutsService(db::Database& database, shops::ShopsService& shops, ledger::LedgerService& ledger,
                 payments::PayoutGateway& gateway, bool test_mode)
      : database_(database),
        shops_(shops),
        ledger_(ledger),
        gateway_(gateway),
        test_mode_(test_mode) {}

  // Called after a payout was committed (wakes the job runners).
  void on_payout_created(std::function<void()> notify) { notify_ = std::move(notify); }

  // Creates the shop's connected account at the gateway, once: a second call
  // returns the first account. test_failure_code (test mode only, else
  // ignored): every payout of the account fails with it.
  PayoutAccount connect(std::int64_t vendor_id, const std::string& email,
                        const std::string& test_failure_code);
  // None before the vendor connects one (409 shop-required without a shop).
  std::optional<PayoutAccount> account(std::int64_t vendor_id);
  PayoutAccount update_settings(std::int64_t vendor_id, PayoutSchedule schedule,
                                long long minimum_cents);

  struct Requested {
    Payout payout;
    bool created = false;  // false: the Idempotency-Key's earlier payout
  };
  // Pays out the available balance in `currency` (optional when the vendor
  // has money available in one currency only). 409 payout-below-minimum when
  // it is 0 or below the shop's minimum. With an idempotency key the shop
  // used before, returns that payout.
  Requested request_payout(std::int64_t vendor_id, const std::optional<std::string>& currency,
                           const std::string& idempotency_key);
  std::vector<Payout> payouts(std::int64_t vendor_id);
  // What the vendor's orders earned and where that money stands, newest
  // sale first (409 shop-required without a shop).
  OrderEarningsPage order_earnings(std::int64_t vendor_id, const PageRequest& page);
  // One order's: 404 not-found unless it is the vendor's shop's, with a sale.
  OrderEarnings order_earnings_of(std::int64_t vendor_id, std::int64_t order_id);

  // Creates the scheduled payouts due at `now`: for each shop paid daily or
  // weekly and each currency with an available balance at or above its
  // minimum, one payout per period (several runs and instances make one).
  // Returns how many it created.
  int create_scheduled(Millis now);

  // The payout job's handler (jobs::JobHandler): transfer and payout at the
  // gateway outside any transaction, then in_transit with the gateway's ids.
  jobs::JobEffects handle_job(const jobs::Job& job);

  // A payout.* event's object (a gateway payout), in the event's
  // transaction: payout.paid -> paid; payout.failed -> failed, the money
  // back in the balance. Others, and payouts we do not know, change nothing.
  void apply_gateway_event(db::Connection& sql, const std::string& type,
                           const boost::json::object& payout);

 private:
  // Tells the vendor (bell and mail) that a payout reached their bank.
  void tell_paid(db::Connection& sql, const Payout& payout);
  // from -> failed with failure_code, the payout's amount back in the
  // vendor's balance, and the vendor told why (bell and mail); nothing when
  // the payout is no longer `from`.
  void fail_payout(db::Connection& sql, std::int64_t payout_id, PayoutStatus from,
                   const std::string& gateway_payout_id, const std::string& failure_code);
  // Under the shop's payout lock: a payout of what is available in currency.
  Payout create_locked(db::Connection& sql, const PayoutAccount& account,
                       const std::string& currency, const std::string& idempotency_key,
                       const std::string& period_key);
  void notify() const {
    if (notify_) notify_();
  }

  db::Database& database_;
  shops::ShopsService& shops_;
  ledger::LedgerService& ledger_;
  payments::PayoutGateway& gateway_;
  bool test_mode_;
  std::function<void()> notify_;
};

}  // namespace ps::payouts
