// The card functions in core that payments and the gateway share.
#include "core/cards.h"

#include <gtest/gtest.h>

#include <ctime>

namespace ps {
namespace {

TEST(Cards, Luhn) {
  EXPECT_TRUE(passes_luhn("4242424242424242"));
  EXPECT_TRUE(passes_luhn("378282246310005"));
  EXPECT_FALSE(passes_luhn("4242424242424241"));
  EXPECT_FALSE(passes_luhn("42424242424242a2"));
  EXPECT_FALSE(passes_luhn("4242 4242 4242 4242"));
  EXPECT_FALSE(passes_luhn(""));
}

TEST(Cards, BrandFromThePrefix) {
  const std::pair<const char*, const char*> cases[] = {
      {"4242424242424242", "visa"},       {"5555555555554444", "mastercard"},
      {"5105105105105100", "mastercard"}, {"2223003122003222", "mastercard"},
      {"2720990000000007", "mastercard"}, {"2721000000000000", "unknown"},
      {"378282246310005", "amex"},        {"341111111111111", "amex"},
      {"6011111111111117", "discover"},   {"6500000000000002", "discover"},
      {"3056930009020004", "unknown"},    {"5600000000000000", "unknown"},
  };
  for (const auto& [number, brand] : cases) EXPECT_EQ(card_brand(number), brand) << number;
}

// Checkout reads the brand before the provider checks the number, so any
// text has one (std::stoi used to throw on a non-digit prefix).
TEST(Cards, BrandOfShortOrNonDigitInputIsUnknown) {
  for (const char* number : {"", "5", "222", "ab12345678901234", "5a00000000000000", " 51"})
    EXPECT_EQ(card_brand(number), "unknown") << '"' << number << '"';
  EXPECT_EQ(card_brand("52"), "mastercard");
}

TEST(Cards, LastFour) {
  EXPECT_EQ(card_last4("4242424242424242"), "4242");
  EXPECT_EQ(card_last4("4444"), "4444");
  EXPECT_EQ(card_last4("424"), "");
}

TEST(Cards, GoodThroughTheLastDayOfItsMonth) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  const int year = utc.tm_year + 1900, month = utc.tm_mon + 1;
  EXPECT_FALSE(card_expired(month, year));
  EXPECT_FALSE(card_expired(1, year + 1));
  EXPECT_TRUE(card_expired(12, year - 1));
  if (month > 1) {
    EXPECT_TRUE(card_expired(month - 1, year));
  }
  if (month < 12) {
    EXPECT_FALSE(card_expired(month + 1, year));
  }
}

}  // namespace
}  // namespace ps
