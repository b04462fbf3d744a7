#include "orders/service.h"

#include "core/errors.h"
#include "orders/notices.h"

#include <algorithm>
#include <map>

namespace ps::orders {

namespace {
constexpr int kDashboardDays = 30;
constexpr int kTopProducts = 5;
constexpr long long kLowStock = 5;

ApiError order_not_found() { return ApiError::not_found("There is no such order."); }

bool captured(const Order& order) {
  return order.payment_status == PaymentStatus::captured &&
         (order.status == OrderStatus::shipped || order.status == OrderStatus::delivered);
}

// The refund an earlier request with the same Idempotency-Key made, if any;
// 422 when that request asked for something else.
std::optional<OrderRefund> earlier_refund(const OrderView& view, const RefundRequest& request,
                                          const std::string& fingerprint) {
  if (request.idempotency_key.empty()) return std::nullopt;
  for (const auto& earlier : view.refunds)
    if (earlier.idempotency_key == request.idempotency_key) {
      if (earlier.request_fingerprint != fingerprint)
        throw ApiError::validation(
            {{"Idempotency-Key", {"was already used for a different request"}}});
      return earlier;
    }
  return std::nullopt;
}

// Quantities of each product in these lines.
std::map<std::int64_t, long long> quantities(const std::vector<RefundItem>& items) {
  std::map<std::int64_t, long long> by_product;
  for (const auto& item : items) by_product[item.product_id] += item.quantity;
  return by_product;
}

// Each item's product's main image as the product has it now, from one
// query for all the items; none for a product that is gone.
void add_images(db::Connection& sql, catalog::CatalogService& catalog,
                std::vector<OrderItem>& items) {
  std::vector<std::int64_t> product_ids;
  for (const auto& item : items)
    if (std::ranges::find(product_ids, item.product_id) == product_ids.end())
      product_ids.push_back(item.product_id);
  const auto products = catalog.find_many(sql, product_ids, catalog::CatalogService::Images::main);
  for (auto& item : items) {
    const auto product = std::ranges::find(products, item.product_id,
                                           [](const auto& view) { return view.product.id; });
    if (product != products.end() && !product->images.empty()) item.image = product->images.front();
  }
}

}  // namespace

OrderView OrdersService::place(db::Connection& sql, Order order, shops::ShopSummary shop,
                               std::vector<OrderItem> items) {
  order.created_at = order.updated_at = now_millis();
  order.id = store::insert(sql, order);
  for (auto& item : items) {
    item.order_id = order.id;
    store::insert_item(sql, item);
  }
  const OrderEvent paid{order.id, OrderStatus::paid, "Payment authorized", "buyer",
                        order.created_at};
  store::insert_event(sql, paid, order.buyer_id);
  OrderView view{std::move(order), std::move(shop), std::move(items), {paid}};
  notices::placed(sql, view);
  return view;
}

std::vector<OrderView> OrdersService::views(db::Connection& sql, std::vector<Order> orders,
                                            bool seen_by_seller, ItemImages item_images) {
  std::vector<std::int64_t> ids, shop_ids;
  for (const auto& order : orders) {
    ids.push_back(order.id);
    shop_ids.push_back(order.shop_id);
  }
  std::map<std::int64_t, shops::ShopSummary> shops;
  for (auto& shop : shops_.summaries(sql, shop_ids)) shops.emplace(shop.id, std::move(shop));
  auto items = store::items_of(sql, ids);
  if (item_images == ItemImages::main) add_images(sql, catalog_, items);
  const auto events = store::events_of(sql, ids);
  const auto refunds = store::refunds_of(sql, ids);
  std::vector<OrderView> views;
  for (auto& order : orders) {
    OrderView view{std::move(order), {}, {}, {}, {}, seen_by_seller};
    view.shop = shops[view.order.shop_id];
    for (const auto& refund : refunds)
      if (refund.order_id == view.order.id) view.refunds.push_back(refund);
    for (const auto& item : items)
      if (item.order_id == view.order.id) view.items.push_back(item);
    for (const auto& event : events)
      if (event.order_id == view.order.id) view.events.push_back(event);
    views.push_back(std::move(view));
  }
  return views;
}

std::vector<OrderView> OrdersService::of_checkout(db::Connection& sql, std::int64_t checkout_id) {
  // A checkout places one order per shop in the cart, which holds far fewer.
  const OrderFilter filter{.checkout_id = checkout_id, .page = {.page = 1, .limit = 1000}};
  auto orders = store::list(sql, filter);
  std::reverse(orders.begin(), orders.end());
  return views(sql, std::move(orders), false, ItemImages::none);
}

Order OrdersService::load(db::Connection& sql, const Actor& actor, std::int64_t order_id,
                          bool for_update) {
  auto order = for_update ? store::find_for_update(sql, order_id) : store::find(sql, order_id);
  if (!order) throw order_not_found();
  if (order->buyer_id == actor.user_id) return std::move(*order);
  if (actor.role == accounts::Role::vendor) {
    const auto shop = shops_.summaries(sql, {order->shop_id});
    if (!shop.empty() && shop.front().owner_id == actor.user_id) return std::move(*order);
  }
  throw order_not_found();  // someone else's order: as if it did not exist
}

bool OrdersService::is_seller(db::Connection& sql, const Actor& actor, const Order& order) {
  if (actor.role != accounts::Role::vendor) return false;
  const auto shop = shops_.summaries(sql, {order.shop_id});
  return !shop.empty() && shop.front().owner_id == actor.user_id;
}

OrderView OrdersService::get(const Actor& actor, std::int64_t order_id) {
  return database_.with_session([&](db::Connection& sql) {
    auto order = load(sql, actor, order_id);
    const bool seller = is_seller(sql, actor, order);
    const bool buyer = actor.user_id == order.buyer_id;
    const auto checkout_id = order.checkout_id;
    auto view = std::move(views(sql, {std::move(order)}, seller).front());
    if (buyer) {
      const auto payment = payments_.of_checkout(sql, checkout_id);
      view.card = PaymentCard{payment.card_brand, payment.card_last4};
    }
    if (seller)
      if (auto dispute = payments_.latest_dispute(sql, view.order.payment_id))
        show_dispute(sql, view, std::move(*dispute));
    return view;
  });
}

void OrdersService::show_dispute(db::Connection& sql, OrderView& view,
                                 payments::PaymentDispute dispute) {
  view.disputed_cents =
      ledger_.shop_share(sql, ledger::kinds::kDispute, dispute.id, view.order.shop_id);
  view.dispute = std::move(dispute);
}

namespace {
// "2 × Moss terrarium, 1 × Card": what the buyer bought, for the bank.
std::string items_text(const std::vector<OrderItem>& items) {
  std::string text;
  for (const auto& item : items)
    text += (text.empty() ? "" : ", ") + std::to_string(item.quantity) + " × " + item.name;
  return text;
}
}  // namespace

OrderView OrdersService::answer_dispute(const Actor& vendor, std::int64_t order_id,
                                        const std::string& explanation) {
  return database_.transaction([&](db::Connection& sql) {
    const Order order = load(sql, vendor, order_id);
    if (!is_seller(sql, vendor, order))
      throw ApiError::forbidden("Only the shop's vendor can do this.");
    auto view = std::move(views(sql, {order}, true).front());
    const auto dispute = payments_.latest_dispute(sql, order.payment_id);
    if (!dispute)
      throw ApiError(ErrorCode::dispute_not_open, "This order's payment is not disputed.");
    show_dispute(sql, view,
                 payments_.submit_evidence(sql, dispute->id,
                                           {.explanation = explanation,
                                            .product_description = items_text(view.items),
                                            .shipping_carrier = order.carrier,
                                            .shipping_tracking_number = order.tracking_number},
                                           now_millis()));
    return view;
  });
}

OrderPage OrdersService::list_for_buyer(std::int64_t buyer_id, const PageRequest& page) {
  return database_.with_session([&](db::Connection& sql) {
    const OrderFilter filter{.buyer_id = buyer_id, .page = page};
    return OrderPage{views(sql, store::list(sql, filter)), store::count(sql, filter)};
  });
}

OrderPage OrdersService::list_for_vendor(std::int64_t vendor_id, std::optional<OrderStatus> status,
                                         const PageRequest& page) {
  return database_.with_session([&](db::Connection& sql) {
    const auto shop = shops_.require_shop_of(sql, vendor_id);
    const OrderFilter filter{.shop_id = shop.id, .status = status, .page = page};
    return OrderPage{views(sql, store::list(sql, filter), /*seen_by_seller=*/true),
                     store::count(sql, filter)};
  });
}

// One state change: checks the order is the actor's and may move to
// change.to from where it is, applies its effect (payments, stock), records
// the event; all in one transaction. The order is locked before its state is checked, so of two
// concurrent changes only one reaches the gateway; the other sees its result.
OrderView OrdersService::change(const Actor& actor, std::int64_t order_id, Change change) {
  return database_.transaction([&](db::Connection& sql) {
    Order order = load(sql, actor, order_id, /*for_update=*/true);
    const bool by_seller = is_seller(sql, actor, order);
    if (change.sellers_only && !by_seller)
      throw ApiError::forbidden("Only the shop's vendor can do this.");
    const OrderStatus was = order.status;
    if (!allowed(was, change.to))
      throw ApiError(ErrorCode::order_state, "An order that is " + std::string(to_string(was)) +
                                                 " cannot become " +
                                                 std::string(to_string(change.to)) + ".");
    order.status = change.to;
    order.updated_at = now_millis();
    if (change.effect) change.effect(sql, order, by_seller, change.note);
    if (!store::transition(sql, order, was))
      throw ApiError(ErrorCode::order_changed,
                     "The order changed meanwhile; reload it and try again.");
    store::insert_event(
        sql, {order.id, change.to, change.note, by_seller ? "vendor" : "buyer", order.updated_at},
        actor.user_id);
    auto view = std::move(views(sql, {store::find(sql, order.id).value()}, by_seller).front());
    notices::status_changed(sql, view, by_seller);
    return view;
  });
}

OrderView OrdersService::process(const Actor& vendor, std::int64_t order_id) {
  return change(vendor, order_id, {OrderStatus::processing, "Being prepared"});
}

OrderView OrdersService::ship(const Actor& vendor, std::int64_t order_id,
                              const std::string& carrier, const std::string& tracking_number) {
  return change(vendor, order_id,
                {OrderStatus::shipped, "Shipped with " + carrier + ", tracking " + tracking_number,
                 true, [&](db::Connection& sql, Order& order, bool, std::string&) {
                   order.carrier = carrier;
                   order.tracking_number = tracking_number;
                   payments_.capture(sql, order.payment_id, order.total_cents);
                   order.payment_status = PaymentStatus::captured;
                   order.platform_fee_cents = ledger_.record_sale(
                       sql, order.id, order.shop_id, order.total_cents, order.currency);
                 }});
}

OrderView OrdersService::deliver(const Actor& vendor, std::int64_t order_id) {
  return change(vendor, order_id,
                {OrderStatus::delivered, "Delivered", true,
                 [&](db::Connection& sql, Order& order, bool, std::string&) {
                   ledger_.record_delivery(sql, order.id, order.updated_at);
                 }});
}

OrderView OrdersService::cancel(const Actor& actor, std::int64_t order_id,
                                const std::string& reason) {
  return change(
      actor, order_id,
      {OrderStatus::cancelled, "", false,
       [&](db::Connection& sql, Order& order, bool by_seller, std::string& note) {
         if (by_seller && reason.empty())
           throw ApiError::validation({{"reason", {"is required when the vendor cancels"}}});
         note = by_seller ? "Cancelled by the shop: " + reason
                          : "Cancelled by the buyer" + (reason.empty() ? "" : ": " + reason);
         for (const auto& item : store::items_of(sql, {order.id}))
           catalog_.return_stock(sql, item.product_id, item.quantity);
         payments_.release(sql, order.payment_id, order.total_cents);
         order.payment_status = PaymentStatus::voided;
         order.cancel_reason = note;
       }});
}

OrderView OrdersService::refund(const Actor& vendor, std::int64_t order_id,
                                const std::string& reason) {
  return refund(vendor, order_id, RefundRequest{.everything_left = true, .reason = reason}).order;
}

long long OrdersService::amount_of(const RefundRequest& request, const OrderView& view) const {
  const Order& order = view.order;
  const long long left = order.total_cents - view.refunded_cents();
  if (request.everything_left) return left;
  long long amount = request.amount_cents.value_or(0);
  if (!request.items.empty()) {
    std::vector<RefundItem> refunded;
    for (const auto& refund : view.refunds)
      refunded.insert(refunded.end(), refund.items.begin(), refund.items.end());
    const auto already = quantities(refunded);
    for (const auto& [product_id, quantity] : quantities(request.items)) {
      const auto line =
          std::find_if(view.items.begin(), view.items.end(),
                       [&](const OrderItem& item) { return item.product_id == product_id; });
      if (line == view.items.end())
        throw ApiError::validation(
            {{"items", {"product " + std::to_string(product_id) + " is not in this order"}}});
      const long long refundable =
          line->quantity - (already.contains(product_id) ? already.at(product_id) : 0);
      if (quantity > refundable)
        throw ApiError(ErrorCode::refund_quantity_exceeded,
                       "Only " + std::to_string(refundable) + " of product " +
                           std::to_string(product_id) + " can still be refunded.")
            .with_member("product_id", product_id)
            .with_member("refundable_quantity", refundable);
      amount += line->unit_price_cents * quantity;
    }
  }
  if (amount > left)
    throw ApiError(ErrorCode::refund_exceeds_captured,
                   "Only " + std::to_string(left) + " of this order can still be refunded.")
        .with_member("refundable_cents", left);
  return amount;
}

RefundResult OrdersService::refund(const Actor& vendor, std::int64_t order_id,
                                   const RefundRequest& request) {
  return database_.transaction([&](db::Connection& sql) {
    // The order's row lock puts concurrent refunds (and a release of its
    // earnings) one after the other, each seeing the refunds before it.
    Order order = load(sql, vendor, order_id, /*for_update=*/true);
    if (!is_seller(sql, vendor, order))
      throw ApiError::forbidden("Only the shop's vendor can do this.");
    const auto fingerprint = fingerprint_of(request);
    auto before = std::move(views(sql, {order}, true).front());
    if (auto earlier = earlier_refund(before, request, fingerprint))
      return RefundResult{std::move(before), std::move(*earlier), /*replayed=*/true};
    if (!captured(order))
      throw ApiError(
          ErrorCode::order_state,
          "An order that is " + std::string(to_string(order.status)) + " cannot be refunded.");
    const long long amount = amount_of(request, before);
    if (amount <= 0)
      throw ApiError(ErrorCode::refund_exceeds_captured, "Nothing of this order is left to refund.")
          .with_member("refundable_cents", 0);
    OrderRefund refund{.order_id = order.id,
                       .amount_cents = amount,
                       .reason = request.reason,
                       .items = request.items,
                       .idempotency_key = request.idempotency_key,
                       .request_fingerprint = fingerprint,
                       .created_at = now_millis()};
    apply(sql, vendor, order, before, refund);
    auto after = std::move(views(sql, {store::find(sql, order.id).value()}, true).front());
    notices::refunded(sql, after, refund);
    return RefundResult{std::move(after), std::move(refund), /*replayed=*/false};
  });
}

void OrdersService::apply(db::Connection& sql, const Actor& vendor, Order& order,
                          const OrderView& before, OrderRefund& refund) {
  const long long refunded = before.refunded_cents() + refund.amount_cents;
  if (order.platform_fee_cents)  // else captured before the ledger: no fee recorded
    refund.fee_reversed_cents =
        ledger::fee_reversed_through(*order.platform_fee_cents, order.total_cents, refunded) -
        before.fee_reversed_cents();
  payments_.refund(sql, order.payment_id, refund.amount_cents);
  refund.id = store::insert_refund(sql, refund);
  ledger_.record_refund(sql, order.id, refund.id, refund.amount_cents, refund.fee_reversed_cents);

  const OrderStatus was = order.status;
  const bool in_full = refunded == order.total_cents;
  if (in_full) {
    order.status = OrderStatus::refunded;
    order.payment_status = PaymentStatus::refunded;
    order.cancel_reason = refund.reason;
  }
  order.updated_at = refund.created_at;
  if (!store::transition(sql, order, was))
    throw ApiError(ErrorCode::order_changed,
                   "The order changed meanwhile; reload it and try again.");
  const std::string note = in_full ? "Refunded" : "Partly refunded";
  store::insert_event(
      sql,
      {order.id, order.status, refund.reason.empty() ? note : note + ": " + refund.reason, "vendor",
       order.updated_at},
      vendor.user_id);
}

Dashboard OrdersService::dashboard(std::int64_t vendor_id) {
  return database_.with_session([&](db::Connection& sql) {
    const auto shop = shops_.require_shop_of(sql, vendor_id);
    const long long today = now_millis() / kDayMillis;
    const long long first = today - (kDashboardDays - 1);
    Dashboard dashboard;
    dashboard.currency = store::main_currency(sql, shop.id);
    const auto sales = store::sales_by_day(sql, shop.id, dashboard.currency, first);
    for (long long day = first; day <= today; ++day) {
      DaySales entry{day, 0, 0};
      for (const auto& sale : sales)
        if (sale.day == day) entry = sale;
      dashboard.days.push_back(entry);
    }
    dashboard.top_products = store::top_products(sql, shop.id, dashboard.currency, kTopProducts);
    dashboard.low_stock = catalog_.low_stock(sql, shop.id, kLowStock);
    return dashboard;
  });
}

}  // namespace ps::orders
