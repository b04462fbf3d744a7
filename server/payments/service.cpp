#include "payments/service.h"

#include "core/errors.h"

#include <spdlog/spdlog.h>

namespace ps::payments {

Payment PaymentsService::record(db::Connection& sql, std::int64_t checkout_id,
                                const AuthorizationResult& auth, long long amount_cents,
                                const std::string& currency) {
  Payment payment{0,        checkout_id,     provider_.name(), auth.authorization_id, amount_cents,
                  currency, auth.card_brand, auth.card_last4,  now_millis()};
  payment.id = store::insert(sql, payment);
  return payment;
}

std::string PaymentsService::authorization_of(db::Connection& sql, std::int64_t payment_id) {
  auto payment = store::find(sql, payment_id);
  if (!payment) throw std::logic_error("order without its payment");
  return payment->authorization_id;
}

namespace {
// A gateway refusal becomes a 502 for the client (and rolls the change back).
template <class Operation>
void at_gateway(Operation operation) {
  try {
    operation();
  } catch (const PaymentError& error) {
    throw ApiError(ErrorCode::payment_gateway,
                   "The payment provider refused this operation; nothing was changed.")
        .with_cause(std::string("payment gateway refused an operation: ") + error.what());
  }
}
}  // namespace

AuthorizationResult PaymentsService::authorize(long long amount_cents, const std::string& currency,
                                               const CardDetails& card,
                                               const std::string& idempotency_key) {
  AuthorizationResult result;
  at_gateway([&] { result = provider_.authorize(amount_cents, currency, card, idempotency_key); });
  return result;
}

void PaymentsService::capture(db::Connection& sql, std::int64_t payment_id, long long amount) {
  if (amount <= 0) return;
  const auto authorization = authorization_of(sql, payment_id);
  at_gateway([&] { provider_.capture(authorization, amount); });
}

void PaymentsService::release(db::Connection& sql, std::int64_t payment_id, long long amount) {
  if (amount <= 0) return;
  const auto authorization = authorization_of(sql, payment_id);
  at_gateway([&] { provider_.release(authorization, amount); });
}

void PaymentsService::refund(db::Connection& sql, std::int64_t payment_id, long long amount) {
  if (amount <= 0) return;
  const auto authorization = authorization_of(sql, payment_id);
  at_gateway([&] { provider_.refund(authorization, amount); });
}

void PaymentsService::release_unrecorded(const AuthorizationResult& auth,
                                         long long amount_cents) noexcept {
  try {
    provider_.release(auth.authorization_id, amount_cents);
  } catch (const std::exception& error) {
    spdlog::error("could not release authorization {}: {}", auth.authorization_id, error.what());
  }
}

Payment PaymentsService::of_checkout(db::Connection& sql, std::int64_t checkout_id) {
  auto payment = store::find_by_checkout(sql, checkout_id);
  if (!payment) throw std::logic_error("checkout without its payment");
  return *payment;
}

}  // namespace ps::payments
