#include "payouts/json.h"

#include "core/clock.h"

#include <boost/json.hpp>

namespace ps::payouts {

namespace {
boost::json::value text_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  return boost::json::string(text);
}
}  // namespace

boost::json::object to_json(const PayoutAccount& account) {
  return {{"gateway_account_id", account.gateway_account_id},
          {"schedule", to_string(account.schedule)},
          {"minimum_cents", account.minimum_cents},
          {"created_at", to_rfc3339(account.created_at)},
          {"updated_at", to_rfc3339(account.updated_at)}};
}

boost::json::object to_json(const Payout& payout) {
  boost::json::array orders;
  for (const auto id : payout.order_ids) orders.push_back(id);
  return {{"id", payout.id},
          {"currency", payout.currency},
          {"amount_cents", payout.amount_cents},
          {"status", to_string(payout.status)},
          {"scheduled", !payout.period_key.empty()},
          {"gateway_transfer_id", text_or_null(payout.gateway_transfer_id)},
          {"gateway_payout_id", text_or_null(payout.gateway_payout_id)},
          {"failure_code", text_or_null(payout.failure_code)},
          {"order_ids", std::move(orders)},
          {"created_at", to_rfc3339(payout.created_at)},
          {"updated_at", to_rfc3339(payout.updated_at)}};
}

boost::json::object to_json(const std::vector<Payout>& payouts) {
  boost::json::array items;
  for (const auto& payout : payouts) items.push_back(to_json(payout));
  return {{"items", std::move(items)}};
}

}  // namespace ps::payouts
