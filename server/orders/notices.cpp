#include "orders/notices.h"

#include "core/money.h"
#include "notifications/service.h"

namespace ps::orders::notices {

namespace {

std::string number_of(const Order& order) { return "#" + std::to_string(order.id); }
std::string link_to(const Order& order) { return "/orders/" + std::to_string(order.id); }
std::string total_of(const Order& order) { return money_text(order.total_cents, order.currency); }

mail::NewMail mail_from(const OrderView& view, std::string kind, std::string subject,
                        std::string heading) {
  mail::NewMail mail;
  mail.kind = std::move(kind);
  mail.brand = {view.shop.name, view.shop.accent_color};
  mail.subject = std::move(subject);
  mail.heading = std::move(heading);
  mail.action = mail::Action{"View the order", link_to(view.order)};
  return mail;
}

std::vector<mail::Line> item_lines(const OrderView& view) {
  std::vector<mail::Line> lines;
  for (const auto& item : view.items)
    lines.push_back({item.name + " × " + std::to_string(item.quantity),
                     money_text(item.unit_price_cents * item.quantity, view.order.currency)});
  if (view.order.shipping_cents > 0)
    lines.push_back({"Shipping", money_text(view.order.shipping_cents, view.order.currency)});
  lines.push_back({"Total", total_of(view.order)});
  return lines;
}

std::vector<mail::Line> address_lines(const Order& order) {
  const auto address = address_from_storage(order.shipping_address);
  std::vector<mail::Line> lines{{"Ship to", address.name}, {"", address.line1}};
  if (!address.line2.empty()) lines.push_back({"", address.line2});
  lines.push_back({"", place_line(address)});
  lines.push_back({"", address.country});
  return lines;
}

void tell_buyer(db::Connection& sql, const OrderView& view,
                std::optional<notifications::NewNotification> bell, mail::NewMail mail) {
  notifications::tell(sql, view.order.buyer_id, std::move(bell), std::move(mail));
}

void tell_vendor(db::Connection& sql, const OrderView& view,
                 std::optional<notifications::NewNotification> bell,
                 std::optional<mail::NewMail> mail) {
  notifications::tell(sql, view.shop.owner_id, std::move(bell), std::move(mail));
}

void shipped(db::Connection& sql, const OrderView& view) {
  const Order& order = view.order;
  auto mail =
      mail_from(view, "order_shipped",
                "Your order " + number_of(order) + " from " + view.shop.name + " has shipped",
                "Your order is on its way");
  mail.paragraphs = {view.shop.name + " has sent your order with " + order.carrier + "."};
  mail.lines = {{"Carrier", order.carrier}, {"Tracking number", order.tracking_number}};
  if (const auto url = tracking_url(order.carrier, order.tracking_number); !url.empty())
    mail.action = mail::Action{"Track your parcel", url};
  tell_buyer(
      sql, view,
      notifications::NewNotification{.kind = "order_shipped",
                                     .title = "Order " + number_of(order) + " has shipped",
                                     .body = order.carrier + ", tracking " + order.tracking_number,
                                     .link = link_to(order)},
      std::move(mail));
}

void delivered(db::Connection& sql, const OrderView& view) {
  const Order& order = view.order;
  auto mail =
      mail_from(view, "order_delivered",
                "Your order " + number_of(order) + " from " + view.shop.name + " was delivered",
                "Your order has arrived");
  mail.paragraphs = {"We hope you enjoy it. How was it? A review helps " + view.shop.name +
                     " and other buyers."};
  mail.lines = item_lines(view);
  mail.action = mail::Action{"Write a review", link_to(order) + "#reviews"};
  mail.topic = "review_invitations";
  tell_buyer(sql, view,
             notifications::NewNotification{.kind = "order_delivered",
                                            .title = "Order " + number_of(order) + " was delivered",
                                            .body = "Tell others what you think of it.",
                                            .link = link_to(order)},
             std::move(mail));
}

void cancelled(db::Connection& sql, const OrderView& view, bool by_seller) {
  const Order& order = view.order;
  auto mail =
      mail_from(view, "order_cancelled",
                "Your order " + number_of(order) + " from " + view.shop.name + " was cancelled",
                "Your order was cancelled");
  mail.paragraphs = {
      order.cancel_reason + ".",
      "The " + total_of(order) + " held on your card has been released: you were not charged."};
  mail.lines = item_lines(view);
  const notifications::NewNotification bell{.kind = "order_cancelled",
                                            .title = "Order " + number_of(order) + " was cancelled",
                                            .body = order.cancel_reason,
                                            .link = link_to(order)};
  if (by_seller) {
    tell_buyer(sql, view, bell, std::move(mail));
  } else {
    tell_buyer(sql, view, std::nullopt, std::move(mail));
    tell_vendor(sql, view, bell, std::nullopt);
  }
}

}  // namespace

void placed(db::Connection& sql, const OrderView& view) {
  const Order& order = view.order;
  auto receipt =
      mail_from(view, "order_placed", "Your order " + number_of(order) + " from " + view.shop.name,
                "Thank you for your order");
  receipt.paragraphs = {
      view.shop.name + " has your order and will prepare it.",
      "We have reserved " + total_of(order) + " on your card; it is charged when the order ships."};
  receipt.lines = item_lines(view);
  const auto address = address_lines(order);
  receipt.lines.insert(receipt.lines.end(), address.begin(), address.end());
  tell_buyer(sql, view, std::nullopt, std::move(receipt));

  auto vendor_mail =
      mail_from(view, "new_order", "New order " + number_of(order) + ": " + total_of(order),
                "You have a new order");
  vendor_mail.paragraphs = {order.buyer_name + " ordered from " + view.shop.name +
                            ". Ship it to the address below."};
  vendor_mail.lines = item_lines(view);
  vendor_mail.lines.insert(vendor_mail.lines.end(), address.begin(), address.end());
  tell_vendor(sql, view,
              notifications::NewNotification{
                  .kind = "new_order",
                  .title = "New order " + number_of(order) + ": " + total_of(order),
                  .body = "From " + order.buyer_name,
                  .link = link_to(order)},
              std::move(vendor_mail));
}

void status_changed(db::Connection& sql, const OrderView& view, bool by_seller) {
  switch (view.order.status) {
    case OrderStatus::shipped:
      return shipped(sql, view);
    case OrderStatus::delivered:
      return delivered(sql, view);
    case OrderStatus::cancelled:
      return cancelled(sql, view, by_seller);
    default:
      return;
  }
}

void refunded(db::Connection& sql, const OrderView& view, const OrderRefund& refund) {
  const Order& order = view.order;
  const auto amount = money_text(refund.amount_cents, order.currency);
  const bool in_full = order.status == OrderStatus::refunded;
  auto mail = mail_from(view, "order_refunded",
                        "A refund of " + amount + " for your order " + number_of(order),
                        in_full ? "Your order was refunded" : "Part of your order was refunded");
  mail.paragraphs = {view.shop.name + " has refunded " + amount +
                     " to the card you paid with. Banks take a few days to show it."};
  if (!refund.reason.empty()) mail.paragraphs.push_back("Reason: " + refund.reason);
  mail.lines = {{"Refunded now", amount},
                {"Refunded in all", money_text(view.refunded_cents(), order.currency)},
                {"Order total", total_of(order)}};
  tell_buyer(sql, view,
             notifications::NewNotification{
                 .kind = "refund",
                 .title = "Refund of " + amount + " for order " + number_of(order),
                 .body = refund.reason,
                 .link = link_to(order)},
             std::move(mail));
}

}  // namespace ps::orders::notices
