#include "core/cards.h"

#include <ctime>
#include <string_view>

namespace ps {

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
  auto starts = [&](std::string_view prefix) { return digits.starts_with(prefix); };
  auto prefix_in = [&](std::size_t length, int low, int high) {
    if (digits.size() < length) return false;
    int prefix = 0;
    for (std::size_t i = 0; i < length; ++i) {
      if (digits[i] < '0' || digits[i] > '9') return false;
      prefix = prefix * 10 + (digits[i] - '0');
    }
    return prefix >= low && prefix <= high;
  };
  if (starts("4")) return "visa";
  if (starts("34") || starts("37")) return "amex";
  if (starts("6011") || starts("65")) return "discover";
  if (prefix_in(2, 51, 55) || prefix_in(4, 2221, 2720)) return "mastercard";
  return "unknown";
}

std::string card_last4(const std::string& digits) {
  return digits.size() >= 4 ? digits.substr(digits.size() - 4) : "";
}

bool card_expired(int month, int year) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  const int this_year = utc.tm_year + 1900, this_month = utc.tm_mon + 1;
  return year < this_year || (year == this_year && month < this_month);
}

}  // namespace ps
