#include "core/errors.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace ps {
namespace {

TEST(Errors, ProblemJsonHasTheRfc9457Members) {
  const auto json = ApiError::not_found("No shop called x").to_json().as_object();
  EXPECT_EQ(json.at("type").as_string(), "/problems/not-found");
  EXPECT_EQ(json.at("title").as_string(), "Not found");
  EXPECT_EQ(json.at("status").as_int64(), 404);
  EXPECT_EQ(json.at("detail").as_string(), "No shop called x");
  EXPECT_FALSE(json.contains("errors"));
}

TEST(Errors, ValidationListsEveryFieldMessage) {
  const auto error = ApiError::validation(
      {{"email", {"is required"}}, {"password", {"must be at least 8 characters"}}});
  EXPECT_EQ(error.status(), 422);
  const auto json = error.to_json().as_object();
  EXPECT_EQ(json.at("errors").at("email").at(0).as_string(), "is required");
  EXPECT_EQ(json.at("errors").at("password").at(0).as_string(), "must be at least 8 characters");
}

TEST(Errors, StatusSpecificHeaders) {
  const auto limited = ApiError::too_many_requests(17);
  EXPECT_EQ(limited.status(), 429);
  ASSERT_EQ(limited.headers().size(), 1u);
  EXPECT_EQ(limited.headers()[0].first, "Retry-After");
  EXPECT_EQ(limited.headers()[0].second, "17");
  EXPECT_EQ(ApiError::method_not_allowed("GET, POST").headers()[0].second, "GET, POST");
  EXPECT_EQ(ApiError::unauthorized("x").headers()[0].first, "WWW-Authenticate");
}

TEST(Errors, InternalErrorRevealsNothing) {
  const auto json = ApiError::internal().to_json().as_object();
  EXPECT_EQ(json.at("status").as_int64(), 500);
  EXPECT_EQ(json.at("detail").as_string().find("exception"), std::string::npos);
}

}  // namespace
}  // namespace ps
