#include "core/errors.h"
#include "core/embedded_file.h"
#include "http/problems.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <set>
#include <string>

namespace ps {
namespace {

TEST(Errors, ProblemJsonHasTheRfc9457Members) {
  const auto json = http::problem_json(ApiError::not_found("No shop called x"));
  EXPECT_EQ(json.at("type").as_string(), "/problems/not-found");
  EXPECT_EQ(json.at("title").as_string(), "Not found");
  EXPECT_EQ(json.at("status").as_int64(), 404);
  EXPECT_EQ(json.at("detail").as_string(), "No shop called x");
  EXPECT_FALSE(json.contains("errors"));
}

TEST(Errors, ValidationListsEveryFieldMessage) {
  const auto error = ApiError::validation(
      {{"email", {"is required"}}, {"password", {"must be at least 8 characters"}}});
  EXPECT_EQ(http::status_of(error), 422);
  const auto json = http::problem_json(error);
  EXPECT_EQ(json.at("errors").at("email").at(0).as_string(), "is required");
  EXPECT_EQ(json.at("errors").at("password").at(0).as_string(), "must be at least 8 characters");
}

TEST(Errors, StatusSpecificHeaders) {
  const auto limited = ApiError::too_many_requests(17);
  EXPECT_EQ(http::status_of(limited), 429);
  ASSERT_EQ(limited.headers().size(), 1u);
  EXPECT_EQ(limited.headers()[0].first, "Retry-After");
  EXPECT_EQ(limited.headers()[0].second, "17");
  EXPECT_EQ(ApiError::method_not_allowed("GET, POST").headers()[0].second, "GET, POST");
  EXPECT_EQ(ApiError::unauthorized("x").headers()[0].first, "WWW-Authenticate");
}

TEST(Errors, InternalErrorRevealsNothing) {
  const auto json = http::problem_json(ApiError::internal());
  EXPECT_EQ(json.at("status").as_int64(), 500);
  EXPECT_EQ(json.at("detail").as_string().find("exception"), std::string::npos);
}

TEST(Errors, TheCauseNeverReachesTheClient) {
  const auto error = ApiError(ErrorCode::payment_gateway, "The provider refused.")
                         .with_cause("gateway said: card_4242 token tok_secret");
  const auto text = boost::json::serialize(http::problem_json(error));
  EXPECT_EQ(text.find("tok_secret"), std::string::npos) << text;
  EXPECT_EQ(error.cause(), "gateway said: card_4242 token tok_secret");
}

TEST(Errors, ExtensionMembersAreSent) {
  const auto error =
      ApiError(ErrorCode::out_of_stock, "Only 2 left.").with_member("product_id", 42);
  const auto json = http::problem_json(error);
  EXPECT_EQ(json.at("type").as_string(), "/problems/out-of-stock");
  EXPECT_EQ(json.at("status").as_int64(), 409);
  EXPECT_EQ(json.at("product_id").as_int64(), 42);
}

// Every code has its own problem type, and the OpenAPI document lists
// exactly the types the table has, each with the same status and title.
TEST(Errors, EveryCodeHasADistinctTypeDocumentedInOpenApi) {
  const auto document = boost::json::parse(embedded_openapi().front().content);
  const auto& components = document.at("components").as_object();
  const auto& documented = components.at("x-problem-types").as_object();
  const auto& listed =
      components.at("schemas").at("Problem").at("properties").at("type").at("enum").as_array();
  std::set<std::string> slugs, listed_types;
  for (const auto& type : listed) listed_types.insert(std::string(type.as_string()));
  ASSERT_EQ(http::problem_types().size(), static_cast<std::size_t>(kErrorCodeCount));
  for (const auto& type : http::problem_types()) {
    const std::string slug(type.slug);
    EXPECT_TRUE(slugs.insert(slug).second) << "two codes share " << slug;
    EXPECT_EQ(&http::problem_type(type.code), &type);
    ASSERT_TRUE(documented.contains(slug)) << slug << " is not in x-problem-types";
    EXPECT_EQ(documented.at(slug).at("status").as_int64(), type.status) << slug;
    EXPECT_EQ(documented.at(slug).at("title").as_string(), type.title) << slug;
    EXPECT_TRUE(listed_types.contains("/problems/" + slug)) << slug << " is not in Problem.type";
  }
  EXPECT_EQ(documented.size(), slugs.size()) << "x-problem-types documents a type the server lacks";
  EXPECT_EQ(listed_types.size(), slugs.size()) << "Problem.type lists a type the server lacks";
}

}  // namespace
}  // namespace ps
