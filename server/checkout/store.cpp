#include "checkout/store.h"

#include <soci/soci.h>

namespace ps::checkout::store {

std::int64_t insert_checkout(soci::session& sql, std::int64_t buyer_id, long long total_cents,
                             const std::string& currency, const std::string& shipping_address,
                             Millis now) {
  long long id = 0;
  const long long buyer = buyer_id, at = now;
  sql << "INSERT INTO checkouts (buyer_id, total_cents, currency, shipping_address, created_at) "
         "VALUES (:buyer, :total, :currency, :address, :at) RETURNING id",
      soci::use(buyer), soci::use(total_cents), soci::use(currency), soci::use(shipping_address),
      soci::use(at), soci::into(id);
  return id;
}

bool claim_key(soci::session& sql, std::int64_t user_id, const std::string& key,
               const std::string& request_hmac, Millis now, Millis stale_before) {
  const long long user = user_id, at = now, stale = stale_before;
  soci::statement insert =
      (sql.prepare
           << "INSERT INTO idempotency_keys (user_id, idempotency_key, request_hmac, created_at) "
              "VALUES (:user, :key, :hmac, :at) ON CONFLICT (user_id, idempotency_key) DO NOTHING",
       soci::use(user), soci::use(key), soci::use(request_hmac), soci::use(at));
  insert.execute(true);
  if (insert.get_affected_rows() == 1) return true;
  soci::statement take_over =
      (sql.prepare << "UPDATE idempotency_keys SET created_at = :at "
                      "WHERE user_id = :user AND idempotency_key = :key AND request_hmac = :hmac "
                      "AND status_code IS NULL AND created_at < :stale",
       soci::use(at), soci::use(user), soci::use(key), soci::use(request_hmac), soci::use(stale));
  take_over.execute(true);
  return take_over.get_affected_rows() == 1;
}

std::optional<IdempotencyRecord> find_key(soci::session& sql, std::int64_t user_id,
                                          const std::string& key) {
  IdempotencyRecord record;
  int status = 0;
  soci::indicator status_ind = soci::i_null, response_ind = soci::i_null;
  const long long user = user_id;
  sql << "SELECT request_hmac, status_code, response FROM idempotency_keys "
         "WHERE user_id = :user AND idempotency_key = :key",
      soci::into(record.request_hmac), soci::into(status, status_ind),
      soci::into(record.response, response_ind), soci::use(user), soci::use(key);
  if (!sql.got_data()) return std::nullopt;
  if (status_ind == soci::i_ok) record.status_code = status;
  return record;
}

bool complete_key(soci::session& sql, std::int64_t user_id, const std::string& key, int status,
                  const std::string& response) {
  const long long user = user_id;
  soci::statement update =
      (sql.prepare << "UPDATE idempotency_keys SET status_code = :status, response = :response "
                      "WHERE user_id = :user AND idempotency_key = :key AND status_code IS NULL",
       soci::use(status), soci::use(response), soci::use(user), soci::use(key));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

void release_key(soci::session& sql, std::int64_t user_id, const std::string& key) {
  const long long user = user_id;
  sql << "DELETE FROM idempotency_keys WHERE user_id = :user AND idempotency_key = :key "
         "AND status_code IS NULL",
      soci::use(user), soci::use(key);
}

}  // namespace ps::checkout::store
