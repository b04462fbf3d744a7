// Deleting an account and downloading one's data (issue 17): the shops keep
// the orders without the buyer's personal data; a vendor leaves only once
// the shop owes and is owed nothing.

#include "api/account_test.h"
#include "api/checkout_test.h"
#include "notifications/service.h"

namespace ps::testing {
namespace {

class AccountData : public CheckoutTest {
 protected:
  HttpResult delete_account(const Account& who, const std::string& password) {
    return client().request(
        verb::delete_, "/api/me",
        boost::json::serialize(boost::json::object{{"password", password}}),
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + who.access_token}});
  }

  std::int64_t buy(const Account& who, std::int64_t product) {
    fill_cart(who, product, 1);
    const auto result = checkout(who, checkout_body(kApproves));
    EXPECT_EQ(result.status, 201) << result.body;
    return result.json().at("orders").at(0).at("id").as_int64();
  }

  boost::json::object order_as(const Account& who, std::int64_t order) {
    const auto result = client().get("/api/orders/" + std::to_string(order), who.access_token);
    EXPECT_EQ(result.status, 200) << result.body;
    return result.json().as_object();
  }
};
POCKETSHOP_API_TEST(AccountData);

TEST_P(AccountData, ADeletedBuyersOrdersStayWithTheShopWithoutTheirDetails) {
  const auto order = buy(buyer, mug);
  server().app().database().transaction([&](db::Connection& sql) {
    notifications::notify(sql, {buyer.id, "refund", "A refund", "", "/orders/1"});
  });
  ASSERT_EQ(order_as(clay, order).at("shipping_address").at("name").as_string(), "Sam Buyer");
  server().app().jobs().run_due();  // the receipt and the welcome mail are delivered
  const std::string mails_kept =
      "SELECT COUNT(*) FROM mail_outbox WHERE to_user_id = " + std::to_string(buyer.id) +
      " AND kind <> 'account_deleted'";
  ASSERT_GE(sql_number(mails_kept), 2);

  EXPECT_EQ(delete_account(buyer, "password123").status, 204);
  EXPECT_EQ(sql_number(mails_kept), 0);  // the mails it was sent, with its address in them
  const auto kept = order_as(clay, order);
  EXPECT_EQ(kept.at("shipping_address").at("name").as_string(), "Deleted user");
  EXPECT_EQ(kept.at("shipping_address").at("line1").as_string(), "");
  EXPECT_EQ(kept.at("shipping_address").at("city").as_string(), "");
  EXPECT_EQ(kept.at("buyer").at("display_name").as_string(), "Deleted user");
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM users WHERE email = 'buyer@example.com'"), 0);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM orders WHERE shipping_address LIKE '%Leeds%'"), 0);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM checkouts WHERE shipping_address LIKE '%Leeds%'"), 0);

  // The person is gone: no session, no sign-in; the address is free again.
  expect_problem(client().get("/api/me", buyer.access_token), 401, "unauthorized");
  expect_problem(client().post_json("/api/auth/refresh", {{"refresh_token", buyer.refresh_token}}),
                 401, "unauthorized");
  expect_problem(client().post_json("/api/auth/login",
                                    {{"email", "buyer@example.com"}, {"password", "password123"}}),
                 401, "unauthorized");
  EXPECT_EQ(mails_to("buyer@example.com").back().kind, "account_deleted");
  EXPECT_EQ(
      sql_number("SELECT COUNT(*) FROM notifications WHERE user_id = " + std::to_string(buyer.id)),
      0);
  sign_up("buyer@example.com");
}

TEST_P(AccountData, DeletingNeedsThePassword) {
  expect_problem(delete_account(buyer, "wrong-password"), 403, "password-incorrect");
  expect_problem(client().request(verb::delete_, "/api/me", "{}",
                                  {{"Content-Type", "application/json"},
                                   {"Authorization", "Bearer " + buyer.access_token}}),
                 422, "validation");
  EXPECT_EQ(client().get("/api/me", buyer.access_token).status, 200);
}

TEST_P(AccountData, AVendorLeavesOnlyOnceTheShopOwesAndIsOwedNothing) {
  const auto order = buy(buyer, mug);
  expect_problem(delete_account(clay, "password123"), 409, "account-in-use");
  ASSERT_EQ(act(clay, order, "cancel", {{"reason", "out of clay"}}).status, 200);

  EXPECT_EQ(delete_account(clay, "password123").status, 204);
  // Nothing more can be bought from the shop; its orders stay.
  EXPECT_NE(
      client()
          .post_json("/api/cart/items", {{"product_id", mug}, {"quantity", 1}}, buyer.access_token)
          .status,
      200);
  const auto kept = order_as(buyer, order);
  EXPECT_EQ(kept.at("status").as_string(), "cancelled");
  // The order says its shop closed (nobody there answers any more); another
  // shop's order does not.
  EXPECT_TRUE(kept.at("shop").at("closed_at").is_string());
  const auto other = buy(buyer, card);
  EXPECT_TRUE(order_as(buyer, other).at("shop").at("closed_at").is_null());
  ASSERT_EQ(act(paper, other, "cancel", {{"reason", "sold out"}}).status, 200);
  // A vendor without orders leaves at once.
  EXPECT_EQ(delete_account(paper, "password123").status, 204);
}

TEST_P(AccountData, AClosedShopLeavesTheDirectoryAndItsPageSaysSo) {
  const auto mug_json = client().get("/api/products/" + std::to_string(mug)).json();
  const std::string clay_shop =
      "/api/shops/" + std::string(mug_json.at("shop").at("slug").as_string());
  auto directory = [&](const std::string& query) {
    const auto result = client().get("/api/shops" + query);
    EXPECT_EQ(result.status, 200) << result.body;
    const auto page = result.json();
    std::vector<std::string> names;
    for (const auto& shop : page.at("items").as_array())
      names.emplace_back(shop.at("name").as_string());
    return std::pair{names, page.at("total").as_int64()};
  };
  using Names = std::vector<std::string>;
  ASSERT_EQ(directory("?sort=name"), std::pair(Names{"Clay Studio", "Paper Goods"}, 2L));
  EXPECT_TRUE(client().get(clay_shop).json().at("closed_at").is_null());

  ASSERT_EQ(delete_account(clay, "password123").status, 204);
  // Out of the directory and its counts, whatever the sort or the filter.
  EXPECT_EQ(directory("?sort=name"), std::pair(Names{"Paper Goods"}, 1L));
  EXPECT_EQ(directory("?sort=products"), std::pair(Names{"Paper Goods"}, 1L));
  EXPECT_EQ(directory(""), std::pair(Names{"Paper Goods"}, 1L));
  EXPECT_EQ(directory("?q=clay"), std::pair(Names{}, 0L));
  // Its page stays for the buyers whose orders name it, marked closed, empty.
  const auto page = client().get(clay_shop);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(page.json().at("closed_at").is_string());
  EXPECT_EQ(page.json().at("products").at("total").as_int64(), 0);
  expect_problem(client().get("/api/products/" + std::to_string(mug)), 404, "not-found");
  // A shop that opens later is counted.
  vendor_with_shop("stone@example.com", "Stone Works");
  EXPECT_EQ(directory("?sort=name"), std::pair(Names{"Paper Goods", "Stone Works"}, 2L));
}

TEST_P(AccountData, OfConcurrentIdenticalDeletionsOneDeletes) {
  buy(buyer, mug);
  const auto seen = race([&](int) { return delete_account(buyer, "password123"); });
  EXPECT_EQ(seen.at("204"), 1);
  EXPECT_EQ(seen.at("204") + seen.at("401 /problems/unauthorized"), kRacers);
  std::size_t goodbyes = 0;
  for (const auto& mail : mails_to("buyer@example.com"))
    goodbyes += mail.kind == "account_deleted" ? 1 : 0;
  EXPECT_EQ(goodbyes, 1u);
}

TEST_P(AccountData, TheExportHoldsProfileAddressesOrdersAndReviews) {
  const auto order = buy(buyer, mug);
  ASSERT_EQ(ship(clay, order).status, 200);
  ASSERT_EQ(act(clay, order, "deliver").status, 200);
  ASSERT_EQ(client()
                .post_json("/api/products/" + std::to_string(mug) + "/reviews",
                           {{"rating", 5}, {"body", "Lovely mug"}}, buyer.access_token)
                .status,
            201);

  server().app().database().transaction([&](db::Connection& sql) {
    notifications::notify(sql, {buyer.id, "order_shipped", "Your order shipped", "", "/orders/1"});
  });
  expect_problem(client().get("/api/me/export"), 401, "unauthorized");
  const auto exported = client().get("/api/me/export", buyer.access_token);
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_THAT(exported.header("content-disposition"), ::testing::StartsWith("attachment"));
  const auto data = exported.json().as_object();
  EXPECT_EQ(data.at("profile").at("email").as_string(), "buyer@example.com");
  EXPECT_EQ(data.at("addresses").as_array().size(), 1u);
  EXPECT_EQ(data.at("addresses").at(0).at("city").as_string(), "Leeds");
  const auto& orders = data.at("orders").as_array();
  ASSERT_EQ(orders.size(), 1u);
  EXPECT_EQ(orders[0].at("shop").as_string(), "Clay Studio");
  EXPECT_EQ(orders[0].at("items").at(0).at("name").as_string(), "Mug");
  EXPECT_EQ(data.at("reviews").at(0).at("body").as_string(), "Lovely mug");
  EXPECT_TRUE(data.at("shop").is_null());
  const auto& notifications = data.at("notifications").as_array();
  EXPECT_TRUE(std::any_of(notifications.begin(), notifications.end(), [](const auto& item) {
    return item.at("title").as_string() == "Your order shipped";
  }));

  const auto vendor_data = client().get("/api/me/export", clay.access_token).json();
  EXPECT_EQ(vendor_data.at("shop").at("name").as_string(), "Clay Studio");
  EXPECT_TRUE(vendor_data.at("orders").as_array().empty());
}

// What a person said and showed is theirs to take too: both parties'
// messages of each conversation, and every image the person uploaded.
TEST_P(AccountData, TheExportHoldsConversationsAndUploads) {
  const auto photo = upload_image(buyer.access_token);
  const auto started = client().post_json(
      "/api/conversations", {{"shop_id", clay_shop}, {"body", "Is this glaze food-safe?"}},
      buyer.access_token);
  ASSERT_EQ(started.status, 201) << started.body;
  const auto thread = "/api/conversations/" +
                      std::to_string(started.json().at("conversation").at("id").as_int64()) +
                      "/messages";
  ASSERT_EQ(
      client()
          .post_json(thread, {{"body", "This one"}, {"image_ids", {photo}}}, buyer.access_token)
          .status,
      201);
  ASSERT_EQ(client().post_json(thread, {{"body", "Yes, it is."}}, clay.access_token).status, 201);

  const auto data = client().get("/api/me/export", buyer.access_token).json();
  const auto& conversations = data.at("conversations").as_array();
  ASSERT_EQ(conversations.size(), 1u);
  EXPECT_EQ(conversations[0].at("shop").as_string(), "Clay Studio");
  EXPECT_EQ(conversations[0].at("as").as_string(), "buyer");
  const auto& messages = conversations[0].at("messages").as_array();
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_EQ(messages[0].at("body").as_string(), "Is this glaze food-safe?");
  EXPECT_TRUE(messages[0].at("from_me").as_bool());
  EXPECT_EQ(messages[1].at("image_ids"), boost::json::array({photo}));
  EXPECT_EQ(messages[2].at("body").as_string(), "Yes, it is.");
  EXPECT_FALSE(messages[2].at("from_me").as_bool());
  const auto& images = data.at("images").as_array();
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].at("id").as_int64(), photo);
  EXPECT_TRUE(images[0].at("urls").at("large").as_string().starts_with("/media/"));
  EXPECT_FALSE(images[0].at("uploaded_at").as_string().empty());

  // The shop's side of the same conversation.
  const auto vendor_data = client().get("/api/me/export", clay.access_token).json();
  const auto& vendor_view = vendor_data.at("conversations").at(0);
  EXPECT_EQ(vendor_view.at("as").as_string(), "vendor");
  EXPECT_FALSE(vendor_view.at("messages").at(0).at("from_me").as_bool());
  EXPECT_TRUE(vendor_view.at("messages").at(2).at("from_me").as_bool());
  EXPECT_TRUE(vendor_data.at("images").as_array().empty());
  // Nobody else sees it.
  const auto stranger = sign_up("stranger@example.com");
  const auto stranger_data = client().get("/api/me/export", stranger.access_token).json();
  EXPECT_TRUE(stranger_data.at("conversations").as_array().empty());
}

}  // namespace
}  // namespace ps::testing
