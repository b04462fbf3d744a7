#pragma once

#include "core/clock.h"
#include "db/connection.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ps::payments {

// A card authorization taken at checkout; orders capture, release or refund
// their part of it. Only the brand and last four digits of the card are kept.
struct Payment {
  std::int64_t id = 0;
  std::int64_t checkout_id = 0;
  std::string provider;
  std::string authorization_id;
  long long amount_cents = 0;
  std::string currency;
  std::string card_brand;
  std::string card_last4;
  Millis created_at = 0;
};

namespace store {
std::int64_t insert(db::Connection& sql, const Payment& payment);
std::optional<Payment> find(db::Connection& sql, std::int64_t id);
}  // namespace store

}  // namespace ps::payments
