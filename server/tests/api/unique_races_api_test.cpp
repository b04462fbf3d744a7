// Identical requests at the same moment that a unique constraint settles:
// one wins, every other one is told which conflict it lost, never a 500.

#include "api/checkout_test.h"
#include "support/race.h"

namespace ps::testing {
namespace {

class UniqueRaces : public CheckoutTest {
 protected:
  void configure(Config& config) override { config.signup_limit_per_ip = 1000; }
};
POCKETSHOP_API_TEST(UniqueRaces);

TEST_P(UniqueRaces, OneReviewPerBuyerAndProduct) {
  delivered_order(buyer, clay, mug);
  const std::string reviews = "/api/products/" + std::to_string(mug) + "/reviews";

  const auto seen = race([&](int n) {
    return client().post_json(reviews, {{"rating", 1 + n % 5}, {"body", "Same buyer"}},
                              buyer.access_token);
  });
  const std::map<std::string, int> expected{{"201", 1},
                                            {"409 /problems/review-exists", kRacers - 1}};
  EXPECT_EQ(seen, expected);
  auto product = client().get("/api/products/" + std::to_string(mug)).json();
  EXPECT_EQ(product.at("rating_count").as_int64(), 1);
}

// Each edit moves the product's rating sum by its change of rating: edits
// that read the same old rating must not each move it from there.
TEST_P(UniqueRaces, ConcurrentEditsOfAReviewKeepTheProductsRatingExact) {
  delivered_order(buyer, clay, mug);
  const auto created =
      client().post_json("/api/products/" + std::to_string(mug) + "/reviews",
                         {{"rating", 5}, {"body", "First thoughts"}}, buyer.access_token);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string review_url =
      "/api/reviews/" + std::to_string(created.json().at("id").as_int64());

  for (int round = 0; round < 3; ++round) {
    const auto seen = race([&](int n) {
      return patch_json(review_url, {{"rating", 1 + (n + round) % 5}}, buyer.access_token);
    });
    EXPECT_EQ(seen, (std::map<std::string, int>{{"200", kRacers}}));
    const auto product = client().get("/api/products/" + std::to_string(mug)).json();
    EXPECT_EQ(product.at("rating_count").as_int64(), 1);
    EXPECT_EQ(sql_number("SELECT rating_sum FROM products WHERE id = " + std::to_string(mug)),
              sql_number("SELECT rating FROM reviews WHERE id = " +
                         std::to_string(created.json().at("id").as_int64())))
        << "round " << round;
  }
}

// A double-clicked "Delete": one deletion takes the rating out of the
// product's, the others find no review.
TEST_P(UniqueRaces, ConcurrentDeletionsOfAReviewTakeItsRatingOutOnce) {
  const auto other = sign_up("other-buyer@example.com");
  delivered_order(buyer, clay, mug);
  delivered_order(other, clay, mug);
  const std::string reviews = "/api/products/" + std::to_string(mug) + "/reviews";
  const auto created =
      client().post_json(reviews, {{"rating", 5}, {"body", "Mine"}}, buyer.access_token);
  ASSERT_EQ(created.status, 201) << created.body;
  ASSERT_EQ(
      client().post_json(reviews, {{"rating", 2}, {"body", "Theirs"}}, other.access_token).status,
      201);
  const std::string review_url =
      "/api/reviews/" + std::to_string(created.json().at("id").as_int64());

  const auto seen = race([&](int) { return del(review_url, buyer.access_token); });
  EXPECT_EQ(seen,
            (std::map<std::string, int>{{"204", 1}, {"404 /problems/not-found", kRacers - 1}}));
  const auto product = client().get("/api/products/" + std::to_string(mug)).json();
  EXPECT_EQ(product.at("rating_count").as_int64(), 1);
  EXPECT_EQ(sql_number("SELECT rating_sum FROM products WHERE id = " + std::to_string(mug)), 2);
}

// A double-clicked "Delete reply": one withdrawal, the others find none;
// identical edits at once all succeed and leave that text.
TEST_P(UniqueRaces, ConcurrentWithdrawalsOfAReplyRemoveItOnce) {
  delivered_order(buyer, clay, mug);
  const auto created = client().post_json("/api/products/" + std::to_string(mug) + "/reviews",
                                          {{"rating", 3}, {"body", "Fine"}}, buyer.access_token);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string reply_url =
      "/api/reviews/" + std::to_string(created.json().at("id").as_int64()) + "/reply";
  ASSERT_EQ(client().post_json(reply_url, {{"body", "Thanks"}}, clay.access_token).status, 201);

  const auto edits = race([&](int) {
    return client().request(
        boost::beast::http::verb::put, reply_url, R"({"body": "Thank you!"})",
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + clay.access_token}});
  });
  EXPECT_EQ(edits, (std::map<std::string, int>{{"200", kRacers}}));
  EXPECT_EQ(client()
                .get("/api/products/" + std::to_string(mug) + "/reviews")
                .json()
                .at("items")
                .at(0)
                .at("reply")
                .as_string(),
            "Thank you!");

  const auto withdrawals = race([&](int) { return del(reply_url, clay.access_token); });
  EXPECT_EQ(withdrawals,
            (std::map<std::string, int>{{"204", 1}, {"404 /problems/not-found", kRacers - 1}}));
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM reviews WHERE reply IS NOT NULL"), 0);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM reviews"), 1);
}

TEST_P(UniqueRaces, OneShopPerSlug) {
  std::vector<Account> vendors;
  for (int n = 0; n < kRacers; ++n)
    vendors.push_back(sign_up("racer" + std::to_string(n) + "@example.com", "vendor"));
  const auto seen = race([&](int n) {
    return client().post_json("/api/shops",
                              {{"name", "Racer " + std::to_string(n)}, {"slug", "the-one"}},
                              vendors[static_cast<std::size_t>(n)].access_token);
  });
  const std::map<std::string, int> expected{{"201", 1},
                                            {"409 /problems/shop-slug-taken", kRacers - 1}};
  EXPECT_EQ(seen, expected);
}

TEST_P(UniqueRaces, OneShopPerVendor) {
  const auto vendor = sign_up("twin-shops@example.com", "vendor");
  const auto seen = race([&](int n) {
    return client().post_json("/api/shops", {{"name", "Twin " + std::to_string(n)}},
                              vendor.access_token);
  });
  const std::map<std::string, int> expected{{"201", 1}, {"409 /problems/shop-exists", kRacers - 1}};
  EXPECT_EQ(seen, expected);
}

TEST_P(UniqueRaces, OneAccountPerEmail) {
  const auto seen = race([&](int) {
    return client().post_json("/api/auth/register", {{"email", "twin@example.com"},
                                                     {"password", "password123"},
                                                     {"display_name", "Twin"},
                                                     {"role", "buyer"}});
  });
  const std::map<std::string, int> expected{{"201", 1}, {"409 /problems/email-taken", kRacers - 1}};
  EXPECT_EQ(seen, expected);
}

}  // namespace
}  // namespace ps::testing
