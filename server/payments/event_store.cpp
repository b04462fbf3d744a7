#include "payments/event_store.h"

namespace ps::payments::event_store {

constexpr std::string_view kInsert = R"(
  INSERT INTO payment_events (id, type, account, created, payload, received_at)
  VALUES (:id, :type, :account, :created, :payload, :received)
  ON CONFLICT (id) DO NOTHING)";

bool insert(db::Connection& sql, const StoredEvent& event) {
  return db::Query(kInsert)
             .values(event.id, event.type, event.account, static_cast<long long>(event.created),
                     event.payload, static_cast<long long>(event.received_at))
             .execute(sql) == 1;
}

namespace {
struct EventRow {
  StoredEvent event;
  long long created = 0, received = 0, processed = 0;
  soci::indicator processed_ind = soci::i_null;

  void define(soci::statement& st) {
    st.exchange(soci::into(event.id));
    st.exchange(soci::into(event.type));
    st.exchange(soci::into(event.account));
    st.exchange(soci::into(created));
    st.exchange(soci::into(event.payload));
    st.exchange(soci::into(received));
    st.exchange(soci::into(processed, processed_ind));
  }

  StoredEvent to_event() const {
    StoredEvent read = event;
    read.created = created;
    read.received_at = received;
    if (processed_ind == soci::i_ok) read.processed_at = processed;
    return read;
  }
};
}  // namespace

constexpr std::string_view kFind = R"(
  SELECT id, type, account, created, payload, received_at, processed_at
  FROM payment_events WHERE id = :id)";

std::optional<StoredEvent> find(db::Connection& sql, const std::string& id) {
  std::optional<StoredEvent> found;
  db::Query(kFind).values(id).each<EventRow>(sql,
                                             [&](const EventRow& row) { found = row.to_event(); });
  return found;
}

constexpr std::string_view kMarkProcessed = R"(
  UPDATE payment_events SET processed_at = :now WHERE id = :id AND processed_at IS NULL)";

void mark_processed(db::Connection& sql, const std::string& id, Millis now) {
  db::Query(kMarkProcessed).values(static_cast<long long>(now), id).execute(sql);
}

namespace {
struct PaymentRefRow {
  PaymentRef payment;
  long long id = 0;

  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(payment.currency));
  }
};
}  // namespace

constexpr std::string_view kFindPayment = R"(
  SELECT id, currency FROM payments WHERE authorization_id = :intent ORDER BY id LIMIT 1)";

std::optional<PaymentRef> lock_payment(db::Connection& sql, const std::string& payment_intent) {
  std::optional<PaymentRef> found;
  db::Query query(kFindPayment);
  query.for_update(sql).values(payment_intent).each<PaymentRefRow>(sql, [&](const auto& row) {
    found = row.payment;
    found->id = row.id;
  });
  return found;
}

// Each field keeps its value when the event does not carry it (a NULL
// parameter); the row is left alone when a later event was applied already.
// Events of the same second are applied in the order they are run.
constexpr std::string_view kApplySnapshot = R"(
  UPDATE payments SET
    gateway_status = CASE WHEN :has_status = 1 THEN :status ELSE gateway_status END,
    amount_capturable = COALESCE(:capturable, amount_capturable),
    amount_received = COALESCE(:received, amount_received),
    amount_refunded = COALESCE(:refunded, amount_refunded),
    gateway_event_created = :created
  WHERE authorization_id = :intent
    AND (gateway_event_created IS NULL OR gateway_event_created <= :not_after))";

bool apply_snapshot(db::Connection& sql, const PaymentSnapshot& snapshot) {
  return db::Query(kApplySnapshot)
             .values(snapshot.status ? 1LL : 0LL, snapshot.status.value_or(""),
                     snapshot.amount_capturable, snapshot.amount_received, snapshot.amount_refunded,
                     static_cast<long long>(snapshot.event_created), snapshot.payment_intent,
                     static_cast<long long>(snapshot.event_created))
             .execute(sql) > 0;
}

namespace {
struct PaidOrderRow {
  PaidOrder order;
  long long id = 0, shop_id = 0, owner_id = 0;
  std::string payment_status;

  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(shop_id));
    st.exchange(soci::into(order.total_cents));
    st.exchange(soci::into(payment_status));
    st.exchange(soci::into(owner_id));
    st.exchange(soci::into(order.shop_name));
    st.exchange(soci::into(order.shop_accent_color));
  }
};
}  // namespace

constexpr std::string_view kOrdersPaidBy = R"(
  SELECT o.id, o.shop_id, o.total_cents, o.payment_status, s.owner_id, s.name, s.accent_color
  FROM orders o JOIN shops s ON s.id = o.shop_id
  WHERE o.payment_id = :payment
  ORDER BY o.id)";

std::vector<PaidOrder> orders_paid_by(db::Connection& sql, std::int64_t payment_id) {
  std::vector<PaidOrder> orders;
  db::Query(kOrdersPaidBy)
      .values(static_cast<long long>(payment_id))
      .each<PaidOrderRow>(sql, [&](const PaidOrderRow& row) {
        PaidOrder order = row.order;
        order.id = row.id;
        order.shop_id = row.shop_id;
        order.shop_owner_id = row.owner_id;
        order.captured = row.payment_status == "captured";
        orders.push_back(order);
      });
  return orders;
}

}  // namespace ps::payments::event_store
