#include "payments/store.h"

#include "db/query.h"

#include <soci/soci.h>

namespace ps::payments::store {

std::int64_t insert(soci::session& sql, const Payment& p) {
  return db::Query(
             "INSERT INTO payments (checkout_id, provider, authorization_id, amount_cents, "
             "currency, card_brand, card_last4, created_at) VALUES (:checkout, :provider, :auth, "
             ":amount, :currency, :brand, :last4, :created)")
      .values(p.checkout_id, p.provider, p.authorization_id, p.amount_cents, p.currency,
              p.card_brand, p.card_last4, p.created_at)
      .insert_returning_id(sql);
}

std::optional<Payment> find(soci::session& sql, std::int64_t id) {
  Payment p;
  long long key = id, checkout = 0, created = 0;
  sql << "SELECT id, checkout_id, provider, authorization_id, amount_cents, currency, card_brand, "
         "card_last4, created_at FROM payments WHERE id = :id",
      soci::into(key), soci::into(checkout), soci::into(p.provider), soci::into(p.authorization_id),
      soci::into(p.amount_cents), soci::into(p.currency), soci::into(p.card_brand),
      soci::into(p.card_last4), soci::into(created), soci::use(key);
  if (!sql.got_data()) return std::nullopt;
  p.id = key;
  p.checkout_id = checkout;
  p.created_at = created;
  return p;
}

namespace {
struct PaymentRow {
  long long id = 0, checkout = 0, created = 0;
  Payment payment;

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
  }
};
}  // namespace

std::optional<Payment> find_by_checkout(soci::session& sql, std::int64_t checkout_id) {
  std::optional<Payment> found;
  db::Query(
      "SELECT id, checkout_id, provider, authorization_id, amount_cents, currency, card_brand, "
      "card_last4, created_at FROM payments WHERE checkout_id = :checkout")
      .values(checkout_id)
      .each<PaymentRow>(sql, [&](const PaymentRow& row) {
        found = row.payment;
        found->id = row.id;
        found->checkout_id = row.checkout;
        found->created_at = row.created;
      });
  return found;
}

}  // namespace ps::payments::store
