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
    AND outcome IS NULL AND created_at < :stale)";

bool claim_key(db::Connection& sql, std::int64_t user_id, const std::string& key,
               const std::string& request_hmac, Millis now, Millis stale_before) {
  if (db::Query(kClaimFreeKey).values(user_id, key, request_hmac, now).execute(sql) == 1)
    return true;
  return db::Query(kClaimStaleKey)
             .values(now, user_id, key, request_hmac, stale_before)
             .execute(sql) == 1;
}

namespace {
constexpr std::string_view kPlaced = "placed", kDeclined = "declined";
}  // namespace

constexpr std::string_view kFindKey = R"(
  SELECT request_hmac, outcome, checkout_id, decline_code, decline_message
  FROM idempotency_keys
  WHERE user_id = :user AND idempotency_key = :key)";

std::optional<IdempotencyRecord> find_key(db::Connection& sql, std::int64_t user_id,
                                          const std::string& key) {
  struct Row {
    std::string hmac, outcome, decline_code, decline_message;
    long long checkout_id = 0;
    soci::indicator outcome_ind = soci::i_null, checkout_ind = soci::i_null,
                    code_ind = soci::i_null, message_ind = soci::i_null;
    void define(soci::statement& st) {
      st.exchange(soci::into(hmac));
      st.exchange(soci::into(outcome, outcome_ind));
      st.exchange(soci::into(checkout_id, checkout_ind));
      st.exchange(soci::into(decline_code, code_ind));
      st.exchange(soci::into(decline_message, message_ind));
    }
  };
  std::optional<IdempotencyRecord> found;
  db::Query(kFindKey).values(user_id, key).each<Row>(sql, [&](const Row& row) {
    IdempotencyRecord record{row.hmac};
    if (row.outcome_ind == soci::i_ok)
      record.outcome = row.outcome == kPlaced ? KeyOutcome::placed : KeyOutcome::declined;
    if (row.checkout_ind == soci::i_ok) record.checkout_id = row.checkout_id;
    if (row.code_ind == soci::i_ok) record.decline_code = row.decline_code;
    if (row.message_ind == soci::i_ok) record.decline_message = row.decline_message;
    found = std::move(record);
  });
  return found;
}

constexpr std::string_view kCompleteKey = R"(
  UPDATE idempotency_keys
  SET outcome = :outcome, checkout_id = :checkout, decline_code = :code,
      decline_message = :message
  WHERE user_id = :user AND idempotency_key = :key AND outcome IS NULL)";

bool complete_key(db::Connection& sql, std::int64_t user_id, const std::string& key,
                  const IdempotencyRecord& answer) {
  const bool placed = answer.outcome == KeyOutcome::placed;
  return db::Query(kCompleteKey)
             .values(std::string(placed ? kPlaced : kDeclined), answer.checkout_id,
                     answer.decline_code, answer.decline_message, user_id, key)
             .execute(sql) == 1;
}

}  // namespace ps::checkout::store
