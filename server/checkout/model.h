#pragma once

// Checkouts as plain data.

#include "orders/model.h"
#include "payments/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::checkout {

// What one checkout made: its payment and one order per shop.
struct PlacedCheckout {
  std::int64_t checkout_id = 0;
  long long total_cents = 0;
  std::string currency;
  payments::Payment payment;
  std::vector<orders::OrderView> orders;
};

// How the first request with a (user, Idempotency-Key) ended.
enum class KeyOutcome { running, placed, declined };

// The first answer given to a (user, Idempotency-Key): what a retry replays.
struct IdempotencyRecord {
  std::string request_hmac;
  KeyOutcome outcome = KeyOutcome::running;
  std::optional<std::int64_t> checkout_id;  // placed
  std::string decline_code;                 // declined
  std::string decline_message;              // declined
};

}  // namespace ps::checkout
