#include "payments/service.h"

#include "core/errors.h"
#include "payments/dispute_store.h"

#include <spdlog/spdlog.h>

namespace ps::payments {

namespace {
// A gateway refusal becomes a 502 for the client (and rolls the change back).
template <class Operation>
auto at_gateway(Operation operation) {
  try {
    return operation();
  } catch (const PaymentTokenRejected& error) {
    throw ApiError(ErrorCode::payment_token_invalid,
                   "This payment token cannot be used (unknown, expired or already used); "
                   "enter the card again for a new one.")
        .with_field_errors({{"payment_token", {"cannot be used; tokenize the card again"}}})
        .with_cause(std::string("payment token rejected: ") + error.what());
  } catch (const PaymentError& error) {
    throw ApiError(ErrorCode::payment_gateway,
                   "The payment provider refused this operation; nothing was changed.")
        .with_cause(std::string("payment gateway refused an operation: ") + error.what());
  }
}

// Gateway idempotency keys for the movements of one authorization. The
// payment row is locked while its amounts change, so a key names one state
// of it: a retry after our transaction rolled back gets the gateway's first
// answer instead of moving the money twice. The authorization id makes keys
// unique across databases that share one gateway account.
std::string movement_key(const Payment& payment, const char* movement, long long amount) {
  return payment.authorization_id + "-" + movement + "-" + std::to_string(payment.captured_cents) +
         "-" + std::to_string(payment.released_cents) + "-" +
         std::to_string(payment.refunded_cents) + "-" + std::to_string(amount);
}
}  // namespace

AuthorizationResult PaymentsService::authorize(long long amount_cents, const std::string& currency,
                                               const std::string& payment_token,
                                               const std::string& reference,
                                               const std::string& idempotency_key) {
  return at_gateway([&] {
    return provider_.authorize(amount_cents, currency, payment_token, reference, idempotency_key);
  });
}

Payment PaymentsService::record(db::Connection& sql, std::int64_t checkout_id,
                                const AuthorizationResult& auth, long long amount_cents,
                                const std::string& currency) {
  Payment payment{0,        checkout_id,     provider_.name(), auth.authorization_id, amount_cents,
                  currency, auth.card_brand, auth.card_last4,  now_millis()};
  payment.id = store::insert(sql, payment);
  return payment;
}

Payment PaymentsService::locked(db::Connection& sql, std::int64_t payment_id) {
  auto payment = store::find_for_update(sql, payment_id);
  if (!payment) throw std::logic_error("order without its payment");
  return *payment;
}

void PaymentsService::capture(db::Connection& sql, std::int64_t payment_id, long long amount) {
  if (amount <= 0) return;
  auto payment = locked(sql, payment_id);
  if (amount > payment.uncaptured_cents())
    throw std::logic_error("capture of more than the authorization holds");
  const bool final_capture = amount == payment.uncaptured_cents();
  const auto key = movement_key(payment, "capture", amount);
  at_gateway([&] { provider_.capture(payment.authorization_id, amount, final_capture, key); });
  payment.captured_cents += amount;
  store::save_progress(sql, payment);
}

void PaymentsService::release(db::Connection& sql, std::int64_t payment_id, long long amount) {
  if (amount <= 0) return;
  auto payment = locked(sql, payment_id);
  if (amount > payment.uncaptured_cents())
    throw std::logic_error("release of more than the authorization holds");
  // A card hold cannot shrink at the gateway: it ends with the last order.
  if (amount == payment.uncaptured_cents()) {
    const auto key = movement_key(payment, "cancel", amount);
    at_gateway([&] { provider_.cancel(payment.authorization_id, key); });
  }
  payment.released_cents += amount;
  store::save_progress(sql, payment);
}

std::string PaymentsService::refund(db::Connection& sql, std::int64_t payment_id,
                                    long long amount) {
  if (amount <= 0) return {};
  auto payment = locked(sql, payment_id);
  if (amount > payment.captured_cents - payment.refunded_cents)
    throw std::logic_error("refund of more than was captured");
  const auto key = movement_key(payment, "refund", amount);
  const auto refund_id =
      at_gateway([&] { return provider_.refund(payment.authorization_id, amount, key); });
  payment.refunded_cents += amount;
  store::save_progress(sql, payment);
  return refund_id;
}

void PaymentsService::release_unrecorded(const AuthorizationResult& auth) noexcept {
  try {
    provider_.cancel(auth.authorization_id, auth.authorization_id + "-cancel-unrecorded");
  } catch (const std::exception& error) {
    spdlog::error("could not release authorization {}: {}", auth.authorization_id, error.what());
  }
}

Payment PaymentsService::of_checkout(db::Connection& sql, std::int64_t checkout_id) {
  auto payment = store::find_by_checkout(sql, checkout_id);
  if (!payment) throw std::logic_error("checkout without its payment");
  return *payment;
}

std::optional<PaymentDispute> PaymentsService::latest_dispute(db::Connection& sql,
                                                              std::int64_t payment_id) {
  return dispute_store::latest(sql, payment_id);
}

PaymentDispute PaymentsService::submit_evidence(db::Connection& sql, const std::string& dispute_id,
                                                const DisputeEvidence& evidence, Millis now) {
  auto dispute = dispute_store::lock(sql, dispute_id);
  if (!dispute || dispute->status != "open")
    throw ApiError(ErrorCode::dispute_not_open, "This payment has no open dispute to answer.");
  if (dispute->evidence_submitted_at) {
    const auto sent = to_rfc3339(*dispute->evidence_submitted_at);
    throw ApiError(ErrorCode::dispute_evidence_sent, "The evidence for this dispute was sent on " +
                                                         sent + "; the bank is reviewing it.")
        .with_member("evidence_submitted_at", boost::json::string(sent));
  }
  try {
    provider_.submit_dispute_evidence(dispute_id, evidence, "dispute-evidence-" + dispute_id);
  } catch (const PaymentRefused& refused) {
    // Closed at the gateway (its dashboard) before its event reached us.
    throw ApiError(
        ErrorCode::dispute_not_open,
        "The gateway no longer takes evidence for this dispute (" + refused.code() + ").");
  }
  dispute_store::mark_evidence_submitted(sql, dispute_id, now);
  dispute->evidence_submitted_at = now;
  return *dispute;
}

}  // namespace ps::payments
