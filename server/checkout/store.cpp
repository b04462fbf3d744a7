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
             "AND outcome IS NULL AND created_at < :stale")
             .values(now, user_id, key, request_hmac, stale_before)
             .execute(sql) == 1;
}

namespace {
constexpr std::string_view kPlaced = "placed", kDeclined = "declined";

struct KeyRow {
  std::string hmac, outcome, decline_code, decline_message;
  long long checkout_id = 0;
  soci::indicator outcome_ind = soci::i_null, checkout_ind = soci::i_null, code_ind = soci::i_null,
                  message_ind = soci::i_null;

  void define(soci::statement& st) {
    st.exchange(soci::into(hmac));
    st.exchange(soci::into(outcome, outcome_ind));
    st.exchange(soci::into(checkout_id, checkout_ind));
    st.exchange(soci::into(decline_code, code_ind));
    st.exchange(soci::into(decline_message, message_ind));
  }

  IdempotencyRecord read() const {
    IdempotencyRecord record{hmac};
    if (outcome_ind == soci::i_ok)
      record.outcome = outcome == kPlaced ? KeyOutcome::placed : KeyOutcome::declined;
    if (checkout_ind == soci::i_ok) record.checkout_id = checkout_id;
    if (code_ind == soci::i_ok) record.decline_code = decline_code;
    if (message_ind == soci::i_ok) record.decline_message = decline_message;
    return record;
  }
};
}  // namespace

std::optional<IdempotencyRecord> find_key(soci::session& sql, std::int64_t user_id,
                                          const std::string& key) {
  std::optional<IdempotencyRecord> found;
  db::Query(
      "SELECT request_hmac, outcome, checkout_id, decline_code, decline_message "
      "FROM idempotency_keys WHERE user_id = :user AND idempotency_key = :key")
      .values(user_id, key)
      .each<KeyRow>(sql, [&](const KeyRow& row) { found = row.read(); });
  return found;
}

bool complete_key(soci::session& sql, std::int64_t user_id, const std::string& key,
                  const IdempotencyRecord& answer) {
  const bool placed = answer.outcome == KeyOutcome::placed;
  return db::Query(
             "UPDATE idempotency_keys SET outcome = :outcome, checkout_id = :checkout, "
             "decline_code = :code, decline_message = :message "
             "WHERE user_id = :user AND idempotency_key = :key AND outcome IS NULL")
             .values(std::string(placed ? kPlaced : kDeclined), answer.checkout_id,
                     answer.decline_code, answer.decline_message, user_id, key)
             .execute(sql) == 1;
}

}  // namespace ps::checkout::store
