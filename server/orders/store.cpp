#include "orders/store.h"

namespace ps::orders::store {

namespace {
// Continued by each query that reads OrderRows.
constexpr std::string_view kSelectOrders = R"(
  SELECT o.id, o.checkout_id, o.payment_id, o.buyer_id, u.display_name, o.shop_id, o.status,
         o.payment_status, o.total_cents, o.currency, o.shipping_address, o.carrier,
         o.tracking_number, o.cancel_reason, o.created_at, o.updated_at, o.platform_fee_cents,
         o.shipping_cents
  FROM orders o JOIN users u ON u.id = o.buyer_id )";

// One row of kSelectOrders.
struct OrderRow {
  long long id = 0, checkout = 0, payment = 0, buyer = 0, shop = 0, total = 0, created = 0,
            updated = 0, fee = 0, shipping = 0;
  std::string buyer_name, status, payment_status, currency, address, carrier, tracking, reason;
  soci::indicator carrier_ind = soci::i_null, tracking_ind = soci::i_null,
                  reason_ind = soci::i_null, fee_ind = soci::i_null;

  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(checkout));
    st.exchange(soci::into(payment));
    st.exchange(soci::into(buyer));
    st.exchange(soci::into(buyer_name));
    st.exchange(soci::into(shop));
    st.exchange(soci::into(status));
    st.exchange(soci::into(payment_status));
    st.exchange(soci::into(total));
    st.exchange(soci::into(currency));
    st.exchange(soci::into(address));
    st.exchange(soci::into(carrier, carrier_ind));
    st.exchange(soci::into(tracking, tracking_ind));
    st.exchange(soci::into(reason, reason_ind));
    st.exchange(soci::into(created));
    st.exchange(soci::into(updated));
    st.exchange(soci::into(fee, fee_ind));
    st.exchange(soci::into(shipping));
  }

  Order to_order() const {
    auto text = [](const std::string& value, soci::indicator ind) {
      return ind == soci::i_ok ? value : std::string();
    };
    return {id,
            checkout,
            payment,
            buyer,
            buyer_name,
            shop,
            parse_order_status(status).value(),
            parse_payment_status(payment_status).value(),
            total,
            currency,
            address,
            text(carrier, carrier_ind),
            text(tracking, tracking_ind),
            text(reason, reason_ind),
            created,
            updated,
            fee_ind == soci::i_ok ? std::optional<long long>(fee) : std::nullopt,
            shipping};
  }
};

std::vector<Order> fetch(db::Connection& sql, const db::Query& query) {
  std::vector<Order> result;
  query.each<OrderRow>(sql, [&](const OrderRow& row) { result.push_back(row.to_order()); });
  return result;
}

std::optional<Order> fetch_one(db::Connection& sql, const db::Query& query) {
  auto orders = fetch(sql, query);
  if (orders.empty()) return std::nullopt;
  return std::move(orders.front());
}

void add_where(db::Query& query, const OrderFilter& filter) {
  query.sql("WHERE 1 = 1 ");
  if (filter.checkout_id)
    query.sql("AND o.checkout_id = ").bind(static_cast<long long>(*filter.checkout_id)).sql(" ");
  if (filter.buyer_id)
    query.sql("AND o.buyer_id = ").bind(static_cast<long long>(*filter.buyer_id)).sql(" ");
  if (filter.shop_id)
    query.sql("AND o.shop_id = ").bind(static_cast<long long>(*filter.shop_id)).sql(" ");
  if (filter.status)
    query.sql("AND o.status = ").bind(std::string(to_string(*filter.status))).sql(" ");
}

}  // namespace

constexpr std::string_view kInsertOrder = R"(
  INSERT INTO orders (checkout_id, payment_id, buyer_id, shop_id, status, payment_status,
                      total_cents, shipping_cents, currency, shipping_address, created_at,
                      updated_at)
  VALUES (:checkout, :payment, :buyer, :shop, :status, :payment_status, :total, :shipping,
          :currency, :address, :created, :updated))";

std::int64_t insert(db::Connection& sql, const Order& order) {
  return db::Query(kInsertOrder)
      .values(order.checkout_id, order.payment_id, order.buyer_id, order.shop_id,
              std::string(to_string(order.status)), std::string(to_string(order.payment_status)),
              order.total_cents, order.shipping_cents, order.currency, order.shipping_address,
              order.created_at, order.updated_at)
      .insert_returning_id(sql);
}

constexpr std::string_view kInsertItem = R"(
  INSERT INTO order_items (order_id, product_id, name, unit_price_cents, quantity)
  VALUES (:order, :product, :name, :price, :quantity))";

void insert_item(db::Connection& sql, const OrderItem& item) {
  db::Query(kInsertItem)
      .values(item.order_id, item.product_id, item.name, item.unit_price_cents, item.quantity)
      .execute(sql);
}

constexpr std::string_view kInsertEvent = R"(
  INSERT INTO order_events (order_id, status, note, actor_id, actor_role, at)
  VALUES (:order, :status, :note, :actor, :role, :at))";

void insert_event(db::Connection& sql, const OrderEvent& event, std::optional<std::int64_t> actor) {
  db::Query(kInsertEvent)
      .values(event.order_id, std::string(to_string(event.status)), event.note,
              std::optional<long long>(actor), event.actor_role, event.at)
      .execute(sql);
}

constexpr std::string_view kWhereId = "WHERE o.id = :id";

std::optional<Order> find(db::Connection& sql, std::int64_t id) {
  db::Query query(kSelectOrders);
  return fetch_one(sql, query.sql(kWhereId).values(id));
}

std::optional<Order> find_for_update(db::Connection& sql, std::int64_t id) {
  db::Query query(kSelectOrders);
  return fetch_one(sql, query.sql(kWhereId).values(id).for_update(sql, "o"));
}

constexpr std::string_view kNewestFirst = R"(
  ORDER BY o.created_at DESC, o.id DESC LIMIT :limit OFFSET :offset)";

db::Query list_query(const OrderFilter& filter) {
  db::Query query(kSelectOrders);
  add_where(query, filter);
  query.sql(kNewestFirst).values(static_cast<long long>(filter.page.limit), filter.page.offset());
  return query;
}

std::vector<Order> list(db::Connection& sql, const OrderFilter& filter) {
  return fetch(sql, list_query(filter));
}

long long count(db::Connection& sql, const OrderFilter& filter) {
  db::Query query("SELECT COUNT(*) FROM orders o ");
  add_where(query, filter);
  return query.single<long long>(sql);
}

namespace {
struct OrderItemRow {
  long long order = 0, product = 0;
  OrderItem item;

  void define(soci::statement& st) {
    st.exchange(soci::into(order));
    st.exchange(soci::into(product));
    st.exchange(soci::into(item.name));
    st.exchange(soci::into(item.unit_price_cents));
    st.exchange(soci::into(item.quantity));
  }

  OrderItem read() const {
    OrderItem result = item;
    result.order_id = order;
    result.product_id = product;
    return result;
  }
};

struct OrderEventRow {
  long long order = 0, at = 0;
  std::string status;
  OrderEvent event;

  void define(soci::statement& st) {
    st.exchange(soci::into(order));
    st.exchange(soci::into(status));
    st.exchange(soci::into(event.note));
    st.exchange(soci::into(event.actor_role));
    st.exchange(soci::into(at));
  }

  OrderEvent read() const {
    OrderEvent result = event;
    result.order_id = order;
    result.status = parse_order_status(status).value();
    result.at = at;
    return result;
  }
};

// The rows of `select` (its text ending in "WHERE order_id IN (") for these
// orders, in `order_by`'s order.
template <class Row>
auto rows_of_orders(db::Connection& sql, std::string_view select, std::string_view order_by,
                    const std::vector<std::int64_t>& order_ids) {
  std::vector<decltype(std::declval<const Row&>().read())> rows;
  if (order_ids.empty()) return rows;
  db::Query query(select);
  query.bind_list({order_ids.begin(), order_ids.end()}).sql(") ORDER BY ").sql(order_by);
  query.each<Row>(sql, [&](const Row& row) { rows.push_back(row.read()); });
  return rows;
}
}  // namespace

constexpr std::string_view kItemsOf = R"(
  SELECT order_id, product_id, name, unit_price_cents, quantity FROM order_items
  WHERE order_id IN ()";

std::vector<OrderItem> items_of(db::Connection& sql, const std::vector<std::int64_t>& order_ids) {
  return rows_of_orders<OrderItemRow>(sql, kItemsOf, "order_id, product_id", order_ids);
}

constexpr std::string_view kEventsOf = R"(
  SELECT order_id, status, note, actor_role, at FROM order_events WHERE order_id IN ()";

std::vector<OrderEvent> events_of(db::Connection& sql, const std::vector<std::int64_t>& order_ids) {
  return rows_of_orders<OrderEventRow>(sql, kEventsOf, "order_id, id", order_ids);
}

bool transition(db::Connection& sql, const Order& order, OrderStatus was) {
  db::Query query("UPDATE orders SET status = ");
  query.bind(std::string(to_string(order.status)))
      .sql(", payment_status = ")
      .bind(std::string(to_string(order.payment_status)));
  query.sql(", updated_at = ").bind(static_cast<long long>(order.updated_at));
  // Empty text fields are left as they are (NULL until first set).
  if (!order.carrier.empty()) query.sql(", carrier = ").bind(order.carrier);
  if (!order.tracking_number.empty()) query.sql(", tracking_number = ").bind(order.tracking_number);
  if (!order.cancel_reason.empty()) query.sql(", cancel_reason = ").bind(order.cancel_reason);
  if (order.platform_fee_cents)
    query.sql(", platform_fee_cents = ").bind(static_cast<long long>(*order.platform_fee_cents));
  query.sql(" WHERE id = ").bind(static_cast<long long>(order.id));
  query.sql(" AND status = ").bind(std::string(to_string(was)));
  return query.execute(sql) == 1;
}

// Cancelled and refunded orders earn nothing.
constexpr std::string_view kSalesByDay = R"(
  SELECT o.created_at / 86400000 AS day, SUM(o.total_cents), COUNT(*) FROM orders o
  WHERE o.shop_id = :shop AND o.created_at >= :since AND o.currency = :currency
    AND o.status NOT IN ('cancelled', 'refunded')
  GROUP BY o.created_at / 86400000 ORDER BY day)";

std::vector<DaySales> sales_by_day(db::Connection& sql, std::int64_t shop_id,
                                   const std::string& currency, long long first_day) {
  struct Row {
    DaySales sales;
    void define(soci::statement& st) {
      st.exchange(soci::into(sales.day));
      st.exchange(soci::into(sales.revenue_cents));
      st.exchange(soci::into(sales.orders));
    }
  };
  std::vector<DaySales> days;
  db::Query(kSalesByDay)
      .values(shop_id, first_day * kDayMillis, currency)
      .each<Row>(sql, [&](const Row& row) { days.push_back(row.sales); });
  return days;
}

// Cancelled and refunded orders earn nothing.
constexpr std::string_view kTopProducts = R"(
  SELECT i.product_id, MAX(i.name), SUM(i.quantity) AS units,
         SUM(i.quantity * i.unit_price_cents) AS revenue
  FROM order_items i JOIN orders o ON o.id = i.order_id
  WHERE o.shop_id = :shop AND o.status NOT IN ('cancelled', 'refunded')
    AND o.currency = :currency
  GROUP BY i.product_id ORDER BY units DESC, revenue DESC, i.product_id LIMIT :limit)";

std::vector<ProductSales> top_products(db::Connection& sql, std::int64_t shop_id,
                                       const std::string& currency, int limit) {
  struct Row {
    ProductSales sales;
    long long product = 0;
    void define(soci::statement& st) {
      st.exchange(soci::into(product));
      st.exchange(soci::into(sales.name));
      st.exchange(soci::into(sales.units));
      st.exchange(soci::into(sales.revenue_cents));
    }
  };
  std::vector<ProductSales> result;
  db::Query(kTopProducts)
      .values(shop_id, currency, static_cast<long long>(limit))
      .each<Row>(sql, [&](const Row& row) {
        result.push_back(row.sales);
        result.back().product_id = row.product;
      });
  return result;
}

constexpr std::string_view kMainCurrency = R"(
  SELECT currency FROM (
    SELECT currency, COUNT(*) AS n, 0 AS source FROM orders WHERE shop_id = :shop
    GROUP BY currency
    UNION ALL
    SELECT currency, COUNT(*) AS n, 1 AS source FROM products WHERE shop_id = :shop2
    GROUP BY currency) c
  ORDER BY source, n DESC, currency LIMIT 1)";

std::string main_currency(db::Connection& sql, std::int64_t shop_id) {
  return db::Query(kMainCurrency)
      .values(shop_id, shop_id)
      .first<std::string>(sql)
      .value_or(std::string("USD"));
}

constexpr std::string_view kDeliveredOrderWith = R"(
  SELECT o.id FROM orders o JOIN order_items i ON i.order_id = o.id
  WHERE o.buyer_id = :buyer AND i.product_id = :product AND o.status = 'delivered'
  ORDER BY o.id LIMIT 1)";

std::optional<std::int64_t> delivered_order_with(db::Connection& sql, std::int64_t buyer_id,
                                                 std::int64_t product_id) {
  return db::Query(kDeliveredOrderWith).values(buyer_id, product_id).first<long long>(sql);
}

constexpr std::string_view kInsertRefund = R"(
  INSERT INTO order_refunds (order_id, amount_cents, fee_reversed_cents, reason, idempotency_key,
                             request_fingerprint, gateway_refund_id, created_at)
  VALUES (:order, :amount, :fee, :reason, :key, :fingerprint, :gateway, :created))";

constexpr std::string_view kInsertRefundItem = R"(
  INSERT INTO order_refund_items (refund_id, order_id, product_id, quantity)
  VALUES (:refund, :order, :product, :quantity))";

std::int64_t insert_refund(db::Connection& sql, const OrderRefund& refund) {
  auto null_if_empty = [](const std::string& text) {
    return text.empty() ? std::optional<std::string>() : std::optional<std::string>(text);
  };
  db::Query insert(kInsertRefund);
  insert.values(refund.order_id, refund.amount_cents, refund.fee_reversed_cents, refund.reason);
  for (const auto& text :
       {refund.idempotency_key, refund.request_fingerprint, refund.gateway_refund_id}) {
    if (const auto value = null_if_empty(text))
      insert.value(*value);
    else
      insert.value(std::optional<long long>());
  }
  const std::int64_t id =
      insert.value(static_cast<long long>(refund.created_at)).insert_returning_id(sql);
  for (const auto& item : refund.items)
    db::Query(kInsertRefundItem)
        .values(id, refund.order_id, item.product_id, item.quantity)
        .execute(sql);
  return id;
}

namespace {
struct RefundRow {
  OrderRefund refund;
  long long id = 0, order = 0, created = 0;
  std::string key, fingerprint, gateway;
  soci::indicator key_ind = soci::i_null, fingerprint_ind = soci::i_null,
                  gateway_ind = soci::i_null;

  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(order));
    st.exchange(soci::into(refund.amount_cents));
    st.exchange(soci::into(refund.fee_reversed_cents));
    st.exchange(soci::into(refund.reason));
    st.exchange(soci::into(key, key_ind));
    st.exchange(soci::into(fingerprint, fingerprint_ind));
    st.exchange(soci::into(gateway, gateway_ind));
    st.exchange(soci::into(created));
  }

  OrderRefund read() const {
    OrderRefund result = refund;
    result.id = id;
    result.order_id = order;
    result.created_at = created;
    if (key_ind == soci::i_ok) result.idempotency_key = key;
    if (fingerprint_ind == soci::i_ok) result.request_fingerprint = fingerprint;
    if (gateway_ind == soci::i_ok) result.gateway_refund_id = gateway;
    return result;
  }
};

struct RefundItemRow {
  long long refund = 0, product = 0, quantity = 0;

  void define(soci::statement& st) {
    st.exchange(soci::into(refund));
    st.exchange(soci::into(product));
    st.exchange(soci::into(quantity));
  }

  std::pair<std::int64_t, RefundItem> read() const { return {refund, {product, quantity}}; }
};
}  // namespace

constexpr std::string_view kRefundsOf = R"(
  SELECT id, order_id, amount_cents, fee_reversed_cents, reason, idempotency_key,
         request_fingerprint, gateway_refund_id, created_at
  FROM order_refunds WHERE order_id IN ()";

constexpr std::string_view kRefundItemsOf = R"(
  SELECT refund_id, product_id, quantity FROM order_refund_items WHERE order_id IN ()";

std::vector<OrderRefund> refunds_of(db::Connection& sql,
                                    const std::vector<std::int64_t>& order_ids) {
  auto refunds = rows_of_orders<RefundRow>(sql, kRefundsOf, "order_id, id", order_ids);
  if (refunds.empty()) return refunds;
  for (const auto& [refund_id, item] :
       rows_of_orders<RefundItemRow>(sql, kRefundItemsOf, "refund_id, product_id", order_ids))
    for (auto& refund : refunds)
      if (refund.id == refund_id) refund.items.push_back(item);
  return refunds;
}

}  // namespace ps::orders::store
