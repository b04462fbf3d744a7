#include "checkout/store.h"

#include "db/query.h"

namespace ps::checkout::store {

constexpr std::string_view kInsertCheckout = R"(
  INSERT INTO checkouts (buyer_id, total_cents, currency, shipping_address, created_at)
  VALUES (:buyer, :total, :currency, :address, :at))";

std::int64_t insert_checkout(db::Connection& sql, std::int64_t buyer_id, long long total_cents,
                             const std::string& currency, const std::string& shipping_address,
                             Millis now) {
  return db::Query(kInsertCheckout)
      .values(buyer_id, total_cents, currency, shipping_address, now)
      .insert_returning_id(sql);
}

constexpr std::string_view kClaimFreeKey = R"(
  INSERT INTO idempotency_keys (user_id, idempotency_key, request_hmac, created_at)
  VALUES (:user, :key, :hmac, :at)
  ON CONFLICT (user_id, idempotency_key) DO NOTHING)";
constexpr std::string_view kClaimStaleKey = R"(
  UPDATE idempotency_keys SET created_at = :at
  WHERE user_id = :user AND idempotency_key = :key AND request_hmac = :hmac
    AND status_code IS NULL AND created_at < :stale)";

bool claim_key(db::Connection& sql, std::int64_t user_id, const std::string& key,
               const std::string& request_hmac, Millis now, Millis stale_before) {
  if (db::Query(kClaimFreeKey).values(user_id, key, request_hmac, now).execute(sql) == 1)
    return true;
  return db::Query(kClaimStaleKey)
             .values(now, user_id, key, request_hmac, stale_before)
             .execute(sql) == 1;
}

constexpr std::string_view kFindKey = R"(
  SELECT request_hmac, status_code, response FROM idempotency_keys
  WHERE user_id = :user AND idempotency_key = :key)";

std::optional<IdempotencyRecord> find_key(db::Connection& sql, std::int64_t user_id,
                                          const std::string& key) {
  struct Row {
    std::string request_hmac, response;
    int status = 0;
    soci::indicator status_ind = soci::i_null, response_ind = soci::i_null;
    void define(soci::statement& st) {
      st.exchange(soci::into(request_hmac));
      st.exchange(soci::into(status, status_ind));
      st.exchange(soci::into(response, response_ind));
    }
  };
  std::optional<IdempotencyRecord> found;
  db::Query(kFindKey).values(user_id, key).each<Row>(sql, [&](const Row& row) {
    found = IdempotencyRecord{row.request_hmac, std::nullopt,
                              row.response_ind == soci::i_ok ? row.response : std::string()};
    if (row.status_ind == soci::i_ok) found->status_code = row.status;
  });
  return found;
}

constexpr std::string_view kCompleteKey = R"(
  UPDATE idempotency_keys SET status_code = :status, response = :response
  WHERE user_id = :user AND idempotency_key = :key AND status_code IS NULL)";

bool complete_key(db::Connection& sql, std::int64_t user_id, const std::string& key, int status,
                  const std::string& response) {
  return db::Query(kCompleteKey)
             .values(static_cast<long long>(status), response, user_id, key)
             .execute(sql) == 1;
}

}  // namespace ps::checkout::store
