#pragma once

#include "db/query.h"
#include "payments/events.h"
#include "payments/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// SQL for payment_disputes (migration 032): a row per dispute the gateway
// told us of, its outcome, and the evidence a vendor sent.
namespace ps::payments::dispute_store {

// Records an open dispute of the payment, unless its id is known.
void record(db::Connection& sql, const Dispute& dispute, std::int64_t payment_id, Millis now);
// Closes the open dispute as won or lost; false when it was closed already.
bool close(db::Connection& sql, const std::string& dispute_id, const std::string& outcome,
           Millis now);
// The payment's newest dispute.
std::optional<PaymentDispute> latest(db::Connection& sql, std::int64_t payment_id);
// The dispute, its row locked until the transaction ends (PostgreSQL).
std::optional<PaymentDispute> lock(db::Connection& sql, const std::string& dispute_id);
void mark_evidence_submitted(db::Connection& sql, const std::string& dispute_id, Millis now);

}  // namespace ps::payments::dispute_store
