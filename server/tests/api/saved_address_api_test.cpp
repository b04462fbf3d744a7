// A buyer's saved address (issue 18): each user reaches only their own, a
// double submit leaves one, and a state or province travels with an order's
// address while addresses stored before it read as they did.

#include "api/checkout_test.h"
#include "support/race.h"

namespace ps::testing {
namespace {

using boost::beast::http::verb;

class SavedAddressApi : public CheckoutTest {
 protected:
  static boost::json::object portland() {
    return {{"name", "Sam Buyer"}, {"line1", "1 Main St"},   {"city", "Portland"},
            {"region", "OR"},      {"postal_code", "97201"}, {"country", "us"}};
  }

  HttpResult put_address(const Account& who, const boost::json::value& body) {
    return client().request(
        verb::put, "/api/me/address", boost::json::serialize(body),
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + who.access_token}});
  }

  boost::json::value saved(const Account& who) {
    const auto result = client().get("/api/me/address", who.access_token);
    EXPECT_EQ(result.status, 200) << result.body;
    return result.json().at("address");
  }
};
POCKETSHOP_API_TEST(SavedAddressApi);

TEST_P(SavedAddressApi, EachBuyerSavesAndReadsOnlyTheirOwn) {
  EXPECT_TRUE(saved(buyer).is_null());
  const auto put = put_address(buyer, portland());
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json().at("address").at("country").as_string(), "US");

  const auto mine = saved(buyer);
  EXPECT_EQ(mine.at("city").as_string(), "Portland");
  EXPECT_EQ(mine.at("region").as_string(), "OR");
  EXPECT_TRUE(saved(clay).is_null());  // another user sees none of it
  expect_problem(client().get("/api/me/address"), 401, "unauthorized");
  expect_problem(put_address(Account{}, portland()), 401, "unauthorized");

  EXPECT_EQ(del("/api/me/address", clay.access_token).status, 204);  // clears only clay's
  EXPECT_FALSE(saved(buyer).is_null());
  EXPECT_EQ(del("/api/me/address", buyer.access_token).status, 204);
  EXPECT_TRUE(saved(buyer).is_null());
}

TEST_P(SavedAddressApi, ABadAddressIsRefusedFieldByField) {
  auto body = portland();
  body.erase("city");
  body["country"] = "USA";
  const auto refused = put_address(buyer, body);
  expect_problem(refused, 422, "validation");
  EXPECT_TRUE(refused.json().at("errors").as_object().contains("city"));
  EXPECT_TRUE(refused.json().at("errors").as_object().contains("country"));
  expect_problem(put_address(buyer, boost::json::array{}), 400, "bad-request");
  EXPECT_TRUE(saved(buyer).is_null());
}

TEST_P(SavedAddressApi, ConcurrentIdenticalSavesLeaveOneAddress) {
  EXPECT_EQ(race([&](int) { return put_address(buyer, portland()); }),
            (std::map<std::string, int>{{"200", kRacers}}));
  EXPECT_EQ(count("saved_addresses"), 1);
  EXPECT_EQ(saved(buyer).at("postal_code").as_string(), "97201");
}

TEST_P(SavedAddressApi, ConcurrentIdenticalDeletesAllSucceedAndLeaveNone) {
  ASSERT_EQ(put_address(buyer, portland()).status, 200);
  EXPECT_EQ(race([&](int) { return del("/api/me/address", buyer.access_token); }),
            (std::map<std::string, int>{{"204", kRacers}}));
  EXPECT_EQ(count("saved_addresses"), 0);
  EXPECT_TRUE(saved(buyer).is_null());
}

// Saves and deletes of one address racing: each answers as it would alone,
// and what is left is one whole address or none, never a failure or two rows.
TEST_P(SavedAddressApi, SavesRacingDeletesLeaveOneWholeAddressOrNone) {
  ASSERT_EQ(put_address(buyer, portland()).status, 200);
  EXPECT_EQ(race([&](int n) {
              return n % 2 ? del("/api/me/address", buyer.access_token)
                           : put_address(buyer, portland());
            }),
            (std::map<std::string, int>{{"200", kRacers / 2}, {"204", kRacers / 2}}));
  const auto left = count("saved_addresses");
  EXPECT_LE(left, 1);
  if (left == 1) {
    EXPECT_EQ(saved(buyer).at("city").as_string(), "Portland");
  }
}

TEST_P(SavedAddressApi, AnOrderKeepsTheRegionAndOldAddressesStillRead) {
  fill_cart(buyer, mug, 1);
  auto body = checkout_body(kApproves);
  body["shipping_address"] = portland();
  const auto placed = checkout(buyer, body);
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto order_id = placed.json().at("orders").at(0).at("id").as_int64();
  const auto path = "/api/orders/" + std::to_string(order_id);
  const auto order = client().get(path, buyer.access_token).json();
  EXPECT_EQ(order.at("shipping_address").at("region").as_string(), "OR");

  // An address stored before regions existed has no such member and reads as before.
  server().app().database().with_session([&](db::Connection& sql) {
    sql.session()
        << "UPDATE orders SET shipping_address = '{\"name\":\"Old\",\"line1\":\"1 Rd\","
           "\"line2\":\"\",\"city\":\"Leeds\",\"postal_code\":\"LS1\",\"country\":\"GB\"}'";
  });
  const auto old = client().get(path, buyer.access_token);
  ASSERT_EQ(old.status, 200) << old.body;
  EXPECT_EQ(old.json().at("shipping_address").at("city").as_string(), "Leeds");
  EXPECT_FALSE(old.json().at("shipping_address").as_object().contains("region"));
}

TEST_P(SavedAddressApi, DeletingTheAccountErasesTheSavedAddress) {
  ASSERT_EQ(put_address(buyer, portland()).status, 200);
  const auto deleted = client().request(
      verb::delete_, "/api/me", R"({"password":"password123"})",
      {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + buyer.access_token}});
  ASSERT_EQ(deleted.status, 204) << deleted.body;
  EXPECT_EQ(count("saved_addresses"), 0);
}

}  // namespace
}  // namespace ps::testing
