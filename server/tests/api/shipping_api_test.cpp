// Shipping: a shop's rates per currency (a flat charge per order, free from
// an items total on), what the cart and checkout charge with them, and the
// order that keeps its shipping as part of its total through capture and
// refunds. The books balance after every scenario.
#include "api/checkout_test.h"

#include "support/ledger_invariants.h"
#include "support/race.h"
#include "support/recording_proxy.h"

#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>

namespace ps::testing {
namespace {

class ShippingApi : public CheckoutTest {
 protected:
  void TearDown() override {
    const SqlNumber number = [this](const std::string& query) { return sql_number(query); };
    expect_ledger_balanced(number);
    expect_ledger_agrees_with_orders(number);
    CheckoutTest::TearDown();
  }

  static boost::json::object rate(const std::string& currency, long long flat,
                                  std::optional<long long> free_over = std::nullopt) {
    return {{"currency", currency},
            {"flat_cents", flat},
            {"free_over_cents",
             free_over ? boost::json::value(*free_over) : boost::json::value(nullptr)}};
  }

  HttpResult set_rates(const Account& vendor, const std::string& slug,
                       const boost::json::value& rates) {
    return patch_json("/api/shops/" + slug, {{"shipping_rates", rates}}, vendor.access_token);
  }

  boost::json::array rates_of(const std::string& slug) {
    const auto shop = client().get("/api/shops/" + slug);
    EXPECT_EQ(shop.status, 200) << shop.body;
    return shop.json().at("shipping_rates").as_array();
  }

  boost::json::object cart(const Account& who) {
    const auto result = client().get("/api/cart", who.access_token);
    EXPECT_EQ(result.status, 200) << result.body;
    return result.json().as_object();
  }

  // Clay ships an order for 4.95, free from 50.00; Paper for 3.00, never free.
  void set_both_shops_rates() {
    ASSERT_EQ(set_rates(clay, "clay-studio", {rate("USD", 495, 5000)}).status, 200);
    ASSERT_EQ(set_rates(paper, "paper-goods", {rate("USD", 300)}).status, 200);
  }
};
POCKETSHOP_API_TEST(ShippingApi);

TEST_P(ShippingApi, AShopSetsItsRatesAndEveryoneReadsThem) {
  EXPECT_EQ(rates_of("clay-studio"), boost::json::array{});
  const auto saved = set_rates(clay, "clay-studio", {rate("USD", 495, 5000), rate("EUR", 600)});
  ASSERT_EQ(saved.status, 200) << saved.body;
  const boost::json::array by_currency{rate("EUR", 600), rate("USD", 495, 5000)};
  EXPECT_EQ(saved.json().at("shipping_rates"), by_currency);
  EXPECT_EQ(rates_of("clay-studio"), by_currency);
  EXPECT_EQ(client().get("/api/my/shop", clay.access_token).json().at("shipping_rates"),
            by_currency);
  bool listed = false;
  const auto directory = client().get("/api/shops").json();
  for (const auto& shop : directory.at("items").as_array())
    if (shop.at("slug") == "clay-studio") {
      listed = true;
      EXPECT_EQ(shop.at("shipping_rates"), by_currency);
    }
  EXPECT_TRUE(listed);

  // Another edit leaves them; a new list replaces them; [] removes them all.
  ASSERT_EQ(patch_json("/api/shops/clay-studio", {{"description", "Stoneware"}}, clay.access_token)
                .status,
            200);
  EXPECT_EQ(rates_of("clay-studio"), by_currency);
  ASSERT_EQ(set_rates(clay, "clay-studio", {rate("GBP", 350)}).status, 200);
  EXPECT_EQ(rates_of("clay-studio"), (boost::json::array{rate("GBP", 350)}));
  ASSERT_EQ(set_rates(clay, "clay-studio", boost::json::array{}).status, 200);
  EXPECT_EQ(rates_of("clay-studio"), boost::json::array{});
}

// A product's page says what its shop charges to ship it: the rate of the
// product's currency, or nothing (free) when the shop has none for it.
TEST_P(ShippingApi, AProductPageSaysWhatShippingCosts) {
  const auto shipping_of = [&](std::int64_t product) {
    const auto page = client().get("/api/products/" + std::to_string(product));
    EXPECT_EQ(page.status, 200) << page.body;
    return page.json().at("shipping");
  };
  EXPECT_EQ(shipping_of(mug), rate("USD", 0));
  ASSERT_EQ(set_rates(clay, "clay-studio", {rate("EUR", 600), rate("USD", 495, 5000)}).status, 200);
  EXPECT_EQ(shipping_of(mug), rate("USD", 495, 5000));
  EXPECT_EQ(shipping_of(card), rate("USD", 0));  // another shop's
  ASSERT_EQ(set_rates(clay, "clay-studio", {rate("EUR", 600)}).status, 200);
  EXPECT_EQ(shipping_of(mug), rate("USD", 0));
}

TEST_P(ShippingApi, WrongRatesAreRefusedFieldByFieldAndChangeNothing) {
  ASSERT_EQ(set_rates(clay, "clay-studio", {rate("USD", 495)}).status, 200);
  const std::vector<std::pair<boost::json::value, std::string>> cases{
      {boost::json::value("free"), "shipping_rates"},
      {boost::json::array{1}, "shipping_rates[0]"},
      {boost::json::array{rate("USD", 100), rate("USD", 200)}, "shipping_rates[1].currency"},
      {boost::json::array{rate("XYZ", 100)}, "shipping_rates[0].currency"},
      {boost::json::array{rate("usd", 100)}, "shipping_rates[0].currency"},
      {boost::json::array{rate("USD", -1)}, "shipping_rates[0].flat_cents"},
      {boost::json::array{rate("USD", 100'000'001)}, "shipping_rates[0].flat_cents"},
      {boost::json::array{rate("USD", 100, 0)}, "shipping_rates[0].free_over_cents"},
      {boost::json::array{boost::json::object{{"currency", "USD"}}},
       "shipping_rates[0].flat_cents"},
      {boost::json::array{boost::json::object{{"currency", "USD"}, {"flat_cents", "4.95"}}},
       "shipping_rates[0].flat_cents"},
  };
  for (const auto& [rates, field] : cases) {
    const auto refused = set_rates(clay, "clay-studio", rates);
    expect_problem(refused, 422, "validation");
    EXPECT_TRUE(refused.json().at("errors").as_object().contains(field))
        << field << ": " << refused.body;
  }
  boost::json::array eleven;
  for (int n = 0; n < 11; ++n) eleven.push_back(rate("USD", n));
  const auto too_many = set_rates(clay, "clay-studio", eleven);
  expect_problem(too_many, 422, "validation");
  EXPECT_TRUE(too_many.json().at("errors").as_object().contains("shipping_rates"));
  EXPECT_EQ(rates_of("clay-studio"), (boost::json::array{rate("USD", 495)}));
}

TEST_P(ShippingApi, OnlyTheShopsVendorSetsItsRates) {
  expect_problem(set_rates(paper, "clay-studio", {rate("USD", 1)}), 403, "forbidden");
  expect_problem(set_rates(buyer, "clay-studio", {rate("USD", 1)}), 403, "forbidden");
  const auto anonymous =
      client().request(boost::beast::http::verb::patch, "/api/shops/clay-studio",
                       R"({"shipping_rates": []})", {{"Content-Type", "application/json"}});
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(rates_of("clay-studio"), boost::json::array{});
}

TEST_P(ShippingApi, TheCartChargesEachShopsShippingUntilItsFreeThreshold) {
  set_both_shops_rates();
  fill_cart(buyer, mug, 1);   // 25.00 at Clay
  fill_cart(buyer, card, 3);  // 12.00 at Paper
  auto json = cart(buyer);
  const auto& clay_part = json.at("shops").at(0);
  EXPECT_EQ(clay_part.at("shop").at("slug"), "clay-studio");
  EXPECT_EQ(clay_part.at("subtotal_cents").as_int64(), 2500);
  EXPECT_EQ(clay_part.at("shipping_cents").as_int64(), 495);
  EXPECT_EQ(clay_part.at("free_shipping_over_cents").as_int64(), 5000);
  const auto& paper_part = json.at("shops").at(1);
  EXPECT_EQ(paper_part.at("shipping_cents").as_int64(), 300);
  EXPECT_TRUE(paper_part.at("free_shipping_over_cents").is_null());
  EXPECT_EQ(json.at("subtotal_cents").as_int64(), 3700);
  EXPECT_EQ(json.at("shipping_cents").as_int64(), 795);
  EXPECT_EQ(json.at("total_cents").as_int64(), 4495);

  // 50.00 of mugs reach Clay's threshold: that part ships free.
  fill_cart(buyer, mug, 1);
  json = cart(buyer);
  EXPECT_EQ(json.at("shops").at(0).at("subtotal_cents").as_int64(), 5000);
  EXPECT_EQ(json.at("shops").at(0).at("shipping_cents").as_int64(), 0);
  EXPECT_EQ(json.at("shipping_cents").as_int64(), 300);
  EXPECT_EQ(json.at("total_cents").as_int64(), 6500);
}

TEST_P(ShippingApi, ACurrencyWithoutARateShipsFree) {
  ASSERT_EQ(set_rates(clay, "clay-studio", {rate("EUR", 600)}).status, 200);
  fill_cart(buyer, mug, 1);  // priced in USD
  const auto json = cart(buyer);
  EXPECT_EQ(json.at("shipping_cents").as_int64(), 0);
  EXPECT_TRUE(json.at("shops").at(0).at("free_shipping_over_cents").is_null());
  EXPECT_EQ(json.at("total_cents").as_int64(), 2500);
}

TEST_P(ShippingApi, CheckoutChargesShippingAndEachOrderKeepsItsOwn) {
  set_both_shops_rates();
  fill_cart(buyer, mug, 1);
  fill_cart(buyer, card, 3);
  const auto placed = checkout(buyer, checkout_body(kApproves));
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto answer = placed.json();
  EXPECT_EQ(answer.at("total_cents").as_int64(), 4495);
  const auto& orders = answer.at("orders").as_array();
  ASSERT_EQ(orders.size(), 2u);
  EXPECT_EQ(orders[0].at("shipping_cents").as_int64(), 495);
  EXPECT_EQ(orders[0].at("total_cents").as_int64(), 2995);
  EXPECT_EQ(orders[1].at("shipping_cents").as_int64(), 300);
  EXPECT_EQ(orders[1].at("total_cents").as_int64(), 1500);
  const auto clay_order = orders[0].at("id").as_int64();
  EXPECT_EQ(at_gateway(clay_order).amount, 4495);  // one authorization for the checkout

  // The rates may change later: the order keeps what it charged.
  ASSERT_EQ(set_rates(clay, "clay-studio", {rate("USD", 900)}).status, 200);
  const auto read = client().get("/api/orders/" + std::to_string(clay_order), buyer.access_token);
  EXPECT_EQ(read.json().at("shipping_cents").as_int64(), 495);
  EXPECT_EQ(read.json().at("total_cents").as_int64(), 2995);

  // Shipping is part of what is captured and what the fee is taken from.
  ASSERT_EQ(ship(clay, clay_order).status, 200);
  const auto seen = client().get("/api/orders/" + std::to_string(clay_order), clay.access_token);
  EXPECT_EQ(seen.json().at("platform_fee_cents").as_int64(), 300);  // 10 % of 29.95, rounded
  EXPECT_EQ(seen.json().at("vendor_net_cents").as_int64(), 2995 - 300);
}

TEST_P(ShippingApi, AFullRefundGivesTheShippingBackAndItemRefundsDoNot) {
  set_both_shops_rates();
  fill_cart(buyer, mug, 1);
  const auto placed = checkout(buyer, checkout_body(kApproves));
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto order = placed.json().at("orders").at(0).at("id").as_int64();
  ASSERT_EQ(ship(clay, order).status, 200);

  const auto item =
      act(clay, order, "refunds",
          {{"items", {{{"product_id", mug}, {"quantity", 1}}}}, {"reason", "Chipped"}});
  ASSERT_EQ(item.status, 201) << item.body;
  EXPECT_EQ(item.json().at("refund").at("amount_cents").as_int64(), 2500);
  const auto rest = act(clay, order, "refund", {{"reason", "And the postage"}});
  ASSERT_EQ(rest.status, 200) << rest.body;
  EXPECT_EQ(rest.json().at("refunded_cents").as_int64(), 2995);
  EXPECT_EQ(rest.json().at("payment_status").as_string(), "refunded");
  EXPECT_EQ(at_gateway(order).refunded, 2995);
}

TEST_P(ShippingApi, IdenticalRateEditsAtOnceLeaveOneSetOfRates) {
  const boost::json::array rates{rate("USD", 495, 5000), rate("EUR", 600)};
  const auto answers = race([&](int) { return set_rates(clay, "clay-studio", rates); });
  EXPECT_EQ(answers, (std::map<std::string, int>{{"200", kRacers}}));
  EXPECT_EQ(rates_of("clay-studio"),
            (boost::json::array{rate("EUR", 600), rate("USD", 495, 5000)}));
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM shipping_rates"), 2);
}

// The checkout's card authorization held at the gateway's door until the
// test lets it through: what changes meanwhile is what a buyer's slow
// payment races.
class ShippingWhilePaying : public ShippingApi {
 protected:
  void configure(Config& config) override { config.payment_gateway_url = proxy_.url(); }

  bool wait_for_authorization() {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(10), [&] { return held_; });
  }
  void let_it_through() {
    std::lock_guard lock(mutex_);
    released_ = true;
    changed_.notify_all();
  }

 private:
  void hold_authorization(const WireRequest& request) {
    if (request.method != "POST" || request.target != "/v1/payment_intents") return;
    std::unique_lock lock(mutex_);
    held_ = true;
    changed_.notify_all();
    changed_.wait_for(lock, std::chrono::seconds(10), [&] { return released_; });
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  bool held_ = false, released_ = false;
  RecordingProxy proxy_{test_gateway().port(),
                        [this](const WireRequest& request) { hold_authorization(request); }};
};
POCKETSHOP_API_TEST(ShippingWhilePaying);

TEST_P(ShippingWhilePaying, ARateChangedWhileTheCardIsAuthorizedChargesNothing) {
  set_both_shops_rates();
  fill_cart(buyer, mug, 1);  // 25.00 and 4.95 shipping
  auto paying =
      std::async(std::launch::async, [&] { return checkout(buyer, checkout_body(kApproves)); });
  ASSERT_TRUE(wait_for_authorization());
  ASSERT_EQ(set_rates(clay, "clay-studio", {rate("USD", 795)}).status, 200);
  let_it_through();

  const auto answer = paying.get();
  expect_problem(answer, 409, "conflict");
  EXPECT_NE(answer.json().at("detail").as_string().find("nothing was charged"), std::string::npos)
      << answer.body;
  EXPECT_EQ(count("orders"), 0);
  const auto authorizations = gateway_authorizations();
  ASSERT_EQ(authorizations.size(), 1u);
  const auto released = gateway().state(authorizations.front());
  EXPECT_EQ(released.status, "canceled");
  EXPECT_EQ(released.amount, 2995);
  EXPECT_EQ(released.received, 0);

  // The cart is as it was, at the new rate, and paying again charges that.
  EXPECT_EQ(cart(buyer).at("total_cents").as_int64(), 3295);
  const auto again = checkout(buyer, checkout_body(kApproves));
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.json().at("total_cents").as_int64(), 3295);
  EXPECT_EQ(again.json().at("orders").at(0).at("shipping_cents").as_int64(), 795);
}

}  // namespace
}  // namespace ps::testing
