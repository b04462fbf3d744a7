#include "payments/mock_provider.h"

#include "core/random.h"

#include <chrono>
#include <ctime>

namespace ps::payments {

namespace {
AuthorizationResult declined(std::string code, std::string message) {
  AuthorizationResult result;
  result.decline_code = std::move(code);
  result.message = std::move(message);
  return result;
}

bool expired(int month, int year) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  const int this_year = utc.tm_year + 1900, this_month = utc.tm_mon + 1;
  return year < this_year || (year == this_year && month < this_month);
}

AuthorizationResult check_card(const CardDetails& card) {
  if (card.number.size() < 12 || card.number.size() > 19 || !passes_luhn(card.number))
    return declined("incorrect_number", "The card number is incorrect.");
  if (card.exp_month < 1 || card.exp_month > 12 || expired(card.exp_month, card.exp_year))
    return declined("expired_card", "The card has expired.");
  const bool cvc_digits = card.cvc.find_first_not_of("0123456789") == std::string::npos;
  if (!cvc_digits || card.cvc.size() < 3 || card.cvc.size() > 4)
    return declined("incorrect_cvc", "The card's security code is incorrect.");
  if (card.number == "4000000000000002") return declined("card_declined", "The card was declined.");
  if (card.number == "4000000000009995")
    return declined("insufficient_funds", "The card has insufficient funds.");
  return {};
}
}  // namespace

AuthorizationResult MockPaymentProvider::authorize(long long amount_cents, const std::string&,
                                                   const CardDetails& card,
                                                   const std::string& idempotency_key) {
  std::lock_guard lock(mutex_);
  if (!idempotency_key.empty()) {
    if (auto it = by_idempotency_key_.find(idempotency_key); it != by_idempotency_key_.end())
      return it->second;
  }
  AuthorizationResult result = check_card(card);
  result.card_brand = card_brand(card.number);
  result.card_last4 = card_last4(card.number);
  if (result.decline_code.empty()) {
    result.approved = true;
    result.authorization_id = "mock_auth_" + random_hex(12);
    ledgers_[result.authorization_id].authorized = amount_cents;
  }
  if (!idempotency_key.empty()) by_idempotency_key_[idempotency_key] = result;
  return result;
}

MockPaymentProvider::Ledger& MockPaymentProvider::find(const std::string& authorization_id) {
  auto it = ledgers_.find(authorization_id);
  if (it == ledgers_.end()) throw PaymentError("no such authorization");
  return it->second;
}

void MockPaymentProvider::capture(const std::string& authorization_id, long long amount_cents) {
  std::lock_guard lock(mutex_);
  Ledger& ledger = find(authorization_id);
  if (amount_cents <= 0 || ledger.captured + ledger.released + amount_cents > ledger.authorized)
    throw PaymentError("capture exceeds the authorization");
  ledger.captured += amount_cents;
}

void MockPaymentProvider::release(const std::string& authorization_id, long long amount_cents) {
  std::lock_guard lock(mutex_);
  Ledger& ledger = find(authorization_id);
  if (amount_cents <= 0 || ledger.captured + ledger.released + amount_cents > ledger.authorized)
    throw PaymentError("release exceeds what is still authorized");
  ledger.released += amount_cents;
}

void MockPaymentProvider::refund(const std::string& authorization_id, long long amount_cents) {
  std::lock_guard lock(mutex_);
  Ledger& ledger = find(authorization_id);
  if (amount_cents <= 0 || ledger.refunded + amount_cents > ledger.captured)
    throw PaymentError("refund exceeds what was captured");
  ledger.refunded += amount_cents;
}

MockPaymentProvider::Ledger MockPaymentProvider::ledger(const std::string& authorization_id) const {
  std::lock_guard lock(mutex_);
  auto it = ledgers_.find(authorization_id);
  return it == ledgers_.end() ? Ledger{} : it->second;
}

std::map<std::string, MockPaymentProvider::Ledger> MockPaymentProvider::ledgers() const {
  std::lock_guard lock(mutex_);
  return ledgers_;
}

void MockPaymentProvider::forget_all() {
  std::lock_guard lock(mutex_);
  ledgers_.clear();
  by_idempotency_key_.clear();
}

}  // namespace ps::payments
