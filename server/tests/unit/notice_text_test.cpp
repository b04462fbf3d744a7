// The small texts that mails and notifications are made of: amounts, previews
// and tracking links.
#include "core/money.h"
#include "core/text.h"
#include "orders/model.h"

#include <gtest/gtest.h>

namespace ps {
namespace {

TEST(MoneyText, SymbolsForTheCommonCurrenciesAndTheCodeForOthers) {
  EXPECT_EQ(money_text(1205, "USD"), "$12.05");
  EXPECT_EQ(money_text(5, "EUR"), "€0.05");
  EXPECT_EQ(money_text(-250, "GBP"), "-£2.50");
  EXPECT_EQ(money_text(100000, "CHF"), "1000.00 CHF");
}

TEST(MoneyText, CurrencyCodesMatchWhateverTheirCase) {
  EXPECT_TRUE(same_currency("usd", "USD"));
  EXPECT_TRUE(same_currency("Eur", "eUR"));
  EXPECT_FALSE(same_currency("USD", "EUR"));
  EXPECT_FALSE(same_currency("USD", "USDT"));
  EXPECT_FALSE(same_currency("", "USD"));
}

TEST(Excerpt, CutsAtASpaceAndNeverInsideACharacter) {
  EXPECT_EQ(text::excerpt("short", 10), "short");
  EXPECT_EQ(text::excerpt("the quick brown fox", 12), "the quick…");
  EXPECT_EQ(text::excerpt("ééééé", 3), "ééé…");  // characters, not bytes
  EXPECT_EQ(text::excerpt("", 3), "");
  EXPECT_EQ(text::excerpt("two\nlines\tand a tab", 40), "two lines and a tab");  // one line
}

TEST(TrackingUrl, KnownCarriersLinkToTheirPageWithTheNumberEncoded) {
  EXPECT_EQ(orders::tracking_url("UPS", "1Z 99/9"),
            "https://www.ups.com/track?tracknum=1Z%2099%2F9");
  EXPECT_EQ(orders::tracking_url("royal mail", "AB1"),
            "https://www.royalmail.com/track-your-item#/tracking-results/AB1");
  EXPECT_EQ(orders::tracking_url("Pigeon Post", "7"), "");
  EXPECT_EQ(orders::tracking_url("DHL", ""), "");
}

TEST(PlaceLine, TheTownLineIsWrittenAsTheCountrysCarriersPrintIt) {
  orders::ShippingAddress address{.city = "Portland", .postal_code = "97201", .country = "us"};
  address.region = "OR";
  EXPECT_EQ(orders::place_line(address), "Portland, OR 97201");
  address = {.city = "Malmö", .postal_code = "21100", .country = "SE"};
  EXPECT_EQ(orders::place_line(address), "21100 Malmö");  // stored before regions: as before
  address.region = "Skåne";
  EXPECT_EQ(orders::place_line(address), "21100 Malmö, Skåne");
}

}  // namespace
}  // namespace ps
