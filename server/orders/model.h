#pragma once

// Orders as plain data: what the store reads and writes, what the service
// returns, and the states an order and its payment move through.

#include "accounts/model.h"
#include "catalog/model.h"
#include "core/clock.h"
#include "core/page.h"
#include "payments/model.h"
#include "shops/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ps::orders {

// paid -> processing -> shipped -> delivered, cancelled before shipping,
// refunded after it. The one table of allowed moves is in model.cpp.
enum class OrderStatus { paid, processing, shipped, delivered, cancelled, refunded };
// What the order's share of the card authorization is: held, taken, given
// back before capture (voided) or after it (refunded).
enum class PaymentStatus { authorized, captured, voided, refunded };

std::string_view to_string(OrderStatus status);
std::string_view to_string(PaymentStatus status);
std::optional<OrderStatus> parse_order_status(std::string_view text);
std::optional<PaymentStatus> parse_payment_status(std::string_view text);
// Every status, in lifecycle order (for messages and validation).
const std::vector<OrderStatus>& all_order_statuses();

// Whether an order may move from `from` to `to`.
bool allowed(OrderStatus from, OrderStatus to);
// The states from which an order may still be cancelled.
inline bool cancellable(OrderStatus status) { return allowed(status, OrderStatus::cancelled); }

struct ShippingAddress {
  std::string name, line1, line2, city, postal_code, country;
  std::string region;  // state, province or county; optional (issue 18)
};
// The address as a checkout and its orders keep it: a JSON object with the
// fields in declaration order (which checkout's request fingerprints rely on),
// region only when there is one, so an address without one reads as before.
std::string to_storage_text(const ShippingAddress& address);
// The address back from its storage text (empty fields for what is missing).
ShippingAddress address_from_storage(const std::string& text);

// The address's town line as a parcel carries it: "Portland, OR 97201" in
// the United States, Canada and Australia, "21100 Malmö" elsewhere (then ",
// region" where there is one), as the web app writes it.
std::string place_line(const ShippingAddress& address);

// Where a buyer follows a parcel: the carrier's tracking page for the
// carriers people name most (UPS, USPS, FedEx, DHL, Royal Mail, Canada Post,
// Australia Post, La Poste, DPD), matched without regard to case; empty for
// another carrier.
std::string tracking_url(std::string_view carrier, std::string_view tracking_number);

struct Order {
  std::int64_t id = 0;
  std::int64_t checkout_id = 0;
  std::int64_t payment_id = 0;
  std::int64_t buyer_id = 0;
  std::string buyer_name;  // read-only
  std::int64_t shop_id = 0;
  OrderStatus status = OrderStatus::paid;
  PaymentStatus payment_status = PaymentStatus::authorized;
  long long total_cents = 0;
  std::string currency;
  std::string shipping_address;  // to_storage_text()
  std::string carrier;
  std::string tracking_number;
  std::string cancel_reason;
  Millis created_at = 0;
  Millis updated_at = 0;
  // The platform's fee on the total, fixed when the sale was posted at
  // shipping; nullopt before (and for orders captured before the ledger).
  std::optional<long long> platform_fee_cents;
  // What the shop charged to ship the order, part of total_cents.
  long long shipping_cents = 0;
};

struct OrderItem {
  std::int64_t order_id = 0;
  std::int64_t product_id = 0;
  std::string name;
  long long unit_price_cents = 0;
  long long quantity = 0;
  // The product's main image now, for a thumbnail: read for views, not stored.
  std::optional<catalog::ProductImage> image;
};

struct OrderEvent {
  std::int64_t order_id = 0;
  OrderStatus status = OrderStatus::paid;
  std::string note;
  std::string actor_role;  // buyer | vendor | system
  Millis at = 0;
};

// Part of an order's line (named by its product: an order has one line per
// product) given back in a refund.
struct RefundItem {
  std::int64_t product_id = 0;
  long long quantity = 0;
};

// One refund of a captured order: an amount of its total and the part of the
// platform's fee given back with it.
struct OrderRefund {
  std::int64_t id = 0;
  std::int64_t order_id = 0;
  long long amount_cents = 0;
  long long fee_reversed_cents = 0;
  std::string reason;
  std::vector<RefundItem> items;  // empty for a refund of an amount
  std::string idempotency_key;    // empty: none
  std::string request_fingerprint;
  std::string gateway_refund_id;  // empty: unknown
  Millis created_at = 0;
};

// What a vendor asks to refund: items, an amount, or (the whole-order
// refund endpoint) everything not refunded yet.
struct RefundRequest {
  std::vector<RefundItem> items;
  std::optional<long long> amount_cents;
  bool everything_left = false;
  std::string reason;
  std::string idempotency_key;  // empty: none
};
// What makes two requests with one Idempotency-Key "the same".
std::string fingerprint_of(const RefundRequest& request);

struct OrderFilter {
  std::optional<std::int64_t> checkout_id;
  std::optional<std::int64_t> buyer_id;
  std::optional<std::int64_t> shop_id;
  std::optional<OrderStatus> status;
  PageRequest page;
};

struct DaySales {
  long long day = 0;  // days since the epoch, UTC
  long long revenue_cents = 0;
  long long orders = 0;
};

struct ProductSales {
  std::int64_t product_id = 0;
  std::string name;
  long long units = 0;
  long long revenue_cents = 0;
};

// The card an order was paid with, as its buyer sees it.
struct PaymentCard {
  std::string brand;
  std::string last4;
};

struct OrderView {
  Order order;
  shops::ShopSummary shop;
  std::vector<OrderItem> items;
  std::vector<OrderEvent> events;
  std::vector<OrderRefund> refunds;  // oldest first
  bool seen_by_seller = false;       // the shop's vendor sees the fee
  std::optional<PaymentCard> card;   // the buyer's, on GET /api/orders/{id} only
  // The payment's latest dispute and the vendor's share of it, for the
  // shop's vendor on GET /api/orders/{id} only.
  std::optional<payments::PaymentDispute> dispute;
  long long disputed_cents = 0;  // taken back from this order's shop

  long long refunded_cents() const;
  long long fee_reversed_cents() const;
  // What the dispute keeps from the vendor: its share while it is open or
  // lost, nothing once won.
  long long held_by_dispute_cents() const;
};

// A refund made (or, for a retry with its Idempotency-Key, found again).
struct RefundResult {
  OrderView order;
  OrderRefund refund;
  bool replayed = false;
};

struct OrderPage {
  std::vector<OrderView> items;
  long long total = 0;
};

struct Dashboard {
  std::string currency;        // of every amount below
  std::vector<DaySales> days;  // the last 30, oldest first, zeros included
  std::vector<ProductSales> top_products;
  std::vector<catalog::Product> low_stock;
};

// Who is acting on an order.
struct Actor {
  std::int64_t user_id = 0;
  accounts::Role role = accounts::Role::buyer;
};

}  // namespace ps::orders
