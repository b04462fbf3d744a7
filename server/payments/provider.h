#pragma once

#include <stdexcept>
#include <string>

namespace ps::payments {

// What a buyer types into the card form. Lives only in memory for the length
// of one checkout: never logged, stored or echoed.
struct CardDetails {
  std::string number;  // digits only
  int exp_month = 0;
  int exp_year = 0;
  std::string cvc;
};

struct AuthorizationResult {
  bool approved = false;
  std::string authorization_id;  // when approved
  std::string decline_code;      // when declined: card_declined, insufficient_funds, ...
  std::string message;           // for the buyer; never contains card data
  std::string card_brand;        // visa, mastercard, amex, discover, unknown
  std::string card_last4;
};

// A gateway refused an operation on an existing authorization.
class PaymentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The seam to a card gateway (Stripe-like): authorize once at checkout, then
// capture, release or refund parts of it as each order is shipped, cancelled
// or refunded. Implementations must be thread-safe.
class PaymentProvider {
 public:
  virtual ~PaymentProvider() = default;
  virtual std::string name() const = 0;
  // idempotency_key: the same key authorizes at most once; repeating it gets
  // the first answer again, as from a real gateway, even after that
  // authorization was released. So each attempt at a payment needs its own
  // key, never one a client chose (gateway keys are global to our account).
  virtual AuthorizationResult authorize(long long amount_cents, const std::string& currency,
                                        const CardDetails& card,
                                        const std::string& idempotency_key) = 0;
  virtual void capture(const std::string& authorization_id, long long amount_cents) = 0;
  virtual void release(const std::string& authorization_id, long long amount_cents) = 0;
  virtual void refund(const std::string& authorization_id, long long amount_cents) = 0;
};

}  // namespace ps::payments
