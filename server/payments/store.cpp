#include "payments/store.h"

#include "db/query.h"

namespace ps::payments::store {

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
         card_last4, created_at
  FROM payments WHERE id = :id)";

std::optional<Payment> find(db::Connection& sql, std::int64_t id) {
  struct Row {
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
    }
  };
  std::optional<Payment> found;
  db::Query(kFindPayment).values(id).each<Row>(sql, [&](const Row& row) {
    found = row.payment;
    found->id = row.id;
    found->checkout_id = row.checkout;
    found->created_at = row.created;
  });
  return found;
}

}  // namespace ps::payments::store
