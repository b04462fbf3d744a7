#pragma once

#include "db/query.h"
#include "payments/events.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::payments {

// An event as payment_events keeps it.
struct StoredEvent {
  std::string id;
  std::string type;
  std::string account;
  Millis created = 0;
  std::string payload;  // the body as the gateway sent it
  Millis received_at = 0;
  std::optional<Millis> processed_at;
};

// A payment as an event finds it.
struct PaymentRef {
  std::int64_t id = 0;
  std::string currency;
};

// One order paid by a payment, with what it weighs in a dispute's split.
struct PaidOrder {
  std::int64_t id = 0;
  std::int64_t shop_id = 0;
  long long total_cents = 0;
  bool captured = false;
  // Whom a notice about the order goes to, and the shop it speaks for.
  std::int64_t shop_owner_id = 0;
  std::string shop_name;
  std::string shop_accent_color;
};

// SQL for webhook events and the gateway's view of payments.
namespace event_store {
// Inserts the event unless its id is known; false when it was.
bool insert(db::Connection& sql, const StoredEvent& event);
std::optional<StoredEvent> find(db::Connection& sql, const std::string& id);
void mark_processed(db::Connection& sql, const std::string& id, Millis now);

// The payment of the intent, its row locked until the transaction ends
// (PostgreSQL; SQLite's one writer needs no lock): two events about one
// payment are applied one after the other.
std::optional<PaymentRef> lock_payment(db::Connection& sql, const std::string& payment_intent);
// Writes the snapshot's fields onto the payment unless the payment has one
// from a later event; false when it had (or no payment has that intent).
bool apply_snapshot(db::Connection& sql, const PaymentSnapshot& snapshot);
// The orders of a payment (reading the orders' table, which only orders write).
std::vector<PaidOrder> orders_paid_by(db::Connection& sql, std::int64_t payment_id);
}  // namespace event_store

}  // namespace ps::payments
