#include "payments/service.h"

#include "core/errors.h"

#include <spdlog/spdlog.h>

namespace ps::payments {

boost::json::object to_json(const Payment& payment) {
  return {{"id", payment.id},
          {"status", "authorized"},
          {"amount_cents", payment.amount_cents},
          {"currency", payment.currency},
          {"card_brand", payment.card_brand},
          {"card_last4", payment.card_last4}};
}

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
    spdlog::error("payment gateway refused an operation: {}", error.what());
    throw ApiError(502, "payment-gateway", "Payment gateway error",
                   "The payment provider refused this operation; nothing was changed.");
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

}  // namespace ps::payments
