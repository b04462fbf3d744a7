#include "support/api_test.h"

#include <fstream>

namespace ps::testing {
namespace {

class WebAppServing : public ApiTest {
 protected:
  void configure(Config& config) override {
    std::filesystem::create_directories(web_.path() / "assets");
    std::ofstream(web_.path() / "index.html") << "<!doctype html><title>PocketShop</title>";
    std::ofstream(web_.path() / "assets" / "app-1234.js") << "console.log('hi')";
    std::ofstream(web_.path() / "robots.txt") << "User-agent: *";
    config.web_dir = web_.path().string();
  }
  TempDir web_;
};
POCKETSHOP_API_TEST(WebAppServing);

TEST_P(WebAppServing, ServesIndexForClientRoutes) {
  for (const char* path : {"/", "/shops/clay-studio", "/products/12", "/no/such/page"}) {
    const auto result = client().get(path);
    EXPECT_EQ(result.status, 200) << path;
    EXPECT_EQ(result.header("content-type"), "text/html; charset=utf-8") << path;
    EXPECT_NE(result.body.find("<title>PocketShop</title>"), std::string::npos);
    EXPECT_EQ(result.header("cache-control"), "no-cache");
  }
}

TEST_P(WebAppServing, AssetsAreCachedForeverAndRevalidate) {
  const auto asset = client().get("/assets/app-1234.js");
  ASSERT_EQ(asset.status, 200);
  EXPECT_EQ(asset.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(asset.header("cache-control"), "public, max-age=31536000, immutable");
  const auto again = client().request(boost::beast::http::verb::get, "/assets/app-1234.js", {},
                                      {{"If-None-Match", asset.header("etag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(client().get("/robots.txt").body, "User-agent: *");
}

TEST_P(WebAppServing, ApiAndMediaPathsStayProblems) {
  expect_problem(client().get("/api/nothing-here"), 404);
  expect_problem(client().get("/media/nothing/here"), 404);
  expect_problem(client().request(boost::beast::http::verb::post, "/shops"), 404);
}

TEST_P(WebAppServing, CannotEscapeTheWebFolder) {
  for (const char* path :
       {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/../../../etc/passwd"}) {
    const auto result = client().get(path);
    EXPECT_EQ(result.body.find("root:"), std::string::npos) << path;
  }
}

}  // namespace
}  // namespace ps::testing
