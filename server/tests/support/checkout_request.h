#pragma once

// A checkout request as the API tests and the resilience tests send it: test
// cards and a body, plus a filter for looking for card data in answers.

#include "support/card_tokens.h"

#include <boost/json.hpp>

#include <regex>
#include <string>

namespace ps::testing {

inline constexpr const char* kApproves = "4242 4242 4242 4242";
inline constexpr const char* kDeclines = "4000000000000002";
inline constexpr const char* kNoFunds = "4000000000009995";
// Captures, then its buyer disputes the payment (charge.dispute.created).
inline constexpr const char* kDisputed = "4000000000000259";

// `text` without the random hex ids in it (request ids, hashes, authorization
// ids), so that looking for a CVC such as "987" cannot hit one by chance.
// Card numbers are all digits and so are kept: a hex id has a letter.
inline std::string without_random_ids(const std::string& text) {
  static const std::regex hex_id("[0-9a-f]*[a-f][0-9a-f]*");
  std::string kept;
  std::sregex_iterator it(text.begin(), text.end(), hex_id), end;
  std::size_t from = 0;
  for (; it != end; ++it) {
    if (it->length() < 12) continue;
    kept.append(text, from, static_cast<std::size_t>(it->position()) - from).append("#");
    from = static_cast<std::size_t>(it->position() + it->length());
  }
  return kept.append(text, from);
}

inline boost::json::object shipping_address_body() {
  return {{"name", "Sam Buyer"},
          {"line1", "1 High Street"},
          {"city", "Leeds"},
          {"postal_code", "LS1 1AA"},
          {"country", "gb"}};
}

// A checkout body paying with `token` (from card_token()).
inline boost::json::object checkout_body_with_token(const std::string& token) {
  return {{"payment_token", token}, {"shipping_address", shipping_address_body()}};
}

// A checkout body paying with a fresh token for the card `number`.
inline boost::json::object checkout_body(const std::string& number, std::string cvc = "123") {
  return checkout_body_with_token(card_token(number, cvc));
}

// A checkout body with the card itself in it, as the server must refuse.
inline boost::json::object raw_card_body(const std::string& number, std::string cvc = "123") {
  return {{"card", {{"number", number}, {"exp_month", 12}, {"exp_year", 2099}, {"cvc", cvc}}},
          {"shipping_address",
           {{"name", "Sam Buyer"},
            {"line1", "1 High Street"},
            {"city", "Leeds"},
            {"postal_code", "LS1 1AA"},
            {"country", "gb"}}}};
}

}  // namespace ps::testing
