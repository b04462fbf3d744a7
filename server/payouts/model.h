#pragma once

// Payouts as plain data: a vendor's connected account at the gateway and its
// schedule, and each payout of a vendor's available balance with the orders
// whose earnings it pays.

#include "core/clock.h"
#include "ledger/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ps::payouts {

// manual: only on request; daily, weekly: also by `pocketshop payouts run`
// and the in-process scheduler, once per period.
enum class PayoutSchedule { manual, daily, weekly };
std::string_view to_string(PayoutSchedule schedule);
std::optional<PayoutSchedule> parse_schedule(std::string_view text);

// pending (created, the money taken from the balance) -> in_transit (the
// gateway has the transfer and the payout) -> paid | failed (the money back
// in the balance). The gateway's event may overtake our own record of
// in_transit, so pending -> paid | failed is allowed too.
enum class PayoutStatus { pending, in_transit, paid, failed };
std::string_view to_string(PayoutStatus status);
std::optional<PayoutStatus> parse_payout_status(std::string_view text);
bool allowed(PayoutStatus from, PayoutStatus to);

struct PayoutAccount {
  std::int64_t shop_id = 0;
  std::string gateway_account_id;  // acct_...
  PayoutSchedule schedule = PayoutSchedule::manual;
  long long minimum_cents = 0;
  Millis created_at = 0;
  Millis updated_at = 0;
};

struct Payout {
  std::int64_t id = 0;
  std::int64_t shop_id = 0;
  std::string currency;
  long long amount_cents = 0;
  PayoutStatus status = PayoutStatus::pending;
  std::string gateway_transfer_id;  // empty until in transit
  std::string gateway_payout_id;
  std::string failure_code;     // when failed
  std::string idempotency_key;  // a request's, or empty
  std::string period_key;       // a scheduled payout's, or empty
  Millis created_at = 0;
  Millis updated_at = 0;
  std::vector<std::int64_t> order_ids;  // the orders whose earnings it pays
};

// Why a payout failed, in the vendor's words: its failure code (the
// gateway's payout failure codes, or transfer_<error code> when the transfer
// to the account was refused).
std::string failure_reason(std::string_view failure_code);

// Where an order's earnings stand: pending (held; ledger::Hold), available
// (in the balance, no payout covers them), in_payout (a pending or in-transit
// payout covers them) or paid_out (a paid one does). A failed payout covers
// nothing: its orders are available again.
enum class EarningsStatus { pending, available, in_payout, paid_out };
std::string_view to_string(EarningsStatus status);

// The payout (not a failed one) that covers an order.
struct Coverage {
  std::int64_t order_id = 0;
  std::int64_t payout_id = 0;
  PayoutStatus status = PayoutStatus::pending;
};

// What an order earned (the ledger's figures) and where that money stands.
struct OrderEarnings {
  ledger::OrderEarnings earnings;
  EarningsStatus status = EarningsStatus::pending;
  std::optional<std::int64_t> payout_id;
};
// The status of earnings with their covering payout, if any.
OrderEarnings with_coverage(ledger::OrderEarnings earnings, const std::optional<Coverage>& payout);

struct OrderEarningsPage {
  std::vector<OrderEarnings> items;  // newest sale first
  long long total = 0;
};

// The job that sends a payout to the gateway (payload {"payout_id": N}).
inline const std::string kPayoutJob = "payout";

// The period a scheduled payout at `at` belongs to, unique per schedule:
// "daily:2026-12-05", or "weekly:2026-11-30" (the UTC Monday of its week).
std::string period_key(PayoutSchedule schedule, Millis at);

}  // namespace ps::payouts
