#pragma once

#include "catalog/service.h"
#include "db/database.h"
#include "ledger/service.h"
#include "orders/store.h"
#include "payments/service.h"
#include "shops/service.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ps::orders {

// Orders from checkout to delivery. The shop's vendor moves an order
// paid -> processing -> shipped (capturing its payment, posted to the ledger
// as a sale) -> delivered; before shipping, the buyer or the vendor (with a
// reason) may cancel it, which restocks and releases the payment; the vendor
// may refund a shipped or delivered order in parts or in full (each refund
// posted to the ledger with its share of the fee). Every change
// is an event with its time and actor; any other transition is a 409.
// Blocking: call from the WorkerPool.
class OrdersService {
 public:
  OrdersService(db::Database& database, shops::ShopsService& shops,
                catalog::CatalogService& catalog, payments::PaymentsService& payments,
                ledger::LedgerService& ledger)
      : database_(database),
        shops_(shops),
        catalog_(catalog),
        payments_(payments),
        ledger_(ledger) {}

  // Inside checkout's transaction: a paid order with its items and first event.
  // Returns the order as written, without reading it back.
  OrderView place(db::Connection& sql, Order order, shops::ShopSummary shop,
                  std::vector<OrderItem> items);
  // seen_by_seller: whether the viewer is the shop's vendor (who sees the fee).
  // item_images: also each item's product's main image now (one query for
  // all the orders); checkout's answer goes without, to keep its transaction short.
  enum class ItemImages { none, main };
  std::vector<OrderView> views(db::Connection& sql, std::vector<Order> orders,
                               bool seen_by_seller = false,
                               ItemImages item_images = ItemImages::main);
  // The orders one checkout placed, oldest first.
  std::vector<OrderView> of_checkout(db::Connection& sql, std::int64_t checkout_id);

  OrderView get(const Actor& actor, std::int64_t order_id);  // 404 unless buyer or vendor
  OrderPage list_for_buyer(std::int64_t buyer_id, const PageRequest& page);
  OrderPage list_for_vendor(std::int64_t vendor_id, std::optional<OrderStatus> status,
                            const PageRequest& page);

  OrderView process(const Actor& vendor, std::int64_t order_id);
  OrderView ship(const Actor& vendor, std::int64_t order_id, const std::string& carrier,
                 const std::string& tracking_number);
  OrderView deliver(const Actor& vendor, std::int64_t order_id);
  OrderView cancel(const Actor& actor, std::int64_t order_id, const std::string& reason);
  // Refunds everything not refunded yet (the whole-order refund endpoint).
  OrderView refund(const Actor& vendor, std::int64_t order_id, const std::string& reason);
  // Refunds items or an amount of a shipped or delivered order, up to what
  // is left of its total; once all of it is refunded the order is refunded.
  // A retry with the request's Idempotency-Key finds the first refund (422
  // when the key came with a different request).
  RefundResult refund(const Actor& vendor, std::int64_t order_id, const RefundRequest& request);

  // The vendor answers the dispute of the order's payment: `explanation`
  // with the order's items and tracking, sent to the gateway once
  // (payments::PaymentsService::submit_evidence). 403 for the buyer.
  OrderView answer_dispute(const Actor& vendor, std::int64_t order_id,
                           const std::string& explanation);

  Dashboard dashboard(std::int64_t vendor_id);

  // For reviews: a delivered order of `buyer_id` containing the product.
  std::optional<std::int64_t> delivered_order_with(db::Connection& sql, std::int64_t buyer_id,
                                                   std::int64_t product_id) {
    return store::delivered_order_with(sql, buyer_id, product_id);
  }

 private:
  // Loads the order for `actor` (404 when it is not theirs to see);
  // `for_update` keeps other transactions from changing it until this one ends.
  Order load(db::Connection& sql, const Actor& actor, std::int64_t order_id,
             bool for_update = false);
  bool is_seller(db::Connection& sql, const Actor& actor, const Order& order);
  // The payment's dispute and the shop's share of it, onto the view.
  void show_dispute(db::Connection& sql, OrderView& view, payments::PaymentDispute dispute);
  // The amount a refund request asks for, checked against what is left.
  long long amount_of(const RefundRequest& request, const OrderView& view) const;
  // Makes the refund of the locked order: the card, its row, the ledger
  // (with its share of the fee), the order's state and event.
  void apply(db::Connection& sql, const Actor& vendor, Order& order, const OrderView& before,
             OrderRefund& refund);

  // A move to `to` (model.cpp says from where), and what it does besides the
  // status: payments, stock, fields. The effect may rewrite the event's note.
  struct Change {
    OrderStatus to;
    std::string note;
    bool sellers_only = true;
    std::function<void(db::Connection&, Order&, bool by_seller, std::string& note)> effect;
  };
  OrderView change(const Actor& actor, std::int64_t order_id, Change change);

  db::Database& database_;
  shops::ShopsService& shops_;
  catalog::CatalogService& catalog_;
  payments::PaymentsService& payments_;
  ledger::LedgerService& ledger_;
};

}  // namespace ps::orders
