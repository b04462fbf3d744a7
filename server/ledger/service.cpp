#include "ledger/service.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace ps::ledger {

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

void LedgerService::record_sale(db::Connection& sql, std::int64_t order_id, std::int64_t shop_id,
                                long long total_cents, const std::string& currency) {
  if (auto sale = sale_of(order_id, shop_id, total_cents, currency, platform_fee_bps_))
    post(sql, std::move(*sale));
}

void LedgerService::record_refund(db::Connection& sql, std::int64_t order_id) {
  const auto sale = store::find_transaction(sql, kinds::kSale, std::to_string(order_id));
  if (!sale) {
    spdlog::warn("ledger: order {} refunded without a recorded sale; nothing posted", order_id);
    return;
  }
  post(sql, refund_of(*sale));
}

std::vector<Balance> LedgerService::balances(std::int64_t vendor_id) {
  return database_.with_session([&](db::Connection& sql) {
    const auto shop = shops_.require_shop_of(sql, vendor_id);
    auto balances = store::balances_of(sql, chart::vendor_balance(shop.id));
    for (auto& balance : balances) balance.balance_cents = -balance.balance_cents;  // owed to them
    return balances;
  });
}

Statement LedgerService::statement(std::int64_t vendor_id, const PageRequest& page) {
  return database_.with_session([&](db::Connection& sql) {
    const auto account = chart::vendor_balance(shops_.require_shop_of(sql, vendor_id).id);
    return Statement{store::statement_lines(sql, account, page),
                     store::count_statement_lines(sql, account)};
  });
}

}  // namespace ps::ledger
