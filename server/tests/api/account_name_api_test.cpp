// A person's name (PATCH /api/me): they change what they typed at sign-up,
// and the shops see the new name on the orders and in the messages written
// before, as the reviews do.

#include "api/checkout_test.h"
#include "support/race.h"

namespace ps::testing {
namespace {

using boost::beast::http::verb;

class AccountName : public CheckoutTest {
 protected:
  HttpResult rename(const Account& who, const boost::json::value& display_name) {
    return patch_json("/api/me", boost::json::object{{"display_name", display_name}},
                      who.access_token);
  }

  std::string name_of(const Account& who) {
    return std::string(
        client().get("/api/me", who.access_token).json().at("display_name").as_string());
  }
};
POCKETSHOP_API_TEST(AccountName);

TEST_P(AccountName, ShopsSeeTheNewNameOnOrdersAndMessages) {
  fill_cart(buyer, mug, 1);
  const auto placed = checkout(buyer, checkout_body(kApproves));
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto order_id = placed.json().at("orders").at(0).at("id").as_int64();
  const auto asked = client().post_json(
      "/api/conversations", {{"shop_id", clay_shop}, {"body", "Gift wrap?"}}, buyer.access_token);
  ASSERT_EQ(asked.status, 201) << asked.body;

  const auto renamed = rename(buyer, "  Robin Quill ");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json().at("display_name").as_string(), "Robin Quill");  // trimmed
  EXPECT_EQ(renamed.json().at("email").as_string(), buyer.email);
  EXPECT_EQ(renamed.json().at("role").as_string(), "buyer");
  EXPECT_EQ(name_of(buyer), "Robin Quill");

  const auto order = client().get("/api/orders/" + std::to_string(order_id), clay.access_token);
  ASSERT_EQ(order.status, 200) << order.body;
  EXPECT_EQ(order.json().at("buyer").at("display_name").as_string(), "Robin Quill");
  const auto inbox = client().get("/api/conversations", clay.access_token).json();
  EXPECT_EQ(inbox.at("items").at(0).at("buyer").at("display_name").as_string(), "Robin Quill");
  // A vendor renames themselves the same way.
  ASSERT_EQ(rename(clay, "Clay's maker").status, 200);
  EXPECT_EQ(name_of(clay), "Clay's maker");
  EXPECT_EQ(name_of(buyer), "Robin Quill");
}

TEST_P(AccountName, ANameIsOneToEightyCharactersOfText) {
  const std::string before = name_of(buyer);
  for (const boost::json::value& bad :
       {boost::json::value(""), boost::json::value("   "), boost::json::value(std::string(81, 'n')),
        boost::json::value(nullptr), boost::json::value(42), boost::json::value("Bo\x01")}) {
    SCOPED_TRACE(boost::json::serialize(bad));
    expect_problem(rename(buyer, bad), 422, "validation");
  }
  for (const char* line_break : {"Bo\nBoss", "Bo\r\nX-Spam: 1", "Bo\xc2\x85"}) {
    expect_problem(rename(buyer, line_break), 422, "validation");
    expect_problem(client().post_json("/api/auth/register", {{"email", "bo2@example.com"},
                                                             {"password", "password123"},
                                                             {"display_name", line_break},
                                                             {"role", "buyer"}}),
                   422, "validation");
  }
  expect_problem(patch_json("/api/me", boost::json::object{}, buyer.access_token), 422,
                 "validation");
  expect_problem(client().request(verb::patch, "/api/me", "{\"display_name\":",
                                  {{"Content-Type", "application/json"},
                                   {"Authorization", "Bearer " + buyer.access_token}}),
                 400, "bad-request");
  expect_problem(rename(Account{}, "Nobody"), 401, "unauthorized");
  EXPECT_EQ(name_of(buyer), before);
  // Eighty characters, emoji counted as one each, are fine.
  const std::string longest = std::string(76, 'n') + "🌱🌱🌱🌱";
  ASSERT_EQ(rename(buyer, boost::json::value(longest)).status, 200);
  EXPECT_EQ(name_of(buyer), longest);
}

TEST_P(AccountName, ConcurrentIdenticalRenamesAllAnswerTheSameName) {
  const auto seen = race([&](int) { return rename(buyer, "Sam Sender"); });
  EXPECT_EQ(seen, (std::map<std::string, int>{{"200", kRacers}}));
  EXPECT_EQ(name_of(buyer), "Sam Sender");
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM users WHERE display_name = 'Sam Sender'"), 1);
}

TEST_P(AccountName, ADeletedAccountCannotBeRenamed) {
  const auto gone = sign_up("leaving@example.com");
  const auto deleted = client().request(
      verb::delete_, "/api/me", R"({"password":"password123"})",
      {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + gone.access_token}});
  ASSERT_EQ(deleted.status, 204) << deleted.body;
  expect_problem(rename(gone, "Back again"), 401, "unauthorized");
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM users WHERE display_name = 'Back again'"), 0);
}

}  // namespace
}  // namespace ps::testing
