#include "payments/store.h"

#include <soci/soci.h>

namespace ps::payments::store {

std::int64_t insert(soci::session& sql, const Payment& p) {
  long long id = 0;
  const long long checkout = p.checkout_id, created = p.created_at;
  sql << "INSERT INTO payments (checkout_id, provider, authorization_id, amount_cents, currency, "
         "card_brand, card_last4, created_at) VALUES (:checkout, :provider, :auth, :amount, "
         ":currency, :brand, :last4, :created) RETURNING id",
      soci::use(checkout), soci::use(p.provider), soci::use(p.authorization_id),
      soci::use(p.amount_cents), soci::use(p.currency), soci::use(p.card_brand),
      soci::use(p.card_last4), soci::use(created), soci::into(id);
  return id;
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

}  // namespace ps::payments::store
