#pragma once

#include "db/query.h"
#include "orders/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::orders {

// SQL for orders, their items and events; no business rules here.
namespace store {
std::int64_t insert(db::Connection& sql, const Order& order);
void insert_item(db::Connection& sql, const OrderItem& item);
void insert_event(db::Connection& sql, const OrderEvent& event, std::optional<std::int64_t> actor);
std::optional<Order> find(db::Connection& sql, std::int64_t id);
// find(), and no other transaction may change the order until this one ends:
// PostgreSQL locks the row (FOR UPDATE); an SQLite write transaction holds
// the whole database already.
std::optional<Order> find_for_update(db::Connection& sql, std::int64_t id);
std::vector<Order> list(db::Connection& sql, const OrderFilter& filter);
// The statement list runs (the SQLite plan test reads it too).
db::Query list_query(const OrderFilter& filter);
long long count(db::Connection& sql, const OrderFilter& filter);
std::vector<OrderItem> items_of(db::Connection& sql, const std::vector<std::int64_t>& order_ids);
std::vector<OrderEvent> events_of(db::Connection& sql, const std::vector<std::int64_t>& order_ids);
// Moves an order from `was` to `order.status` (with its other fields); false
// when the order was not in that state any more.
bool transition(db::Connection& sql, const Order& order, OrderStatus was);
// Sales in one currency (a shop may in principle sell in several).
std::vector<DaySales> sales_by_day(db::Connection& sql, std::int64_t shop_id,
                                   const std::string& currency, long long first_day);
std::vector<ProductSales> top_products(db::Connection& sql, std::int64_t shop_id,
                                       const std::string& currency, int limit);
// The currency most of the shop's orders, else its products, are in.
std::string main_currency(db::Connection& sql, std::int64_t shop_id);
// Inserts the refund and its items; returns its id.
std::int64_t insert_refund(db::Connection& sql, const OrderRefund& refund);
// The refunds of these orders with their items, by order, oldest first.
std::vector<OrderRefund> refunds_of(db::Connection& sql,
                                    const std::vector<std::int64_t>& order_ids);
std::optional<std::int64_t> delivered_order_with(db::Connection& sql, std::int64_t buyer_id,
                                                 std::int64_t product_id);
}  // namespace store

}  // namespace ps::orders
