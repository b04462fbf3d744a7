#include "checkout/store.h"

#include "db/query.h"

#include <soci/soci.h>

namespace ps::checkout::store {

std::int64_t insert_checkout(soci::session& sql, std::int64_t buyer_id, long long total_cents,
                             const std::string& currency, const std::string& shipping_address,
                             Millis now) {
  return db::Query(
             "INSERT INTO checkouts (buyer_id, total_cents, currency, shipping_address, "
             "created_at) VALUES (:buyer, :total, :currency, :address, :at)")
      .values(buyer_id, total_cents, currency, shipping_address, now)
      .insert_returning_id(sql);
}

bool claim_key(soci::session& sql, std::int64_t user_id, const std::string& key,
               const std::string& request_hmac, Millis now, Millis stale_before) {
  const auto inserted =
      db::Query(
          "INSERT INTO idempotency_keys (user_id, idempotency_key, request_hmac, created_at) "
          "VALUES (:user, :key, :hmac, :at) ON CONFLICT (user_id, idempotency_key) DO NOTHING")
          .values(user_id, key, request_hmac, now)
          .execute(sql);
  if (inserted == 1) return true;
  return db::Query(
             "UPDATE idempotency_keys SET created_at = :at "
             "WHERE user_id = :user AND idempotency_key = :key AND request_hmac = :hmac "
             "AND status_code IS NULL AND created_at < :stale")
             .values(now, user_id, key, request_hmac, stale_before)
             .execute(sql) == 1;
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
  return db::Query(
             "UPDATE idempotency_keys SET status_code = :status, response = :response "
             "WHERE user_id = :user AND idempotency_key = :key AND status_code IS NULL")
             .values(static_cast<long long>(status), response, user_id, key)
             .execute(sql) == 1;
}

}  // namespace ps::checkout::store
