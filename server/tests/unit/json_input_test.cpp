#include "http/json_input.h"
#include "http/problems.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace ps::http {
namespace {

Request json_request(std::string body, std::string content_type = "application/json") {
  Request request;
  request.raw.set(bhttp::field::content_type, content_type);
  request.raw.body() = std::move(body);
  return request;
}

int status_of(const Request& request) {
  try {
    parse_json_object(request);
    return 200;
  } catch (const ApiError& error) {
    return http::status_of(error);
  }
}

TEST(JsonInput, AcceptsJsonMediaTypes) {
  EXPECT_EQ(status_of(json_request("{}")), 200);
  EXPECT_EQ(status_of(json_request("{}", "application/json; charset=utf-8")), 200);
  EXPECT_EQ(status_of(json_request("{}", "application/merge-patch+json")), 200);
}

TEST(JsonInput, RefusesOtherMediaTypes) {
  EXPECT_EQ(status_of(json_request("{}", "text/plain")), 415);
  EXPECT_EQ(status_of(json_request("{}", "")), 415);
  EXPECT_EQ(status_of(json_request("a=b", "application/x-www-form-urlencoded")), 415);
}

TEST(JsonInput, MalformedOrNonObjectIs400) {
  EXPECT_EQ(status_of(json_request("{")), 400);
  EXPECT_EQ(status_of(json_request("")), 400);
  EXPECT_EQ(status_of(json_request("[1,2]")), 400);
  EXPECT_EQ(status_of(json_request("\"text\"")), 400);
  EXPECT_EQ(status_of(json_request("{\"a\": \"\xff\xfe\"}")), 400);  // not UTF-8
}

TEST(JsonInput, CollectsEveryFieldProblem) {
  const auto object = boost::json::parse(
                          R"({"name": 12, "blank": "   ", "long": "abcdef", "count": "3",
                              "big": 99999999999999999999, "flag": "yes"})")
                          .as_object();
  JsonFields fields(object);
  fields.required_string("name", 1, 10);
  fields.required_string("blank", 1, 10);
  fields.required_string("long", 1, 3);
  fields.required_string("missing", 1, 3);
  fields.optional_integer("count", 0, 10);
  fields.optional_integer("big", 0, 10);
  fields.optional_bool("flag");
  try {
    fields.finish();
    FAIL() << "expected 422";
  } catch (const ApiError& error) {
    EXPECT_EQ(http::status_of(error), 422);
    const auto& errors = error.field_errors();
    EXPECT_EQ(errors.at("name")[0], "must be a string");
    EXPECT_EQ(errors.at("blank")[0], "must not be empty");
    EXPECT_EQ(errors.at("long")[0], "must be at most 3 characters");
    EXPECT_EQ(errors.at("missing")[0], "is required");
    EXPECT_EQ(errors.at("count")[0], "must be an integer");
    EXPECT_EQ(errors.count("big"), 1u);
    EXPECT_EQ(errors.at("flag")[0], "must be true or false");
  }
}

TEST(JsonInput, KeepsAValueOnlyWhenItIsOneOfTheAllowed) {
  const auto object = boost::json::parse(R"({"a": "USD", "b": "XYZ"})").as_object();
  JsonFields fields(object);
  constexpr std::string_view kAllowed[] = {"USD", "EUR"};
  auto a = fields.optional_string("a", 3, 3), b = fields.optional_string("b", 3, 3),
       absent = fields.optional_string("c", 3, 3);
  fields.keep_if_one_of(a, "a", kAllowed);
  fields.keep_if_one_of(b, "b", kAllowed);
  fields.keep_if_one_of(absent, "c", kAllowed);
  EXPECT_EQ(a, "USD");
  EXPECT_EQ(b, std::nullopt);
  EXPECT_EQ(absent, std::nullopt);
  try {
    fields.finish();
    FAIL() << "expected 422";
  } catch (const ApiError& error) {
    const auto& errors = error.field_errors();
    EXPECT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors.at("b"), std::vector<std::string>{"must be one of: USD, EUR"});
  }
}

TEST(JsonInput, ANestedObjectsProblemsAreNamedUnderItsPrefix) {
  const auto outer_object = boost::json::parse(R"({})").as_object();
  const auto good = boost::json::parse(R"({"a": "x"})").as_object();
  const auto bad = boost::json::parse(R"({"a": 5})").as_object();
  JsonFields outer(outer_object), first(good), second(bad);
  first.required_string("a", 1, 5);
  second.required_string("a", 1, 5);
  second.required_string("b", 1, 5);
  EXPECT_TRUE(first.finish_into(outer, "list[0]"));
  EXPECT_TRUE(outer.ok());
  EXPECT_FALSE(second.finish_into(outer, "list[1]"));
  try {
    outer.finish();
    FAIL() << "expected 422";
  } catch (const ApiError& error) {
    const auto& errors = error.field_errors();
    EXPECT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors.at("list[1].a"), std::vector<std::string>{"must be a string"});
    EXPECT_EQ(errors.at("list[1].b"), std::vector<std::string>{"is required"});
  }
}

// docs/openapi.json says so: a field the operation does not read is
// ignored, so an older server takes a newer client's body.
TEST(JsonInput, IgnoresFieldsItDoesNotRead) {
  const auto object =
      boost::json::parse(R"({"name": "Ada", "nickname": 12, "extra": {"deep": [1]}})").as_object();
  JsonFields fields(object);
  EXPECT_EQ(fields.required_string("name", 1, 10), "Ada");
  EXPECT_NO_THROW(fields.finish());
}

TEST(JsonInput, TrimsUnlessAskedNotTo) {
  const auto object = boost::json::parse(R"({"name": "  Ada  ", "secret": " pw "})").as_object();
  JsonFields fields(object);
  EXPECT_EQ(fields.required_string("name", 1, 10), "Ada");
  EXPECT_EQ(fields.required_string("secret", 1, 10, JsonFields::Trim::no), " pw ");
  EXPECT_NO_THROW(fields.finish());
}

TEST(JsonInput, LengthsCountCharactersNotBytes) {
  const auto object = boost::json::parse(R"({"name": "héllo"})").as_object();
  JsonFields fields(object);
  EXPECT_EQ(fields.required_string("name", 1, 5), "héllo");
  EXPECT_NO_THROW(fields.finish());
}

}  // namespace
}  // namespace ps::http
