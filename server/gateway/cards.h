#pragma once

#include <string>

namespace ps::gateway {

// What a test card does once tokenized (docs/gateway.md, "Test cards").
enum class CardBehaviour {
  approve,
  decline,       // generic_decline
  insufficient,  // insufficient_funds
  lost,          // lost_card
  fail_capture,  // authorizes; every capture fails
  dispute,       // captures; then the buyer disputes the payment
};

std::string to_string(CardBehaviour behaviour);
CardBehaviour card_behaviour_from(const std::string& text);

// All of a card the gateway keeps: never its number or CVC.
struct CardSummary {
  std::string brand;  // visa, mastercard, amex, discover, unknown
  std::string last4;
  std::string funding;  // credit, debit, prepaid, unknown
  int exp_month = 0;
  int exp_year = 0;
  CardBehaviour behaviour = CardBehaviour::approve;
};

// Checks a card as a tokenizing endpoint does (Luhn, expiry not past, CVC
// of 3 or 4 digits) and throws StripeError card_error 402 otherwise.
CardSummary summarize_card(const std::string& number, int exp_month, int exp_year,
                           const std::string& cvc);

}  // namespace ps::gateway
