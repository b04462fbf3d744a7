#include "http/compression.h"
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
    std::ofstream(web_.path() / "assets" / "big-1234.js") << kBigScript;
    std::ofstream(web_.path() / "assets" / "big-1234.js.gz") << http::gzip(kBigScript);
    std::ofstream(web_.path() / "assets" / "plain-1234.css") << kBigStyles;  // no .gz
    config.web_dir = web_.path().string();
  }
  HttpResult get(const std::string& target, const Headers& headers = {}) const {
    return client().request(boost::beast::http::verb::get, target, {}, headers);
  }

  static inline const std::string kBigScript = std::string(4000, ';') + "console.log('big')";
  static inline const std::string kBigStyles = std::string(4000, ' ') + "body{margin:0}";
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

TEST_P(WebAppServing, ApiMediaAndMissingAssetPathsStayProblems) {
  expect_problem(client().get("/api/nothing-here"), 404, "not-found");
  expect_problem(client().get("/assets/app-of-an-older-build.js"), 404, "not-found");
  expect_problem(client().get("/media/nothing/here"), 404, "not-found");
  expect_problem(client().request(boost::beast::http::verb::post, "/shops"), 404, "not-found");
}

TEST_P(WebAppServing, CannotEscapeTheWebFolder) {
  for (const char* path :
       {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/../../../etc/passwd"}) {
    const auto result = client().get(path);
    EXPECT_EQ(result.body.find("root:"), std::string::npos) << path;
  }
}

TEST_P(WebAppServing, PrecompressedSiblingGoesToGzipClients) {
  const Headers gzip{{"Accept-Encoding", "gzip, br"}};
  const auto compressed = get("/assets/big-1234.js", gzip);
  ASSERT_EQ(compressed.status, 200);
  EXPECT_EQ(compressed.header("content-encoding"), "gzip");
  EXPECT_EQ(compressed.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(compressed.header("vary"), "Accept-Encoding");
  EXPECT_EQ(compressed.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(compressed.body, http::gzip(kBigScript));

  const auto identity = get("/assets/big-1234.js", {{"Accept-Encoding", "gzip;q=0"}});
  EXPECT_EQ(identity.header("content-encoding"), "");
  EXPECT_EQ(identity.header("vary"), "Accept-Encoding");
  EXPECT_EQ(identity.body, kBigScript);
  EXPECT_NE(identity.header("etag"), compressed.header("etag"));

  const auto head =
      client().request(boost::beast::http::verb::head, "/assets/big-1234.js", {}, gzip);
  EXPECT_EQ(head.header("content-length"), std::to_string(compressed.body.size()));
  EXPECT_EQ(head.header("content-encoding"), "gzip");
}

TEST_P(WebAppServing, EitherETagOfAPrecompressedFileRevalidates) {
  const auto identity_tag = get("/assets/big-1234.js").header("etag");
  const auto gzip_tag = get("/assets/big-1234.js", {{"Accept-Encoding", "gzip"}}).header("etag");
  for (const auto& tag : {identity_tag, gzip_tag}) {
    const auto result =
        get("/assets/big-1234.js", {{"Accept-Encoding", "gzip"}, {"If-None-Match", tag}});
    EXPECT_EQ(result.status, 304) << tag;
    EXPECT_EQ(result.header("etag"), gzip_tag);
    EXPECT_TRUE(result.body.empty());
  }
}

TEST_P(WebAppServing, FilesWithoutASiblingStayIdentity) {
  const Headers gzip{{"Accept-Encoding", "gzip"}};
  const auto styles = get("/assets/plain-1234.css", gzip);
  EXPECT_EQ(styles.header("content-encoding"), "");  // not compressed per request either
  EXPECT_EQ(styles.body, kBigStyles);
  const auto small = get("/assets/app-1234.js", gzip);
  EXPECT_EQ(small.header("content-encoding"), "");
  EXPECT_EQ(small.body, "console.log('hi')");
}

TEST_P(WebAppServing, ServesTheFilesItFoundAtStart) {
  std::ofstream(web_.path() / "late.txt") << "added after start";
  const auto result = get("/late.txt");
  EXPECT_EQ(result.header("content-type"), "text/html; charset=utf-8");  // the app's index
  EXPECT_EQ(result.body.find("added after start"), std::string::npos);
}

}  // namespace
}  // namespace ps::testing
