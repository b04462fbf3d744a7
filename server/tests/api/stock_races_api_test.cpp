// A product edited while it sells: the stock each sale took stays taken,
// whatever the edit was about, and the edit is kept too. A shop whose vendor
// leaves while it sells: either the vendor stays (an order is under way) or
// the shop closed with no order left unfinished.

#include "api/checkout_test.h"
#include "support/race.h"

#include <gmock/gmock.h>

#include <atomic>

namespace ps::testing {
namespace {

constexpr int kRounds = 4;
constexpr int kBuyersPerRound = kRacers / 2;
constexpr long long kStock = 1000;

class StockRaces : public CheckoutTest {
 protected:
  void configure(Config& config) override { config.signup_limit_per_ip = 1000; }

  void SetUp() override {
    CheckoutTest::SetUp();
    ASSERT_EQ(patch_json(product_url(mug), {{"inventory", kStock}}, clay.access_token).status, 200);
    for (int n = 0; n < kBuyersPerRound; ++n)
      buyers.push_back(sign_up("stock-buyer" + std::to_string(n) + "@example.com"));
  }

  static std::string product_url(std::int64_t id) { return "/api/products/" + std::to_string(id); }

  std::vector<Account> buyers;
};
POCKETSHOP_API_TEST(StockRaces);

TEST_P(StockRaces, AnEditWhileTheProductSellsKeepsTheStockTheSalesTook) {
  std::atomic<int> sold{0};
  for (int round = 0; round < kRounds; ++round) {
    for (const auto& who : buyers) fill_cart(who, mug, 1);
    // Half the racers buy a mug; the others edit its description, each a
    // few times, so that edits read the stock while the sales take it.
    const auto seen = race([&](int n) {
      if (n < kBuyersPerRound) {
        auto placed = checkout(buyers[static_cast<std::size_t>(n)], checkout_body(kApproves));
        if (placed.status == 201) ++sold;
        return placed;
      }
      HttpResult edited;
      for (int edit = 0; edit < 3; ++edit) {
        edited = patch_json(product_url(mug),
                            {{"description", "Round " + std::to_string(round) + ", edit " +
                                                 std::to_string(n) + "." + std::to_string(edit)}},
                            clay.access_token);
        if (edited.status != 200) break;
      }
      return edited;
    });
    ASSERT_EQ(seen.at("201"), kBuyersPerRound) << ::testing::PrintToString(seen);
    ASSERT_EQ(seen.at("200"), kRacers - kBuyersPerRound) << ::testing::PrintToString(seen);
  }
  const auto product = client().get(product_url(mug)).json();
  EXPECT_EQ(product.at("inventory").as_int64(), kStock - sold.load());
  EXPECT_EQ(sql_number("SELECT COALESCE(SUM(quantity), 0) FROM order_items WHERE product_id = " +
                       std::to_string(mug)),
            sold.load());
  EXPECT_THAT(std::string(product.at("description").as_string()),
              ::testing::StartsWith("Round " + std::to_string(kRounds - 1) + ", edit "));
}

TEST_P(StockRaces, AVendorLeavingWhileTheShopSellsLeavesNoOrderBehind) {
  for (int round = 0; round < kRounds; ++round) {
    const auto vendor = vendor_with_shop("leaving" + std::to_string(round) + "@example.com",
                                         "Leaving " + std::to_string(round));
    const auto product = add_product(vendor, "Last vase", "home", 1500).at("id").as_int64();
    for (const auto& who : buyers) fill_cart(who, product, 1);
    const auto seen = race([&](int n) {
      if (n < kBuyersPerRound)
        return checkout(buyers[static_cast<std::size_t>(n)], checkout_body(kApproves));
      if (n > kBuyersPerRound) return HttpResult{200, {}, {}};  // stays out of this race
      return client().request(boost::beast::http::verb::delete_, "/api/me",
                              R"({"password":"password123"})",
                              {{"Content-Type", "application/json"},
                               {"Authorization", "Bearer " + vendor.access_token}});
    });
    const auto unfinished = sql_number(
        "SELECT COUNT(*) FROM orders o JOIN shops s ON s.id = o.shop_id WHERE s.owner_id = " +
        std::to_string(vendor.id) + " AND o.status = 'paid'");
    if (seen.contains("204")) {
      EXPECT_EQ(unfinished, 0) << "round " << round << ": " << ::testing::PrintToString(seen);
    } else {
      EXPECT_EQ(seen.at("409 /problems/account-in-use"), 1) << ::testing::PrintToString(seen);
      EXPECT_GT(unfinished, 0);
    }
    for (const auto& who : buyers)  // what was not bought: the shop may be closed now
      del("/api/cart/items/" + std::to_string(product), who.access_token);
  }
}

}  // namespace
}  // namespace ps::testing
