// Orders after checkout: their lifecycle, what each change does to stock and
// to the payment, and the vendor's list.
#include "api/checkout_test.h"

#include <map>

namespace ps::testing {
namespace {

class OrdersApi : public CheckoutTest {};
POCKETSHOP_API_TEST(OrdersApi);

TEST_P(OrdersApi, OrdersMoveThroughTheirLifecycle) {
  fill_cart(buyer, mug, 1);
  const auto order_id =
      checkout(buyer, checkout_body(kApproves)).json().at("orders").at(0).at("id").as_int64();

  expect_problem(act(buyer, order_id, "process"), 403, "forbidden");
  expect_problem(act(paper, order_id, "process"), 404, "not-found");   // another vendor's order
  expect_problem(act(clay, order_id, "deliver"), 409, "order-state");  // not shipped yet
  EXPECT_EQ(act(clay, order_id, "process").json().at("status").as_string(), "processing");
  expect_problem(act(clay, order_id, "ship", {{"carrier", "DHL"}}), 422, "validation");
  const auto shipped =
      act(clay, order_id, "ship", {{"carrier", "DHL"}, {"tracking_number", "JD0001"}});
  ASSERT_EQ(shipped.status, 200) << shipped.body;
  EXPECT_EQ(shipped.json().at("tracking_number").as_string(), "JD0001");
  EXPECT_EQ(shipped.json().at("payment_status").as_string(), "captured");
  expect_problem(act(buyer, order_id, "cancel"), 409, "order-state");  // too late
  EXPECT_EQ(act(clay, order_id, "deliver").json().at("status").as_string(), "delivered");
  expect_problem(act(clay, order_id, "process"), 409, "order-state");

  const auto seen = client().get("/api/orders/" + std::to_string(order_id), buyer.access_token);
  const auto events = seen.json().at("events").as_array();
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].at("status").as_string(), "paid");
  EXPECT_EQ(events[2].at("status").as_string(), "shipped");
  EXPECT_EQ(events[2].at("actor").as_string(), "vendor");
  EXPECT_EQ(events[3].at("status").as_string(), "delivered");

  const auto refunded = act(clay, order_id, "refund", {{"reason", "Arrived broken"}});
  ASSERT_EQ(refunded.status, 200) << refunded.body;
  EXPECT_EQ(refunded.json().at("payment_status").as_string(), "refunded");

  expect_problem(client().get("/api/orders/" + std::to_string(order_id), paper.access_token), 404,
                 "not-found");
  const auto stranger = sign_up("stranger@example.com");
  expect_problem(client().get("/api/orders/" + std::to_string(order_id), stranger.access_token),
                 404, "not-found");
}

TEST_P(OrdersApi, AGatewayRefusalIs502AndChangesNothing) {
  fill_cart(buyer, mug, 1);
  const auto order_id =
      checkout(buyer, checkout_body(kApproves)).json().at("orders").at(0).at("id").as_int64();
  // As if the gateway had lost the authorization: it knows no such payment intent.
  server().app().database().with_session([](db::Connection& sql) {
    sql.session() << "UPDATE payments SET authorization_id = 'pi_thegatewaylostthis'";
  });
  expect_problem(act(clay, order_id, "ship", {{"carrier", "DHL"}, {"tracking_number", "JD9"}}), 502,
                 "payment-gateway");
  expect_problem(act(buyer, order_id, "cancel"), 502, "payment-gateway");
  const auto order = client().get("/api/orders/" + std::to_string(order_id), buyer.access_token);
  EXPECT_EQ(order.json().at("status").as_string(), "paid");
  EXPECT_EQ(order.json().at("events").as_array().size(), 1u);
  EXPECT_EQ(inventory(mug), 2);
}

TEST_P(OrdersApi, CancellingRestocksAndReleasesThePayment) {
  fill_cart(buyer, mug, 2);
  fill_cart(buyer, card, 1);
  const auto placed = checkout(buyer, checkout_body(kApproves)).json();
  const auto mug_order = placed.at("orders").at(0).at("id").as_int64();
  const auto card_order = placed.at("orders").at(1).at("id").as_int64();
  EXPECT_EQ(inventory(mug), 1);

  const auto by_buyer = act(buyer, mug_order, "cancel");
  ASSERT_EQ(by_buyer.status, 200) << by_buyer.body;
  EXPECT_EQ(by_buyer.json().at("status").as_string(), "cancelled");
  EXPECT_EQ(by_buyer.json().at("payment_status").as_string(), "voided");
  EXPECT_EQ(inventory(mug), 3);
  expect_problem(act(buyer, mug_order, "cancel"), 409, "order-state");

  expect_problem(act(paper, card_order, "cancel"), 422,
                 "validation");  // the shop must give a reason
  const auto by_vendor = act(paper, card_order, "cancel", {{"reason", "Out of ink"}});
  ASSERT_EQ(by_vendor.status, 200);
  EXPECT_EQ(by_vendor.json().at("events").as_array().back().at("actor").as_string(), "vendor");
  EXPECT_EQ(inventory(card), 50);
}

TEST_P(OrdersApi, VendorSeesItsOrdersNewestFirstAndFiltered) {
  for (int i = 0; i < 2; ++i) {
    fill_cart(buyer, mug, 1);
    ASSERT_EQ(checkout(buyer, checkout_body(kApproves)).status, 201);
  }
  const auto orders = client().get("/api/my/shop/orders", clay.access_token);
  ASSERT_EQ(orders.status, 200) << orders.body;
  EXPECT_EQ(orders.json().at("total").as_int64(), 2);
  const auto newest = orders.json().at("items").at(0).at("id").as_int64();
  const auto older = orders.json().at("items").at(1).at("id").as_int64();
  EXPECT_GT(newest, older);
  act(clay, newest, "process");
  EXPECT_EQ(client()
                .get("/api/my/shop/orders?status=processing", clay.access_token)
                .json()
                .at("total")
                .as_int64(),
            1);
  EXPECT_EQ(client().get("/api/my/shop/orders", paper.access_token).json().at("total").as_int64(),
            0);
  expect_problem(client().get("/api/my/shop/orders?status=lost", clay.access_token), 422,
                 "validation");
  expect_problem(client().get("/api/my/shop/orders", buyer.access_token), 403, "forbidden");
}

// Issue 18, point 7: the order lists name each order's products and show
// each one's main image as a thumbnail (null for a product without one),
// read for the whole page at once.
TEST_P(OrdersApi, OrderListsShowEachItemsNameAndThumbnail) {
  const auto image = upload_image(clay.access_token);
  boost::json::array images_of_mug;
  images_of_mug.push_back(boost::json::object{{"image_id", image}, {"alt_text", "Mug"}});
  const auto changed =
      patch_json("/api/products/" + std::to_string(mug),
                 boost::json::object{{"images", images_of_mug}}, clay.access_token);
  ASSERT_EQ(changed.status, 200) << changed.body;
  fill_cart(buyer, mug, 1);
  fill_cart(buyer, card, 2);
  ASSERT_EQ(checkout(buyer, checkout_body(kApproves)).status, 201);

  const auto mine = client().get("/api/orders", buyer.access_token).json().at("items");
  ASSERT_EQ(mine.as_array().size(), 2u);
  std::map<std::string, boost::json::value> images;  // by product name
  for (const auto& order : mine.as_array())
    for (const auto& item : order.at("items").as_array())
      images[std::string(item.at("name").as_string())] = item.at("image");
  ASSERT_EQ(images.size(), 2u);
  ASSERT_TRUE(images.at("Mug").is_object()) << images.at("Mug");
  EXPECT_EQ(images.at("Mug").at("id").as_int64(), image);
  EXPECT_EQ(images.at("Mug").at("alt_text").as_string(), "Mug");
  EXPECT_TRUE(images.at("Mug").at("urls").at("small").as_string().starts_with("/media/"));
  EXPECT_TRUE(images.at("Card").is_null());

  const auto shop = client().get("/api/my/shop/orders", clay.access_token).json().at("items");
  EXPECT_EQ(shop.at(0).at("items").at(0).at("image").at("id").as_int64(), image);
  const auto one = client().get("/api/orders/" + std::to_string(shop.at(0).at("id").as_int64()),
                                buyer.access_token);
  EXPECT_EQ(one.json().at("items").at(0).at("image").at("id").as_int64(), image);
}

}  // namespace
}  // namespace ps::testing
