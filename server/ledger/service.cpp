#include "ledger/service.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>

namespace ps::ledger {

namespace {
// Holds released per query of due ones; the loop asks again until none are left.
constexpr int kReleaseBatch = 100;
}  // namespace

LedgerTransaction LedgerService::post(db::Connection& sql, LedgerTransaction transaction) {
  check_postable(transaction);
  transaction.created_at = now_millis();
  const bool first = store::insert_transaction(sql, transaction);
  auto posted = store::find_transaction(sql, transaction.kind, transaction.reference);
  if (!posted) throw std::logic_error("ledger: a transaction inserted or found is not there");
  if (!first) return std::move(*posted);
  // Balances in one order of accounts, so that two postings lock their rows
  // in the same order and cannot deadlock (PostgreSQL).
  std::sort(transaction.entries.begin(), transaction.entries.end(),
            [](const Entry& a, const Entry& b) { return a.account < b.account; });
  for (const auto& entry : transaction.entries) {
    store::insert_entry(sql, posted->id, entry);
    store::add_to_balance(sql, entry.account, transaction.currency, entry.amount);
  }
  posted->entries = std::move(transaction.entries);
  return std::move(*posted);
}

long long LedgerService::shop_share(db::Connection& sql, const std::string& kind,
                                    const std::string& reference, std::int64_t shop_id) const {
  const auto posting = store::find_transaction(sql, kind, reference);
  if (!posting) return 0;
  long long share = 0;
  for (const auto& entry : posting->entries)
    if (entry.account == chart::vendor_pending(shop_id) ||
        entry.account == chart::vendor_balance(shop_id))
      share += entry.amount;
  return share;
}

std::optional<LedgerTransaction> LedgerService::find_posted(db::Connection& sql,
                                                            const std::string& kind,
                                                            const std::string& reference) const {
  return store::find_transaction(sql, kind, reference);
}

FeeRule LedgerService::fee_rule(db::Connection& sql, std::int64_t shop_id) const {
  const auto own = shops_.fee_override(sql, shop_id);
  return {own.bps.value_or(default_fee_.bps), own.fixed_cents.value_or(default_fee_.fixed_cents)};
}

long long LedgerService::record_sale(db::Connection& sql, std::int64_t order_id,
                                     std::int64_t shop_id, long long total_cents,
                                     const std::string& currency) {
  const long long fee = fee_of(total_cents, fee_rule(sql, shop_id));
  auto sale = sale_of(order_id, shop_id, total_cents, currency, fee);
  if (!sale) return fee;
  const auto posted = post(sql, std::move(*sale));
  store::insert_hold(sql, {.reference = posted.reference,
                           .shop_id = shop_id,
                           .currency = currency,
                           .amount = total_cents - fee});
  return fee;
}

void LedgerService::record_delivery(db::Connection& sql, std::int64_t order_id,
                                    Millis delivered_at) {
  store::set_hold_due(sql, std::to_string(order_id), delivered_at + payout_hold_);
}

void LedgerService::record_refund(db::Connection& sql, std::int64_t order_id,
                                  std::int64_t refund_id, long long amount_cents,
                                  long long fee_back_cents) {
  const auto order_reference = std::to_string(order_id);
  const auto sale = store::find_transaction(sql, kinds::kSale, order_reference);
  if (!sale) {
    spdlog::warn("ledger: order {} refunded without a recorded sale; nothing posted", order_id);
    return;
  }
  const long long from_vendor = amount_cents - fee_back_cents;
  // The vendor's share comes back from where the sale put it: pending while
  // the order's hold is unreleased, else the balance (also for a sale posted
  // before holds existed, which credited the balance and has no hold).
  std::string vendor_account;
  for (const auto& entry : sale->entries)
    if (entry.account.starts_with("vendor:")) vendor_account = entry.account;
  if (auto hold = store::find_hold_for_update(sql, order_reference)) {
    if (hold->released) {
      vendor_account = chart::vendor_balance(hold->shop_id);
    } else {
      // Never below 0: fee_reversed_through() keeps each refund's share within
      // what is left of the order's earnings (the table's CHECK holds us to it).
      store::set_hold_amount(sql, order_reference, hold->amount - from_vendor);
      vendor_account = chart::vendor_pending(hold->shop_id);
    }
  }
  if (vendor_account.empty() && from_vendor != 0)
    throw std::logic_error("ledger: a refund of a sale without a vendor line");
  post(sql, refund_of(refund_reference(order_id, refund_id), vendor_account, sale->currency,
                      amount_cents, fee_back_cents));
}

std::vector<Entry> LedgerService::take_back(db::Connection& sql, std::int64_t order_id,
                                            std::int64_t shop_id, long long amount_cents) {
  std::vector<Entry> debits;
  long long left = amount_cents;
  const auto reference = std::to_string(order_id);
  if (auto hold = store::find_hold_for_update(sql, reference); hold && !hold->released) {
    const long long from_pending = std::min(left, hold->amount);
    if (from_pending > 0) {
      store::set_hold_amount(sql, reference, hold->amount - from_pending);
      debits.push_back({chart::vendor_pending(shop_id), from_pending, order_id});
      left -= from_pending;
    }
  }
  if (left > 0) debits.push_back({chart::vendor_balance(shop_id), left, order_id});
  return debits;
}

std::vector<Entry> LedgerService::give_back(db::Connection& sql, std::int64_t order_id,
                                            std::int64_t shop_id, long long from_pending,
                                            long long from_balance) {
  std::vector<Entry> credits;
  long long to_balance = from_balance;
  if (from_pending > 0) {
    const auto reference = std::to_string(order_id);
    if (auto hold = store::find_hold_for_update(sql, reference); hold && !hold->released) {
      store::set_hold_amount(sql, reference, hold->amount + from_pending);
      credits.push_back({chart::vendor_pending(shop_id), -from_pending, order_id});
    } else {
      to_balance += from_pending;  // released since: the order's earnings are in the balance
    }
  }
  if (to_balance > 0) credits.push_back({chart::vendor_balance(shop_id), -to_balance, order_id});
  return credits;
}

int LedgerService::release_due(Millis now) {
  int released = 0;
  for (;;) {
    const auto due = database_.with_session(
        [&](db::Connection& sql) { return store::due_holds(sql, now, kReleaseBatch); });
    int released_now = 0;
    for (const auto& reference : due)
      if (release(reference, now)) ++released_now;
    released += released_now;
    // Another instance may be releasing the same batch: stop when this one
    // released none of it, rather than find the same rows again.
    if (static_cast<int>(due.size()) < kReleaseBatch || released_now == 0) return released;
  }
}

bool LedgerService::release(const std::string& reference, Millis now) {
  return database_.transaction([&](db::Connection& sql) {
    if (!store::claim_release(sql, reference, now)) return false;
    // The claim locked the row, so a refund cannot change the amount under us.
    const auto hold = store::find_hold_for_update(sql, reference);
    if (auto release = release_of(hold.value())) post(sql, std::move(*release));
    return true;
  });
}

std::vector<AccountBalance> LedgerService::available(db::Connection& sql,
                                                     std::int64_t shop_id) const {
  auto balances = store::balances_of(sql, chart::vendor_balance(shop_id));
  for (auto& balance : balances) balance.amount = -balance.amount;
  return balances;
}

OrderEarningsPage LedgerService::order_earnings(db::Connection& sql, std::int64_t shop_id,
                                                const PageRequest& page) const {
  return {store::order_earnings(sql, shop_id, page), store::count_order_earnings(sql, shop_id)};
}

std::optional<OrderEarnings> LedgerService::order_earnings_of(db::Connection& sql,
                                                              std::int64_t shop_id,
                                                              std::int64_t order_id) const {
  return store::order_earnings_of(sql, shop_id, order_id);
}

VendorBalances LedgerService::balances(std::int64_t vendor_id) {
  return database_.with_session([&](db::Connection& sql) {
    const auto shop = shops_.require_shop_of(sql, vendor_id);
    std::map<std::string, Balance> by_currency;
    auto add = [&](const std::string& account, long long Balance::*field, int sign) {
      for (const auto& row : store::balances_of(sql, account)) {
        auto& balance = by_currency[row.currency];
        balance.currency = row.currency;
        balance.*field = sign * row.amount;
      }
    };
    // Liabilities are credits (negative): what we owe is their negation.
    add(chart::vendor_pending(shop.id), &Balance::pending_cents, -1);
    add(chart::vendor_balance(shop.id), &Balance::available_cents, -1);
    // Payouts credit the payouts account (model.h): paid is its negation too.
    add(chart::vendor_payouts(shop.id), &Balance::paid_cents, -1);
    VendorBalances result{{}, fee_rule(sql, shop.id), static_cast<int>(payout_hold_ / kDayMillis)};
    for (auto& [currency, balance] : by_currency) result.balances.push_back(std::move(balance));
    return result;
  });
}

Statement LedgerService::statement(std::int64_t vendor_id, const PageRequest& page) {
  return database_.with_session([&](db::Connection& sql) {
    const auto shop_id = shops_.require_shop_of(sql, vendor_id).id;
    return Statement{store::statement_lines(sql, shop_id, page),
                     store::count_statement_lines(sql, shop_id)};
  });
}

std::vector<StatementLine> LedgerService::statement_between(std::int64_t vendor_id, Millis from,
                                                            Millis until) {
  return database_.with_session([&](db::Connection& sql) {
    const auto shop_id = shops_.require_shop_of(sql, vendor_id).id;
    return store::statement_lines_between(sql, shop_id, from, until);
  });
}

}  // namespace ps::ledger
