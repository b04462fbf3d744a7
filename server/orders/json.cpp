#include "orders/json.h"

#include "catalog/json.h"
#include "http/query_input.h"
#include "shops/json.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>

namespace ps::orders {

namespace {
// The payment's dispute as the order's vendor reads it: its outcome, what it
// took from this shop, and the evidence's deadline and sending.
boost::json::object dispute_json(const payments::PaymentDispute& dispute, long long taken_back) {
  return {{"status", dispute.status},
          {"taken_back_cents", taken_back},
          {"opened_at", to_rfc3339(dispute.opened_at)},
          {"closed_at", http::rfc3339_or_null(dispute.closed_at)},
          {"evidence_due_by", http::rfc3339_or_null(dispute.evidence_due_by)},
          {"evidence_submitted_at", http::rfc3339_or_null(dispute.evidence_submitted_at)}};
}

boost::json::value address_json(const std::string& text) {
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  return ec ? boost::json::value(nullptr) : value;
}

boost::json::value optional_text(const std::string& text) {
  return text.empty() ? boost::json::value(nullptr) : boost::json::value(text);
}

boost::json::value optional_amount(const std::optional<long long>& amount) {
  return amount ? boost::json::value(*amount) : boost::json::value(nullptr);
}

boost::json::array refund_items_json(const std::vector<RefundItem>& items) {
  boost::json::array json;
  for (const auto& item : items)
    json.push_back({{"product_id", item.product_id}, {"quantity", item.quantity}});
  return json;
}

}  // namespace

boost::json::object to_json(const OrderRefund& refund, bool seen_by_seller) {
  boost::json::object json{{"id", refund.id},
                           {"amount_cents", refund.amount_cents},
                           {"reason", refund.reason},
                           {"items", refund_items_json(refund.items)},
                           {"created_at", to_rfc3339(refund.created_at)}};
  if (seen_by_seller) json["fee_reversed_cents"] = refund.fee_reversed_cents;
  return json;
}

boost::json::object to_json(const OrderView& view) {
  const Order& o = view.order;
  boost::json::array items, events;
  for (const auto& item : view.items)
    items.push_back({{"product_id", item.product_id},
                     {"name", item.name},
                     {"unit_price_cents", item.unit_price_cents},
                     {"quantity", item.quantity},
                     {"line_total_cents", item.unit_price_cents * item.quantity},
                     {"image", item.image ? boost::json::value(catalog::image_json(*item.image))
                                          : boost::json::value(nullptr)}});
  boost::json::array refunds;
  for (const auto& refund : view.refunds) refunds.push_back(to_json(refund, view.seen_by_seller));
  for (const auto& event : view.events)
    events.push_back({{"status", to_string(event.status)},
                      {"note", event.note},
                      {"actor", event.actor_role},
                      {"at", to_rfc3339(event.at)}});
  // The order's shop says when it closed: nobody there answers any more.
  auto shop = shops::summary_json(view.shop);
  shop["closed_at"] = http::rfc3339_or_null(view.shop.closed_at);
  boost::json::object json{
      {"id", o.id},
      {"checkout_id", o.checkout_id},
      {"shop", std::move(shop)},
      {"buyer", {{"id", o.buyer_id}, {"display_name", o.buyer_name}}},
      {"status", to_string(o.status)},
      {"payment_status", to_string(o.payment_status)},
      {"total_cents", o.total_cents},
      {"shipping_cents", o.shipping_cents},
      {"currency", o.currency},
      {"items", std::move(items)},
      {"shipping_address", address_json(o.shipping_address)},
      {"carrier", optional_text(o.carrier)},
      {"tracking_number", optional_text(o.tracking_number)},
      {"tracking_url", optional_text(tracking_url(o.carrier, o.tracking_number))},
      {"cancel_reason", optional_text(o.cancel_reason)},
      {"can_cancel", cancellable(o.status)},
      {"events", std::move(events)},
      {"refunded_cents", view.refunded_cents()},
      {"refunds", std::move(refunds)},
      {"created_at", to_rfc3339(o.created_at)},
      {"updated_at", to_rfc3339(o.updated_at)}};
  if (view.card)
    json["payment"] = {{"card_brand", view.card->brand},
                       {"card_last4", view.card->last4},
                       {"amount_cents", o.total_cents}};
  if (view.seen_by_seller) {
    // What the platform keeps of what the buyer has not got back, and the
    // rest, less what a dispute holds back (all of it again once won).
    std::optional<long long> fee, net;
    if (o.platform_fee_cents) {
      fee = *o.platform_fee_cents - view.fee_reversed_cents();
      net = o.total_cents - view.refunded_cents() - *fee - view.held_by_dispute_cents();
    }
    json["platform_fee_cents"] = optional_amount(fee);
    json["vendor_net_cents"] = optional_amount(net);
  }
  if (view.dispute) json["dispute"] = dispute_json(*view.dispute, view.disputed_cents);
  return json;
}

boost::json::object to_json(const OrderPage& page, const PageRequest& request) {
  boost::json::array items;
  for (const auto& view : page.items) items.push_back(to_json(view));
  auto json = http::page_json(request, page.total);
  json["items"] = std::move(items);
  return json;
}

boost::json::object to_json(const Dashboard& dashboard) {
  boost::json::array days, top, low;
  for (const auto& day : dashboard.days)
    days.push_back({{"date", to_rfc3339(day.day * kDayMillis).substr(0, 10)},
                    {"revenue_cents", day.revenue_cents},
                    {"orders", day.orders}});
  for (const auto& product : dashboard.top_products)
    top.push_back({{"product_id", product.product_id},
                   {"name", product.name},
                   {"units", product.units},
                   {"revenue_cents", product.revenue_cents}});
  for (const auto& product : dashboard.low_stock)
    low.push_back(
        {{"product_id", product.id}, {"name", product.name}, {"inventory", product.inventory}});
  return {{"currency", dashboard.currency},
          {"revenue_by_day", std::move(days)},
          {"top_products", std::move(top)},
          {"low_stock", std::move(low)}};
}

ShippingAddress read_shipping_address(http::JsonFields& fields) {
  ShippingAddress address{fields.required_string("name", 1, 100),
                          fields.required_string("line1", 1, 200),
                          fields.optional_string("line2", 0, 200).value_or(""),
                          fields.required_string("city", 1, 100),
                          fields.required_string("postal_code", 1, 20),
                          fields.required_string("country", 2, 2),
                          fields.optional_string("region", 0, 100).value_or("")};
  std::transform(address.country.begin(), address.country.end(), address.country.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return address;
}

}  // namespace ps::orders
