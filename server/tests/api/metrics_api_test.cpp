#include "support/checkout_request.h"
#include "support/marketplace.h"

namespace ps::testing {
namespace {

class MetricsApi : public TwoShopsTest {
 protected:
  void configure(Config& config) override { config.metrics_token = "scrape-me"; }

  std::string scrape() {
    const auto result = client().request(boost::beast::http::verb::get, "/metrics", {},
                                         {{"Authorization", "Bearer scrape-me"}});
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
    return result.body;
  }
};
POCKETSHOP_API_TEST(MetricsApi);

bool has_line(const std::string& text, const std::string& prefix) {
  return text.find("\n" + prefix) != std::string::npos;
}

TEST_P(MetricsApi, CountsRequestsByRoutePatternAndStatus) {
  client().get("/api/products/" + std::to_string(mug));
  client().get("/api/products/" + std::to_string(card));
  client().get("/api/products/987654321");
  const auto text = scrape();
  EXPECT_TRUE(has_line(
      text,
      R"(pocketshop_http_requests_total{route="/api/products/{id}",method="GET",status="200"} 2)"))
      << text;
  EXPECT_TRUE(has_line(
      text,
      R"(pocketshop_http_requests_total{route="/api/products/{id}",method="GET",status="404"} 1)"));
  EXPECT_TRUE(has_line(
      text,
      R"(pocketshop_http_request_duration_seconds_count{route="/api/products/{id}",method="GET"} 3)"));
  EXPECT_TRUE(has_line(
      text,
      R"(pocketshop_http_request_duration_seconds_bucket{route="/api/products/{id}",method="GET",le="+Inf"} 3)"));
  // The test server's 4 workers' connections, and on SQLite one for each of
  // its 2 network threads, which read the catalogue themselves.
  const int connections = GetParam() == Backend::sqlite ? 6 : 4;
  EXPECT_TRUE(has_line(text, "pocketshop_db_pool_connections " + std::to_string(connections)))
      << text;
  EXPECT_EQ(text.find("987654321"), std::string::npos);  // raw paths never become labels
}

TEST_P(MetricsApi, CountsCheckoutsAndUploadsByOutcome) {
  client().post_json("/api/cart/items", {{"product_id", mug}, {"quantity", 1}}, buyer.access_token);
  client().post_json("/api/checkout", checkout_body("4000000000000002"), buyer.access_token);
  client().post_json("/api/checkout", checkout_body("4242424242424242"), buyer.access_token);
  upload_image(clay.access_token);
  upload_bytes(clay.access_token, "not an image at all");
  const auto text = scrape();
  EXPECT_TRUE(has_line(text, R"(pocketshop_checkouts_total{outcome="declined"} 1)")) << text;
  EXPECT_TRUE(has_line(text, R"(pocketshop_checkouts_total{outcome="created"} 1)"));
  EXPECT_TRUE(has_line(text, R"(pocketshop_uploads_total{outcome="stored"} 1)"));
  EXPECT_TRUE(has_line(text, R"(pocketshop_uploads_total{outcome="unsupported_type"} 1)"));
}

TEST_P(MetricsApi, NeedsItsTokenWhenOneIsSet) {
  expect_problem(client().get("/metrics"), 401, "unauthorized");
  expect_problem(client().get("/metrics", "wrong"), 401, "unauthorized");
}

}  // namespace
}  // namespace ps::testing
