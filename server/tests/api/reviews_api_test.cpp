#include "support/marketplace.h"

namespace ps::testing {
namespace {

class ReviewsApi : public TwoShopsTest {
 protected:
  static std::string product_url(std::int64_t id) { return "/api/products/" + std::to_string(id); }
};
POCKETSHOP_API_TEST(ReviewsApi);

// Issue 15, item 8: the reviews of a draft answered 200 where the product
// answered 404, telling anyone that the draft exists.
TEST_P(ReviewsApi, AProductsReviewsAreSeenByWhoeverMaySeeTheProduct) {
  const auto draft =
      create_product(clay.access_token, {{"name", "Secret"}, {"status", "draft"}}).at("id");
  const auto archived = create_product(clay.access_token, {{"name", "Old"}}).at("id").as_int64();
  ASSERT_EQ(del(product_url(archived), clay.access_token).status, 204);
  const std::int64_t missing = 999999;

  struct Case {
    const char* name;
    std::int64_t product;
    std::string token;
    int status;
  };
  const Case cases[] = {
      {"active, guest", mug, "", 200},
      {"active, buyer", mug, buyer.access_token, 200},
      {"draft, guest", draft.as_int64(), "", 404},
      {"draft, buyer", draft.as_int64(), buyer.access_token, 404},
      {"draft, another vendor", draft.as_int64(), paper.access_token, 404},
      {"draft, its owner", draft.as_int64(), clay.access_token, 200},
      {"archived, guest", archived, "", 404},
      {"archived, its owner", archived, clay.access_token, 404},
      {"missing, guest", missing, "", 404},
  };
  const auto not_found = client().get(product_url(missing) + "/reviews");
  for (const auto& c : cases) {
    const auto product = client().get(product_url(c.product), c.token);
    const auto reviews = client().get(product_url(c.product) + "/reviews", c.token);
    EXPECT_EQ(product.status, c.status) << c.name;
    EXPECT_EQ(reviews.status, c.status) << c.name << ": " << reviews.body;
    if (c.status == 404) {
      expect_problem(reviews, 404);
      EXPECT_EQ(reviews.body, not_found.body) << c.name;  // the same answer as for no product
    }
  }
}

TEST_P(ReviewsApi, ReviewingADraftAnswersAsForNoProduct) {
  const auto draft =
      create_product(clay.access_token, {{"name", "Secret"}, {"status", "draft"}}).at("id");
  const boost::json::object review{{"rating", 5}, {"body", "Lovely"}};
  const auto answer =
      client().post_json(product_url(draft.as_int64()) + "/reviews", review, buyer.access_token);
  const auto missing =
      client().post_json(product_url(999999) + "/reviews", review, buyer.access_token);
  expect_problem(answer, 404);
  EXPECT_EQ(answer.body, missing.body);
}

}  // namespace
}  // namespace ps::testing
