#include "payouts/json.h"

#include "core/clock.h"
#include "http/query_input.h"

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
          {"failure_reason",
           text_or_null(payout.failure_code.empty() ? "" : failure_reason(payout.failure_code))},
          {"order_ids", std::move(orders)},
          {"created_at", to_rfc3339(payout.created_at)},
          {"updated_at", to_rfc3339(payout.updated_at)}};
}

boost::json::object to_json(const std::vector<Payout>& payouts) {
  boost::json::array items;
  for (const auto& payout : payouts) items.push_back(to_json(payout));
  return {{"items", std::move(items)}};
}

boost::json::object to_json(const OrderEarnings& order) {
  const auto& e = order.earnings;
  boost::json::value available_at = nullptr;
  if (e.available_at != 0) available_at = boost::json::string(to_rfc3339(e.available_at));
  boost::json::value payout_id = nullptr;
  if (order.payout_id) payout_id = *order.payout_id;
  return {{"order_id", e.order_id},
          {"currency", e.currency},
          {"created_at", to_rfc3339(e.created_at)},
          {"gross_cents", e.gross_cents},
          {"fee_cents", e.fee_cents},
          {"refunded_cents", e.refunded_cents},
          {"fee_returned_cents", e.fee_returned_cents},
          {"disputed_cents", e.disputed_cents},
          {"net_cents", e.net_cents()},
          {"status", to_string(order.status)},
          {"available_at", std::move(available_at)},
          {"payout_id", std::move(payout_id)}};
}

boost::json::object to_json(const OrderEarningsPage& page, const PageRequest& request) {
  boost::json::array items;
  for (const auto& order : page.items) items.push_back(to_json(order));
  auto json = http::page_json(request, page.total);
  json["items"] = std::move(items);
  return json;
}

}  // namespace ps::payouts
