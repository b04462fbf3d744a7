#pragma once

#include "db/query.h"
#include "payouts/model.h"

#include <optional>
#include <string>
#include <vector>

namespace ps::payouts {

// SQL for payout accounts, payouts and the orders they cover; no business
// rules here.
namespace store {
std::optional<PayoutAccount> find_account(db::Connection& sql, std::int64_t shop_id);
// The account, locked until this transaction ends (FOR UPDATE on PostgreSQL;
// SQLite's write transaction holds the whole database already): payouts of
// one shop are made one at a time.
std::optional<PayoutAccount> lock_account(db::Connection& sql, std::int64_t shop_id);
// Inserts the account unless the shop has one; false when it had.
bool insert_account(db::Connection& sql, const PayoutAccount& account);
void update_settings(db::Connection& sql, std::int64_t shop_id, PayoutSchedule schedule,
                     long long minimum_cents, Millis now);
// Accounts paid on a schedule (daily or weekly).
std::vector<PayoutAccount> scheduled_accounts(db::Connection& sql);

std::int64_t insert_payout(db::Connection& sql, const Payout& payout);
void insert_payout_order(db::Connection& sql, std::int64_t payout_id, std::int64_t order_id);
std::optional<Payout> find_payout(db::Connection& sql, std::int64_t id);
std::optional<Payout> find_by_key(db::Connection& sql, std::int64_t shop_id,
                                  const std::string& idempotency_key);
std::optional<Payout> find_by_period(db::Connection& sql, std::int64_t shop_id,
                                     const std::string& currency, const std::string& period_key);
std::optional<Payout> find_by_gateway_payout(db::Connection& sql, const std::string& payout_id);
// The shop's payouts, newest first, each with its orders.
std::vector<Payout> payouts_of(db::Connection& sql, std::int64_t shop_id);
// The shop's orders whose earnings were released to its balance in this
// currency and that no payout which has not failed covers yet, by id.
std::vector<std::int64_t> uncovered_orders(db::Connection& sql, std::int64_t shop_id,
                                           const std::string& currency);
// The payouts of the shop, not failed ones, that cover any of the orders.
std::vector<Coverage> coverage_of(db::Connection& sql, std::int64_t shop_id,
                                  const std::vector<long long>& order_ids);
// Moves the payout from `from` to `to` with the gateway's ids (kept when
// empty) and failure code; false when it was not in `from` any more.
bool change_status(db::Connection& sql, std::int64_t id, PayoutStatus from, PayoutStatus to,
                   const std::string& transfer_id, const std::string& payout_id,
                   const std::string& failure_code, Millis now);
// Records the gateway's ids (kept when empty) whatever the status.
void set_gateway_ids(db::Connection& sql, std::int64_t id, const std::string& transfer_id,
                     const std::string& payout_id, Millis now);
}  // namespace store

}  // namespace ps::payouts
