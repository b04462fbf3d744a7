#pragma once

#include <span>
#include <string>
#include <string_view>

namespace ps {

// The currencies products are priced and shipping is charged in (ISO 4217).
std::span<const std::string_view> sold_currencies();
// The most a price or a shipping charge may be, in minor units.
constexpr long long kMaxPriceCents = 100'000'000;

// An amount in minor units as a decimal string with two fraction digits
// ("-12.05" for -1205): every currency the shop sells in has two. Integer
// arithmetic only, exact for every long long.
std::string decimal_of(long long minor_units);

// An amount as people read it: "$12.05", "€12.05", "£12.05", else
// "12.05 CHF".
std::string money_text(long long minor_units, std::string_view currency);

// Whether two ISO 4217 codes name one currency, whatever their case: the
// gateway writes them in lower case ("usd"), we in upper ("USD").
bool same_currency(std::string_view a, std::string_view b);

}  // namespace ps
