#include "api/checkout_test.h"

namespace ps::testing {
namespace {

class ReviewsApi : public CheckoutTest {
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
      expect_problem(reviews, 404, "not-found");
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
  expect_problem(answer, 404, "not-found");
  EXPECT_EQ(answer.body, missing.body);
}

TEST_P(ReviewsApi, ReviewsComeFromBuyersWhoReceivedTheProduct) {
  fill_cart(buyer, mug, 1);
  const auto order_id =
      checkout(buyer, checkout_body(kApproves)).json().at("orders").at(0).at("id").as_int64();
  const std::string reviews = "/api/products/" + std::to_string(mug) + "/reviews";
  const boost::json::object review{{"rating", 4}, {"body", "Lovely glaze"}};
  expect_problem(client().post_json(reviews, review, buyer.access_token), 403,
                 "forbidden");  // not delivered
  act(clay, order_id, "ship", {{"carrier", "DHL"}, {"tracking_number", "JD0002"}});
  act(clay, order_id, "deliver");

  const auto stranger = sign_up("stranger@example.com");
  expect_problem(client().post_json(reviews, review, stranger.access_token), 403, "forbidden");
  expect_problem(client().post_json(reviews, {{"rating", 6}, {"body", "x"}}, buyer.access_token),
                 422, "validation");
  const auto created = client().post_json(reviews, review, buyer.access_token);
  ASSERT_EQ(created.status, 201) << created.body;
  expect_problem(client().post_json(reviews, review, buyer.access_token), 409, "review-exists");
  // The vendor hears of it once (not of the refused ones), with a link to answer.
  const auto told = notifications_of(clay, "new_review");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].at("title").as_string(), "A 4-star review of Mug");
  EXPECT_EQ(told[0].at("body").as_string(), "Lovely glaze");
  EXPECT_EQ(told[0].at("link").as_string(), "/products/" + std::to_string(mug) + "#reviews");
  EXPECT_TRUE(notifications_of(paper, "new_review").empty());

  auto product = client().get("/api/products/" + std::to_string(mug)).json();
  EXPECT_EQ(product.at("rating_count").as_int64(), 1);
  EXPECT_DOUBLE_EQ(product.at("rating_average").as_double(), 4.0);

  const std::string review_url =
      "/api/reviews/" + std::to_string(created.json().at("id").as_int64());
  expect_problem(patch_json(review_url, {{"rating", 1}}, stranger.access_token), 403, "forbidden");
  EXPECT_EQ(patch_json(review_url, {{"rating", 2}}, buyer.access_token).status, 200);
  product = client().get("/api/products/" + std::to_string(mug)).json();
  EXPECT_DOUBLE_EQ(product.at("rating_average").as_double(), 2.0);

  expect_problem(
      client().post_json(review_url + "/reply", {{"body", "Thanks"}}, paper.access_token), 403,
      "forbidden");
  EXPECT_EQ(
      client().post_json(review_url + "/reply", {{"body", "Thanks!"}}, clay.access_token).status,
      201);
  expect_problem(client().post_json(review_url + "/reply", {{"body", "Again"}}, clay.access_token),
                 409, "review-replied");
  const auto bell = client().get("/api/me/notifications", buyer.access_token).json();
  int replies = 0;  // the reply, once; the rest tell of the order's shipping and delivery
  for (const auto& item : bell.at("items").as_array())
    replies += item.at("kind").as_string() == "review_reply";
  EXPECT_EQ(replies, 1);
  EXPECT_EQ(bell.at("items").at(0).at("kind").as_string(), "review_reply");
  EXPECT_EQ(bell.at("items").at(0).at("body").as_string(), "Thanks!");
  const auto list = client().get(reviews).json();
  EXPECT_EQ(list.at("total").as_int64(), 1);
  EXPECT_EQ(list.at("items").at(0).at("reply").as_string(), "Thanks!");
  EXPECT_EQ(list.at("items").at(0).at("author").at("display_name").as_string(), "Test buyer");

  // A newer review without a reply comes first, and does not show the
  // older one's reply (the list's rows are read into one reused buffer).
  const auto second = sign_up("second@example.com");
  fill_cart(second, mug, 1);
  const auto second_order =
      checkout(second, checkout_body(kApproves)).json().at("orders").at(0).at("id").as_int64();
  act(clay, second_order, "ship", {{"carrier", "DHL"}, {"tracking_number", "JD0003"}});
  act(clay, second_order, "deliver");
  ASSERT_EQ(
      client().post_json(reviews, {{"rating", 5}, {"body", "Great"}}, second.access_token).status,
      201);
  const auto both = client().get(reviews).json();
  EXPECT_EQ(both.at("total").as_int64(), 2);
  EXPECT_EQ(both.at("items").at(0).at("body").as_string(), "Great");
  EXPECT_TRUE(both.at("items").at(0).at("reply").is_null());
  EXPECT_EQ(both.at("items").at(1).at("reply").as_string(), "Thanks!");
  EXPECT_TRUE(client().get(reviews).json().at("items").at(0).at("reply").is_null());
}

// The author may take a review back (the shop's reply goes with it); no one
// else may. The product's rating forgets it, and the buyer may review anew.
TEST_P(ReviewsApi, TheAuthorMayDeleteTheirReview) {
  delivered_order(buyer, clay, mug);
  const std::string reviews = product_url(mug) + "/reviews";
  const auto created =
      client().post_json(reviews, {{"rating", 1}, {"body", "Chipped"}}, buyer.access_token);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string review_url =
      "/api/reviews/" + std::to_string(created.json().at("id").as_int64());
  ASSERT_EQ(
      client().post_json(review_url + "/reply", {{"body", "Sorry!"}}, clay.access_token).status,
      201);

  expect_problem(del(review_url, ""), 401, "unauthorized");
  expect_problem(del(review_url, clay.access_token), 403, "forbidden");  // the shop
  expect_problem(del(review_url, sign_up("stranger@example.com").access_token), 403, "forbidden");
  expect_problem(del("/api/reviews/999999", buyer.access_token), 404, "not-found");
  expect_problem(del("/api/reviews/mine", buyer.access_token), 404, "not-found");
  EXPECT_EQ(client().get(reviews).json().at("total").as_int64(), 1);

  const auto deleted = del(review_url, buyer.access_token);
  EXPECT_EQ(deleted.status, 204) << deleted.body;
  EXPECT_TRUE(deleted.body.empty());
  expect_problem(del(review_url, buyer.access_token), 404, "not-found");
  EXPECT_EQ(client().get(reviews).json().at("total").as_int64(), 0);
  auto product = client().get(product_url(mug)).json();
  EXPECT_EQ(product.at("rating_count").as_int64(), 0);
  EXPECT_TRUE(product.at("rating_average").is_null()) << product;
  EXPECT_TRUE(client()
                  .get(product_url(mug) + "/review-eligibility", buyer.access_token)
                  .json()
                  .at("eligible")
                  .as_bool());

  const auto again = client().post_json(reviews, {{"rating", 4}, {"body", "Replaced, lovely"}},
                                        buyer.access_token);
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_TRUE(again.json().at("reply").is_null());
  product = client().get(product_url(mug)).json();
  EXPECT_EQ(product.at("rating_count").as_int64(), 1);
  EXPECT_DOUBLE_EQ(product.at("rating_average").as_double(), 4.0);
}

// The shop may change its reply or withdraw it; no one else may. The buyer
// heard of the reply once, when it came.
TEST_P(ReviewsApi, TheShopMayEditAndWithdrawItsReply) {
  delivered_order(buyer, clay, mug);
  const std::string reviews = product_url(mug) + "/reviews";
  const auto created =
      client().post_json(reviews, {{"rating", 2}, {"body", "Late"}}, buyer.access_token);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string reply_url =
      "/api/reviews/" + std::to_string(created.json().at("id").as_int64()) + "/reply";
  const auto put = [&](const boost::json::object& body, const std::string& token) {
    return client().request(
        boost::beast::http::verb::put, reply_url, boost::json::serialize(body),
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}});
  };
  expect_problem(put({{"body", "Sorry"}}, clay.access_token), 404, "not-found");  // none yet
  expect_problem(del(reply_url, clay.access_token), 404, "not-found");
  ASSERT_EQ(client()
                .post_json(reply_url, {{"body", "Sorry, the post was slow"}}, clay.access_token)
                .status,
            201);

  expect_problem(put({{"body", "Mine now"}}, paper.access_token), 403, "forbidden");
  expect_problem(put({{"body", "Mine now"}}, buyer.access_token), 403, "forbidden");
  expect_problem(del(reply_url, paper.access_token), 403, "forbidden");
  expect_problem(del(reply_url, ""), 401, "unauthorized");
  expect_problem(put({{"body", ""}}, clay.access_token), 422, "validation");
  expect_problem(del("/api/reviews/999999/reply", clay.access_token), 404, "not-found");

  const auto edited = put({{"body", "Sorry: we have changed couriers since"}}, clay.access_token);
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json().at("reply").as_string(), "Sorry: we have changed couriers since");
  EXPECT_EQ(client().get(reviews).json().at("items").at(0).at("reply").as_string(),
            "Sorry: we have changed couriers since");
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM notifications WHERE kind = 'review_reply'"), 1);

  const auto withdrawn = del(reply_url, clay.access_token);
  EXPECT_EQ(withdrawn.status, 204) << withdrawn.body;
  const auto after = client().get(reviews).json().at("items").at(0);
  EXPECT_TRUE(after.at("reply").is_null()) << after;
  EXPECT_EQ(after.at("body").as_string(), "Late");  // the review stays
  expect_problem(del(reply_url, clay.access_token), 404, "not-found");
  // Withdrawn, the shop may reply anew.
  EXPECT_EQ(client().post_json(reply_url, {{"body", "Again"}}, clay.access_token).status, 201);
}

// Issue 18, point 4: the product page asks whether the viewer may review
// before offering the form; the answer follows create()'s rules.
TEST_P(ReviewsApi, EligibilityTellsWhoMayReviewAndWhyNot) {
  const auto eligibility = [&](std::int64_t product, const std::string& token) {
    const auto answer = client().get(product_url(product) + "/review-eligibility", token);
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.json();
  };
  const auto reason = [&](std::int64_t product, const std::string& token) {
    const auto json = eligibility(product, token);
    return json.at("reason").is_null() ? std::string("eligible")
                                       : std::string(json.at("reason").as_string());
  };
  const auto stranger = sign_up("stranger@example.com");
  fill_cart(buyer, mug, 1);
  const auto order_id =
      checkout(buyer, checkout_body(kApproves)).json().at("orders").at(0).at("id").as_int64();

  EXPECT_EQ(reason(mug, ""), "sign_in");
  EXPECT_EQ(reason(mug, stranger.access_token), "not_received");
  EXPECT_EQ(reason(mug, buyer.access_token), "not_received");  // paid, not delivered
  EXPECT_EQ(reason(mug, clay.access_token), "not_received");   // the vendor
  act(clay, order_id, "ship", {{"carrier", "DHL"}, {"tracking_number", "JD0004"}});
  act(clay, order_id, "deliver");
  const auto may = eligibility(mug, buyer.access_token);
  EXPECT_TRUE(may.at("eligible").as_bool());
  EXPECT_TRUE(may.at("reason").is_null());
  EXPECT_TRUE(may.at("review_id").is_null());
  EXPECT_EQ(reason(card, buyer.access_token), "not_received");  // another product

  const auto created = client().post_json(product_url(mug) + "/reviews",
                                          {{"rating", 5}, {"body", "Lovely"}}, buyer.access_token);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto reviewed = eligibility(mug, buyer.access_token);
  EXPECT_FALSE(reviewed.at("eligible").as_bool());
  EXPECT_EQ(reviewed.at("reason").as_string(), "reviewed");
  EXPECT_EQ(reviewed.at("review_id").as_int64(), created.json().at("id").as_int64());

  // A product the viewer may not see answers as for no product.
  const auto draft =
      create_product(clay.access_token, {{"name", "Secret"}, {"status", "draft"}}).at("id");
  const auto hidden =
      client().get(product_url(draft.as_int64()) + "/review-eligibility", buyer.access_token);
  expect_problem(hidden, 404, "not-found");
  EXPECT_EQ(hidden.body,
            client().get(product_url(999999) + "/review-eligibility", buyer.access_token).body);
}

}  // namespace
}  // namespace ps::testing
