#pragma once

#include <string>

namespace ps {

// What can be told from a card number (digits only) without a gateway; the
// shop's payments and the test-mode gateway both read cards this way.
bool passes_luhn(const std::string& digits);
// "visa", "mastercard", "amex", "discover" or "unknown", from the number's prefix.
std::string card_brand(const std::string& digits);
// The last four digits: with the brand, all of a number that may be kept.
std::string card_last4(const std::string& digits);
// Whether a card whose expiry is month/year (1..12, four digits) has expired:
// it is good through the last day of that month, UTC.
bool card_expired(int month, int year);

}  // namespace ps
