#include "payments/store.h"

#include "db/query.h"

namespace ps::payments::store {

namespace {
// The columns every read of a payment selects, in this order.
struct PaymentRow {
  Payment payment;
  long long id = 0, checkout = 0, created = 0;

  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(checkout));
    st.exchange(soci::into(payment.provider));
    st.exchange(soci::into(payment.authorization_id));
    st.exchange(soci::into(payment.amount_cents));
    st.exchange(soci::into(payment.currency));
    st.exchange(soci::into(payment.card_brand));
    st.exchange(soci::into(payment.card_last4));
    st.exchange(soci::into(created));
    st.exchange(soci::into(payment.captured_cents));
    st.exchange(soci::into(payment.released_cents));
    st.exchange(soci::into(payment.refunded_cents));
  }

  Payment read() const {
    Payment result = payment;
    result.id = id;
    result.checkout_id = checkout;
    result.created_at = created;
    return result;
  }
};

std::optional<Payment> first(db::Connection& sql, const db::Query& query) {
  std::optional<Payment> found;
  query.each<PaymentRow>(sql, [&](const PaymentRow& row) { found = row.read(); });
  return found;
}
}  // namespace

constexpr std::string_view kInsertPayment = R"(
  INSERT INTO payments (checkout_id, provider, authorization_id, amount_cents, currency,
                        card_brand, card_last4, created_at)
  VALUES (:checkout, :provider, :auth, :amount, :currency, :brand, :last4, :created))";

std::int64_t insert(db::Connection& sql, const Payment& p) {
  return db::Query(kInsertPayment)
      .values(p.checkout_id, p.provider, p.authorization_id, p.amount_cents, p.currency,
              p.card_brand, p.card_last4, p.created_at)
      .insert_returning_id(sql);
}

constexpr std::string_view kFindPayment = R"(
  SELECT id, checkout_id, provider, authorization_id, amount_cents, currency, card_brand,
         card_last4, created_at, captured_cents, released_cents, refunded_cents
  FROM payments WHERE id = :id)";

std::optional<Payment> find(db::Connection& sql, std::int64_t id) {
  return first(sql, db::Query(kFindPayment).values(id));
}

constexpr std::string_view kFindByAuthorization = R"(
  SELECT id, checkout_id, provider, authorization_id, amount_cents, currency, card_brand,
         card_last4, created_at, captured_cents, released_cents, refunded_cents
  FROM payments WHERE authorization_id = :authorization)";

std::optional<Payment> find_by_authorization(db::Connection& sql,
                                             const std::string& authorization_id) {
  return first(sql, db::Query(kFindByAuthorization).values(authorization_id));
}

constexpr std::string_view kCreatedSince = R"(
  SELECT id, checkout_id, provider, authorization_id, amount_cents, currency, card_brand,
         card_last4, created_at, captured_cents, released_cents, refunded_cents
  FROM payments WHERE created_at >= :since ORDER BY created_at, id)";

std::vector<Payment> created_since(db::Connection& sql, Millis since) {
  std::vector<Payment> found;
  db::Query(kCreatedSince)
      .values(static_cast<long long>(since))
      .each<PaymentRow>(sql, [&](const PaymentRow& row) { found.push_back(row.read()); });
  return found;
}

constexpr std::string_view kFindByCheckout = R"(
  SELECT id, checkout_id, provider, authorization_id, amount_cents, currency, card_brand,
         card_last4, created_at, captured_cents, released_cents, refunded_cents
  FROM payments WHERE checkout_id = :checkout)";

std::optional<Payment> find_for_update(db::Connection& sql, std::int64_t id) {
  return first(sql, db::Query(kFindPayment).values(id).for_update(sql));
}

constexpr std::string_view kSaveProgress = R"(
  UPDATE payments SET captured_cents = :captured, released_cents = :released,
                      refunded_cents = :refunded
  WHERE id = :id)";

void save_progress(db::Connection& sql, const Payment& p) {
  db::Query(kSaveProgress)
      .values(p.captured_cents, p.released_cents, p.refunded_cents, p.id)
      .execute(sql);
}

std::optional<Payment> find_by_checkout(db::Connection& sql, std::int64_t checkout_id) {
  return first(sql, db::Query(kFindByCheckout).values(checkout_id));
}

}  // namespace ps::payments::store
