#include "ledger/json.h"

#include "http/query_input.h"

#include <boost/json.hpp>

namespace ps::ledger {

boost::json::object to_json(const VendorBalances& vendor) {
  boost::json::array items;
  for (const auto& balance : vendor.balances)
    items.push_back({{"currency", balance.currency},
                     {"balance_cents", balance.balance_cents()},
                     {"pending_cents", balance.pending_cents},
                     {"available_cents", balance.available_cents},
                     {"paid_cents", balance.paid_cents}});
  return {{"balances", std::move(items)},
          {"platform_fee_bps", vendor.fee.bps},
          {"platform_fee_fixed_cents", vendor.fee.fixed_cents},
          {"payout_hold_days", vendor.payout_hold_days}};
}

boost::json::object to_json(const Statement& statement, const PageRequest& request) {
  boost::json::array items;
  for (const auto& line : statement.items)
    items.push_back({{"transaction_id", line.transaction_id},
                     {"kind", line.kind},
                     {"order_id", line.order_id},
                     {"currency", line.currency},
                     {"created_at", to_rfc3339(line.created_at)},
                     {"gross_cents", line.gross_cents},
                     {"fee_cents", line.fee_cents},
                     {"net_cents", line.net_cents},
                     {"balance_cents", line.balance_cents}});
  auto json = http::page_json(request, statement.total);
  json["items"] = std::move(items);
  return json;
}

}  // namespace ps::ledger
