#include "support/marketplace.h"

#include <soci/soci.h>

#include <chrono>
#include <thread>

namespace ps::testing {
namespace {

using boost::beast::http::verb;

class CartApi : public TwoShopsTest {
 protected:
  HttpResult add(const std::string& token, std::int64_t product, long long quantity,
                 const Headers& extra = {}) {
    Headers headers{{"Content-Type", "application/json"}};
    if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
    headers.insert(headers.end(), extra.begin(), extra.end());
    return client().request(verb::post, "/api/cart/items",
                            boost::json::serialize(boost::json::object{{"product_id", product},
                                                                       {"quantity", quantity}}),
                            headers);
  }
};
POCKETSHOP_API_TEST(CartApi);

TEST_P(CartApi, OneCartAcrossShopsWithSubtotals) {
  ASSERT_EQ(add(buyer.access_token, mug, 2).status, 200);
  const auto result = add(buyer.access_token, card, 3);
  ASSERT_EQ(result.status, 200) << result.body;
  const auto cart = result.json().as_object();
  EXPECT_EQ(cart.at("item_count").as_int64(), 5);
  EXPECT_EQ(cart.at("total_cents").as_int64(), 2 * 2500 + 3 * 400);
  EXPECT_EQ(cart.at("currency").as_string(), "USD");
  ASSERT_EQ(cart.at("shops").as_array().size(), 2u);
  EXPECT_EQ(cart.at("shops").at(0).at("shop").at("slug").as_string(), "clay-studio");
  EXPECT_EQ(cart.at("shops").at(0).at("subtotal_cents").as_int64(), 5000);
  EXPECT_EQ(cart.at("shops").at(1).at("subtotal_cents").as_int64(), 1200);
  EXPECT_EQ(client().get("/api/cart", buyer.access_token).json().at("item_count").as_int64(), 5);
}

// updated_at says when a cart last changed (what an abandoned-cart cleanup
// needs); the statement that finds a cart to change also sets it.
TEST_P(CartApi, ChangesMarkTheCartActiveAndReadsDoNot) {
  auto updated_at = [&] {
    long long at = 0;
    server().app().database().with_session([&](db::Connection& sql) {
      sql.session() << "SELECT c.updated_at FROM carts c JOIN users u ON u.id = c.user_id "
                       "WHERE u.email = 'buyer@example.com'",
          soci::into(at);
    });
    return at;
  };
  auto later = [] { std::this_thread::sleep_for(std::chrono::milliseconds(5)); };
  ASSERT_EQ(add(buyer.access_token, mug, 1).status, 200);
  const auto added = updated_at();
  later();
  ASSERT_EQ(client().get("/api/cart", buyer.access_token).status, 200);
  EXPECT_EQ(updated_at(), added);
  later();
  ASSERT_EQ(add(buyer.access_token, card, 1).status, 200);
  const auto changed = updated_at();
  EXPECT_GT(changed, added);
  later();
  const auto removed = client().request(verb::delete_, "/api/cart/items/" + std::to_string(mug), {},
                                        {{"Authorization", "Bearer " + buyer.access_token}});
  ASSERT_EQ(removed.status, 200);
  EXPECT_GT(updated_at(), changed);
}

TEST_P(CartApi, QuantitiesChangeAndLinesGo) {
  add(buyer.access_token, mug, 1);
  add(buyer.access_token, mug, 1);
  auto cart = client().get("/api/cart", buyer.access_token).json();
  EXPECT_EQ(cart.at("items").at(0).at("quantity").as_int64(), 2);

  auto set = client().request(
      verb::put, "/api/cart/items/" + std::to_string(mug), R"({"quantity": 3})",
      {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + buyer.access_token}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json().at("items").at(0).at("quantity").as_int64(), 3);

  const auto removed = client().request(verb::delete_, "/api/cart/items/" + std::to_string(mug), {},
                                        {{"Authorization", "Bearer " + buyer.access_token}});
  ASSERT_EQ(removed.status, 200);
  EXPECT_TRUE(removed.json().at("items").as_array().empty());
}

TEST_P(CartApi, CurrentPricesAndStockWarnings) {
  add(buyer.access_token, mug, 3);
  patch_json("/api/products/" + std::to_string(mug), {{"price_cents", 3000}, {"inventory", 1}},
             clay.access_token);
  const auto cart = client().get("/api/cart", buyer.access_token).json();
  EXPECT_EQ(cart.at("items").at(0).at("unit_price_cents").as_int64(), 3000);
  EXPECT_EQ(cart.at("items").at(0).at("warning").as_string(), "Only 1 left in stock.");
  EXPECT_EQ(cart.at("warnings").as_array().size(), 1u);

  del("/api/products/" + std::to_string(mug), clay.access_token);
  const auto gone = client().get("/api/cart", buyer.access_token).json();
  EXPECT_EQ(gone.at("items").at(0).at("warning").as_string(),
            "This product is no longer for sale.");
}

TEST_P(CartApi, BadAdditionsAreRefused) {
  expect_problem(add(buyer.access_token, mug, 4), 409, "out-of-stock");  // only 3 in stock
  expect_problem(add(buyer.access_token, 999999, 1), 404, "not-found");  // no such product
  expect_problem(add(buyer.access_token, mug, 0), 422, "validation");
  expect_problem(add(buyer.access_token, mug, 100), 422, "validation");
  expect_problem(add(clay.access_token, mug, 1), 403, "own-shop-purchase");  // own shop
  EXPECT_EQ(add(clay.access_token, card, 1).status, 200);                    // another shop is fine
  expect_problem(add("", mug, 1), 401, "unauthorized");  // neither signed in nor a guest
  const auto draft = create_product(clay.access_token, {{"name", "Draft"}, {"status", "draft"}})
                         .at("id")
                         .as_int64();
  expect_problem(add(buyer.access_token, draft, 1), 404, "not-found");
  const auto plenty = create_product(clay.access_token, {{"name", "Plenty"}, {"inventory", 500}})
                          .at("id")
                          .as_int64();
  EXPECT_EQ(add(buyer.access_token, plenty, 60).status, 200);
  expect_problem(add(buyer.access_token, plenty, 60), 409, "quantity-limit");  // 120 > 99
  expect_problem(client().request(verb::post, "/api/cart/items", "{\"product_id\": \"x\"}",
                                  {{"Content-Type", "application/json"},
                                   {"Authorization", "Bearer " + buyer.access_token}}),
                 422, "validation");
}

TEST_P(CartApi, GuestCartMergesIntoTheAccountOnSignIn) {
  const auto created = client().request(verb::post, "/api/carts");
  ASSERT_EQ(created.status, 201);
  const std::string token(created.json().at("cart_token").as_string());
  ASSERT_EQ(add("", mug, 2, {{"X-Cart-Token", token}}).status, 200);
  ASSERT_EQ(add("", card, 1, {{"X-Cart-Token", token}}).status, 200);
  add(buyer.access_token, card, 2);

  const auto merged =
      client().post_json("/api/cart/merge", {{"cart_token", token}}, buyer.access_token);
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(merged.json().at("item_count").as_int64(), 5);  // 2 mugs + 3 cards
  // The guest cart is gone.
  expect_problem(client().request(verb::get, "/api/cart", {}, {{"X-Cart-Token", token}}), 404,
                 "not-found");
  expect_problem(client().request(verb::get, "/api/cart", {}, {{"X-Cart-Token", "made-up"}}), 404,
                 "not-found");
}

}  // namespace
}  // namespace ps::testing
