#pragma once

// The gateway's webhook events as plain data, and the pure rules applied to
// them: which family an event is, the payment snapshot it carries, the
// dispute it opens and how a dispute is split over a checkout's orders.

#include "core/clock.h"

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ps::payments {

// The job that applies a recorded event (payload {"event_id": "evt_..."}).
inline const std::string kPaymentEventJob = "payment_event";

// An event as the gateway posts it (a Stripe event object).
struct GatewayEvent {
  std::string id;              // evt_...
  std::string type;            // payment_intent.succeeded, charge.dispute.created, ...
  std::string account;         // a connected account's acct_..., empty for the platform's
  std::int64_t created = 0;    // unix seconds, the gateway's clock
  boost::json::object object;  // data.object: the object as it was then
};

// Reads an event body; nullopt when it is not JSON or lacks what every event
// has (a string id and type, an integer created, an object data.object).
std::optional<GatewayEvent> parse_event(std::string_view body);

enum class EventFamily {
  payment_intent,   // payment_intent.*: the intent's status and amounts
  charge,           // charge.* but disputes: amounts captured and refunded
  dispute_created,  // charge.dispute.created: the clawback
  dispute_closed,   // charge.dispute.closed, charge.dispute.funds_reinstated: the outcome
  payout,           // payout.*: kept for the payouts feature
  other,            // recorded, no effect
};
EventFamily family_of(std::string_view type);

// The gateway's view of one payment, as an event shows it. Fields an event
// does not carry are left alone on our row.
struct PaymentSnapshot {
  std::string payment_intent;  // our payments.authorization_id
  std::optional<std::string> status;
  std::optional<long long> amount_capturable;
  std::optional<long long> amount_received;
  std::optional<long long> amount_refunded;
  Millis event_created = 0;  // the event's created, in millis
};
// For payment_intent.* and charge.* events whose object names an intent.
std::optional<PaymentSnapshot> snapshot_of(const GatewayEvent& event);

struct Dispute {
  std::string id;  // du_... / dp_...
  std::string payment_intent;
  std::string currency;
  long long amount = 0;  // minor units
  std::string status;    // needs_response, under_review, won, lost, ...; empty if absent
  std::optional<std::int64_t> evidence_due_by;  // unix seconds (evidence_details.due_by)
};
// For the dispute families' events; nullopt when a field is missing.
std::optional<Dispute> dispute_of(const GatewayEvent& event);

// `amount` split in proportion to `weights` (each >= 0), exactly: every
// share is amount * weight / total rounded down, and what rounding left over
// goes to the largest weight (the first of equals). With no weight at all
// the first gets everything. The shares sum to amount.
std::vector<long long> split_in_proportion(long long amount, const std::vector<long long>& weights);

}  // namespace ps::payments
