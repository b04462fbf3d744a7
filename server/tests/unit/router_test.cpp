#include "http/router.h"
#include "core/errors.h"
#include "http/problems.h"

#include <gtest/gtest.h>

namespace ps::http {
namespace {

Handler named(std::string name) {
  return [name](Request&) -> boost::asio::awaitable<Response> {
    co_return json_response(200, boost::json::value(name));
  };
}

Request request(bhttp::verb method, std::string path) {
  Request r;
  r.raw.method(method);
  r.path = std::move(path);
  return r;
}

int status_of(const Router& router, Request r) {
  try {
    router.resolve(r);
    return 200;
  } catch (const ApiError& error) {
    return http::status_of(error);
  }
}

TEST(Router, ExtractsPathParameters) {
  Router router;
  router.add(bhttp::verb::get, "/api/shops/{slug}/products/{id}", named("product"));
  auto r = request(bhttp::verb::get, "/api/shops/potter/products/12");
  router.resolve(r);
  EXPECT_EQ(r.param("slug"), "potter");
  EXPECT_EQ(r.param("id"), "12");
  EXPECT_EQ(r.param("missing"), "");
}

TEST(Router, UnknownPathIs404) {
  Router router;
  router.add(bhttp::verb::get, "/api/shops", named("shops"));
  EXPECT_EQ(status_of(router, request(bhttp::verb::get, "/api/nothing")), 404);
  EXPECT_EQ(status_of(router, request(bhttp::verb::get, "/api/shops/extra")), 404);
}

TEST(Router, WrongMethodIs405WithAllow) {
  Router router;
  router.add(bhttp::verb::get, "/api/shops", named("list"));
  router.add(bhttp::verb::post, "/api/shops", named("create"));
  auto r = request(bhttp::verb::delete_, "/api/shops");
  try {
    router.resolve(r);
    FAIL() << "expected 405";
  } catch (const ApiError& error) {
    EXPECT_EQ(http::status_of(error), 405);
    ASSERT_FALSE(error.headers().empty());
    EXPECT_EQ(error.headers()[0].second, "GET, POST");
  }
}

TEST(Router, LiteralSegmentBeatsParameter) {
  Router router;
  router.add(bhttp::verb::get, "/api/shops/{slug}", named("by-slug"));
  router.add(bhttp::verb::get, "/api/shops/mine", named("mine"));
  auto r = request(bhttp::verb::get, "/api/shops/mine");
  const Handler& handler = router.resolve(r);
  EXPECT_EQ(&handler, &router.routes()[1].handler);
  EXPECT_TRUE(r.path_params.empty());
}

TEST(Router, HeadIsServedByGet) {
  Router router;
  router.add(bhttp::verb::get, "/healthz", named("health"));
  EXPECT_EQ(status_of(router, request(bhttp::verb::head, "/healthz")), 200);
}

TEST(Router, TrailingAndDoubleSlashesAreIgnored) {
  Router router;
  router.add(bhttp::verb::get, "/api/me", named("me"));
  EXPECT_EQ(status_of(router, request(bhttp::verb::get, "/api/me/")), 200);
  EXPECT_EQ(status_of(router, request(bhttp::verb::get, "//api//me")), 200);
}

}  // namespace
}  // namespace ps::http

namespace ps::http {
namespace {

TEST(Router, RoutesMayHaveTheirOwnBodyLimit) {
  Router router;
  router.add(bhttp::verb::post, "/api/uploads", named("upload"), 10'000'000);
  router.add(bhttp::verb::post, "/api/auth/login", named("login"));
  EXPECT_EQ(router.body_limit(bhttp::verb::post, "/api/uploads"), 10'000'000u);
  EXPECT_EQ(router.body_limit(bhttp::verb::post, "/api/auth/login"), std::nullopt);
  EXPECT_EQ(router.body_limit(bhttp::verb::get, "/api/uploads"), std::nullopt);
  EXPECT_EQ(router.body_limit(bhttp::verb::post, "/nowhere"), std::nullopt);
}

}  // namespace
}  // namespace ps::http
