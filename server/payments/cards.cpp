#include "payments/cards.h"

#include <string_view>

namespace ps::payments {

bool passes_luhn(const std::string& digits) {
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (*it < '0' || *it > '9') return false;
    int digit = *it - '0';
    if (twice && (digit *= 2) > 9) digit -= 9;
    sum += digit;
    twice = !twice;
  }
  return !digits.empty() && sum % 10 == 0;
}

std::string card_brand(const std::string& digits) {
  auto starts = [&](std::string_view prefix) { return digits.rfind(prefix, 0) == 0; };
  if (starts("4")) return "visa";
  if (starts("34") || starts("37")) return "amex";
  if (starts("6011") || starts("65")) return "discover";
  if (digits.size() >= 2) {
    const int two = std::stoi(digits.substr(0, 2));
    const int four = digits.size() >= 4 ? std::stoi(digits.substr(0, 4)) : 0;
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return "mastercard";
  }
  return "unknown";
}

std::string card_last4(const std::string& digits) {
  return digits.size() >= 4 ? digits.substr(digits.size() - 4) : "";
}

}  // namespace ps::payments
