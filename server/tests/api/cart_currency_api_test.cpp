// A cart holds one currency (issue 18, docs/architecture.md "One currency a
// cart"): an item in another is refused with its own problem, on a user's
// cart, a guest's and a merge, and concurrent adds never leave a cart mixed.

#include "support/marketplace.h"

#include <future>
#include <latch>
#include <set>

namespace ps::testing {
namespace {

using boost::beast::http::verb;

class CartCurrencyApi : public TwoShopsTest {
 protected:
  void SetUp() override {
    TwoShopsTest::SetUp();
    scarf = euro_product("Scarf");
    shawl = euro_product("Shawl");
  }

  std::int64_t euro_product(const std::string& name) {
    return create_product(
               clay.access_token,
               {{"name", name}, {"price_cents", 2000}, {"currency", "EUR"}, {"inventory", 50}})
        .at("id")
        .as_int64();
  }

  HttpResult add(std::int64_t product, const Headers& who) {
    Headers headers{{"Content-Type", "application/json"}};
    headers.insert(headers.end(), who.begin(), who.end());
    return client().request(
        verb::post, "/api/cart/items",
        boost::json::serialize(boost::json::object{{"product_id", product}, {"quantity", 1}}),
        headers);
  }

  Headers as_buyer() const { return {{"Authorization", "Bearer " + buyer.access_token}}; }

  // The currencies of the cart's items (one, or none, unless mixed).
  std::set<std::string> currencies(const Headers& who) {
    const auto cart = client().request(verb::get, "/api/cart", {}, who).json();
    std::set<std::string> seen;
    for (const auto& item : cart.at("items").as_array())
      seen.insert(std::string(item.at("product").at("currency").as_string()));
    return seen;
  }

  std::int64_t scarf = 0, shawl = 0;
};
POCKETSHOP_API_TEST(CartCurrencyApi);

TEST_P(CartCurrencyApi, AnItemInAnotherCurrencyIsRefusedWithItsOwnProblem) {
  ASSERT_EQ(add(mug, as_buyer()).status, 200);
  const auto refused = add(scarf, as_buyer());
  expect_problem(refused, 409, "cart-currency-mismatch");
  EXPECT_EQ(refused.json().at("cart_currency").as_string(), "USD");
  EXPECT_EQ(refused.json().at("currency").as_string(), "EUR");
  EXPECT_NE(refused.json().at("detail").as_string().find("USD"), std::string::npos);
  EXPECT_EQ(currencies(as_buyer()), std::set<std::string>{"USD"});

  // The same currency is still welcome, and an emptied cart takes any.
  EXPECT_EQ(add(card, as_buyer()).status, 200);
  ASSERT_EQ(del("/api/cart/items/" + std::to_string(mug), buyer.access_token).status, 200);
  ASSERT_EQ(del("/api/cart/items/" + std::to_string(card), buyer.access_token).status, 200);
  const auto euros = add(scarf, as_buyer());
  ASSERT_EQ(euros.status, 200) << euros.body;
  EXPECT_EQ(euros.json().at("currency").as_string(), "EUR");
}

TEST_P(CartCurrencyApi, AGuestCartHoldsOneCurrencyToo) {
  const auto token =
      client().post_json("/api/carts", boost::json::object{}).json().at("cart_token").as_string();
  const Headers guest{{"X-Cart-Token", std::string(token)}};
  ASSERT_EQ(add(scarf, guest).status, 200);
  expect_problem(add(mug, guest), 409, "cart-currency-mismatch");
  EXPECT_EQ(currencies(guest), std::set<std::string>{"EUR"});
}

TEST_P(CartCurrencyApi, AMergeLeavesOutItemsInAnotherCurrency) {
  auto guest_cart = [&](std::vector<std::int64_t> products) {
    const auto token = std::string(client()
                                       .post_json("/api/carts", boost::json::object{})
                                       .json()
                                       .at("cart_token")
                                       .as_string());
    for (const auto product : products)
      EXPECT_EQ(add(product, {{"X-Cart-Token", token}}).status, 200);
    return token;
  };
  auto merge = [&](const std::string& token) {
    const auto merged =
        client().post_json("/api/cart/merge", {{"cart_token", token}}, buyer.access_token);
    EXPECT_EQ(merged.status, 200) << merged.body;
    return merged.json();
  };
  ASSERT_EQ(add(mug, as_buyer()).status, 200);
  const auto euros = merge(guest_cart({scarf, shawl}));
  EXPECT_EQ(euros.at("currency").as_string(), "USD");
  EXPECT_EQ(euros.at("item_count").as_int64(), 1);  // the mug alone

  const auto dollars = merge(guest_cart({card}));
  EXPECT_EQ(dollars.at("item_count").as_int64(), 2);  // the mug and the card

  // An empty account cart takes the guest's currency.
  del("/api/cart/items/" + std::to_string(mug), buyer.access_token);
  del("/api/cart/items/" + std::to_string(card), buyer.access_token);
  const auto taken = merge(guest_cart({scarf}));
  EXPECT_EQ(taken.at("currency").as_string(), "EUR");
  EXPECT_EQ(taken.at("item_count").as_int64(), 1);
}

// Adds of both currencies at once to one existing cart: under PostgreSQL's
// READ COMMITTED each could read the cart before the other's line was in;
// the cart's row lock (taken by the statement that finds it) makes them take
// turns, so the first currency in wins and the others are refused.
TEST_P(CartCurrencyApi, ConcurrentAddsInTwoCurrenciesNeverMixTheCart) {
  const std::vector<std::int64_t> products{mug, scarf, card, shawl};
  for (int round = 0; round < 4; ++round) {
    ASSERT_EQ(client().get("/api/cart", buyer.access_token).status, 200);  // the cart exists
    std::latch start(static_cast<std::ptrdiff_t>(products.size()));
    std::vector<std::future<HttpResult>> answers;
    for (const auto product : products)
      answers.push_back(std::async(std::launch::async, [&, product] {
        start.arrive_and_wait();
        return add(product, as_buyer());
      }));
    int added = 0;
    for (auto& answer : answers) {
      const auto result = answer.get();
      if (result.status == 200) {
        ++added;
        continue;
      }
      expect_problem(result, 409, "cart-currency-mismatch");
    }
    EXPECT_EQ(added, 2) << "round " << round;  // the two products of the first currency in
    EXPECT_EQ(currencies(as_buyer()).size(), 1u) << "round " << round;
    for (const auto product : products)
      del("/api/cart/items/" + std::to_string(product), buyer.access_token);
  }
}

}  // namespace
}  // namespace ps::testing
