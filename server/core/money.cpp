#include "core/money.h"

#include <algorithm>
#include <cctype>

namespace ps {

namespace {
constexpr std::string_view kSoldCurrencies[] = {"USD", "EUR", "GBP", "CAD", "AUD",
                                                "NZD", "CHF", "SEK", "NOK", "DKK"};
}  // namespace

std::span<const std::string_view> sold_currencies() { return kSoldCurrencies; }

std::string decimal_of(long long minor_units) {
  // The magnitude as unsigned, so the most negative long long has one too.
  const bool negative = minor_units < 0;
  const unsigned long long magnitude = negative
                                           ? 0ULL - static_cast<unsigned long long>(minor_units)
                                           : static_cast<unsigned long long>(minor_units);
  const unsigned long long cents = magnitude % 100;
  std::string text = negative ? "-" : "";
  text += std::to_string(magnitude / 100);
  text += '.';
  text += static_cast<char>('0' + cents / 10);
  text += static_cast<char>('0' + cents % 10);
  return text;
}

std::string money_text(long long minor_units, std::string_view currency) {
  std::string_view symbol;
  if (currency == "USD")
    symbol = "$";
  else if (currency == "EUR")
    symbol = "€";
  else if (currency == "GBP")
    symbol = "£";
  const std::string amount = decimal_of(minor_units);
  if (symbol.empty()) return amount + " " + std::string(currency);
  if (amount.starts_with('-')) return "-" + std::string(symbol) + amount.substr(1);
  return std::string(symbol) + amount;
}

bool same_currency(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace ps
