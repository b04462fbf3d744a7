#include "gateway/cards.h"

#include "core/cards.h"
#include "gateway/errors.h"

#include <array>
#include <string_view>

namespace ps::gateway {

namespace {
struct TestCard {
  std::string_view number;
  CardBehaviour behaviour;
  std::string_view funding;
};

// Stripe's own test numbers where Stripe has one for the behaviour
// (docs.stripe.com/testing); 4000000000000341 stands here for "authorizes,
// then fails at capture", which Stripe's test mode has no card for.
constexpr std::array kTestCards{
    TestCard{"4242424242424242", CardBehaviour::approve, "credit"},
    TestCard{"4000056655665556", CardBehaviour::approve, "debit"},
    TestCard{"5555555555554444", CardBehaviour::approve, "credit"},
    TestCard{"4000000000000002", CardBehaviour::decline, "credit"},
    TestCard{"4000000000009995", CardBehaviour::insufficient, "credit"},
    TestCard{"4000000000009987", CardBehaviour::lost, "credit"},
    TestCard{"4000000000000341", CardBehaviour::fail_capture, "credit"},
    TestCard{"4000000000000259", CardBehaviour::dispute, "credit"},
};

constexpr std::array kBehaviourNames{"approve",   "decline",      "insufficient_funds",
                                     "lost_card", "fail_capture", "dispute"};

std::string digits_only(const std::string& number) {
  std::string digits;
  for (const char c : number)
    if (c != ' ' && c != '-') digits += c;
  return digits;
}
}  // namespace

std::string to_string(CardBehaviour behaviour) {
  return kBehaviourNames[static_cast<std::size_t>(behaviour)];
}

CardBehaviour card_behaviour_from(const std::string& text) {
  for (std::size_t i = 0; i < kBehaviourNames.size(); ++i)
    if (text == kBehaviourNames[i]) return static_cast<CardBehaviour>(i);
  return CardBehaviour::approve;
}

CardSummary summarize_card(const std::string& number, int exp_month, int exp_year,
                           const std::string& cvc) {
  const std::string digits = digits_only(number);
  if (digits.size() < 12 || digits.size() > 19 || !passes_luhn(digits))
    throw card_error("Your card number is incorrect.", "incorrect_number", {}, "card[number]");
  if (exp_month < 1 || exp_month > 12)
    throw card_error("Your card's expiration month is invalid.", "invalid_expiry_month", {},
                     "card[exp_month]");
  if (card_expired(exp_month, exp_year))
    throw card_error("Your card's expiration year is invalid.", "invalid_expiry_year", {},
                     "card[exp_year]");
  const bool cvc_digits = !cvc.empty() && cvc.find_first_not_of("0123456789") == std::string::npos;
  if (!cvc_digits || cvc.size() < 3 || cvc.size() > 4)
    throw card_error("Your card's security code is invalid.", "invalid_cvc", {}, "card[cvc]");

  CardSummary card{card_brand(digits), card_last4(digits), "credit",
                   exp_month,          exp_year,           CardBehaviour::approve};
  for (const auto& test : kTestCards)
    if (digits == test.number) {
      card.behaviour = test.behaviour;
      card.funding = std::string(test.funding);
    }
  return card;
}

}  // namespace ps::gateway
