// The vendor's dashboard: revenue by day, top products, low stock.
#include "api/checkout_test.h"

namespace ps::testing {
namespace {

class DashboardApi : public CheckoutTest {};
POCKETSHOP_API_TEST(DashboardApi);

TEST_P(DashboardApi, DashboardShowsRevenueTopProductsAndLowStock) {
  fill_cart(buyer, mug, 2);
  ASSERT_EQ(checkout(buyer, checkout_body(kApproves)).status, 201);
  const auto result = client().get("/api/dashboard", clay.access_token);
  ASSERT_EQ(result.status, 200) << result.body;
  const auto json = result.json().as_object();
  EXPECT_EQ(json.at("currency").as_string(), "USD");
  const auto& days = json.at("revenue_by_day").as_array();
  ASSERT_EQ(days.size(), 30u);
  EXPECT_EQ(days.back().at("revenue_cents").as_int64(), 5000);
  EXPECT_EQ(days.back().at("orders").as_int64(), 1);
  EXPECT_EQ(days.front().at("revenue_cents").as_int64(), 0);
  EXPECT_EQ(json.at("top_products").at(0).at("units").as_int64(), 2);
  EXPECT_EQ(json.at("low_stock").at(0).at("inventory").as_int64(), 1);
  expect_problem(client().get("/api/dashboard", buyer.access_token), 403, "forbidden");
}

TEST_P(DashboardApi, DashboardRevenueLeavesOutCancelledOrders) {
  fill_cart(buyer, mug, 1);
  ASSERT_EQ(checkout(buyer, checkout_body(kApproves)).status, 201);
  fill_cart(buyer, mug, 2);
  const auto cancelled =
      checkout(buyer, checkout_body(kApproves)).json().at("orders").at(0).at("id").as_int64();
  ASSERT_EQ(act(buyer, cancelled, "cancel").status, 200);

  const auto json = client().get("/api/dashboard", clay.access_token).json();
  const auto& today = json.at("revenue_by_day").as_array().back();
  EXPECT_EQ(today.at("revenue_cents").as_int64(), 2500);
  EXPECT_EQ(today.at("orders").as_int64(), 1);
  EXPECT_EQ(json.at("top_products").at(0).at("units").as_int64(), 1);
  EXPECT_EQ(json.at("top_products").at(0).at("revenue_cents").as_int64(), 2500);
}

}  // namespace
}  // namespace ps::testing
