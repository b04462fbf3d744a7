#pragma once

#include "checkout/model.h"
#include "core/clock.h"
#include "db/connection.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ps::checkout {

namespace store {
std::int64_t insert_checkout(db::Connection& sql, std::int64_t buyer_id, long long total_cents,
                             const std::string& currency, const std::string& shipping_address,
                             Millis now);
// Claims the key for a new request: true when it was free, or when an
// unanswered claim for the same request was made before `stale_before` (its
// request died with a crashed server); otherwise the record shows who has it.
bool claim_key(db::Connection& sql, std::int64_t user_id, const std::string& key,
               const std::string& request_hmac, Millis now, Millis stale_before);
std::optional<IdempotencyRecord> find_key(db::Connection& sql, std::int64_t user_id,
                                          const std::string& key);
// Stores how the request ended unless that is stored already; false then.
bool complete_key(db::Connection& sql, std::int64_t user_id, const std::string& key,
                  const IdempotencyRecord& answer);
}  // namespace store

}  // namespace ps::checkout
