#pragma once

// Payments as plain data.

#include "core/clock.h"

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
  // What became of the authorized amount so far, as we record it.
  long long captured_cents = 0;
  long long released_cents = 0;
  long long refunded_cents = 0;

  // Still held on the card: neither captured nor released.
  long long uncaptured_cents() const { return amount_cents - captured_cents - released_cents; }
};

// A buyer's bank disputing a payment, as payment_disputes records it.
struct PaymentDispute {
  std::string id;  // the gateway's (du_...)
  std::int64_t payment_id = 0;
  long long amount_cents = 0;  // of the whole payment
  std::string currency;
  std::string status;  // open, won, lost
  Millis opened_at = 0;
  std::optional<Millis> closed_at;
  std::optional<Millis> evidence_due_by;
  std::optional<Millis> evidence_submitted_at;
};

}  // namespace ps::payments
