// PostgreSQL restarted or stopped under a running server, as an upgrade, a
// failover or a crash does, and a server started while PostgreSQL is down:
// the server answers 503 with Retry-After meanwhile (never 500, never a
// hang), serves again by itself once PostgreSQL is back, and checkouts stay
// exactly-once under their Idempotency-Key across the outage.
#include "support/checkout_request.h"
#include "support/postgres_cluster.h"
#include "support/server_process.h"
#include "support/shop_client.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <chrono>
#include <functional>
#include <thread>

namespace ps::testing {
namespace {

using boost::beast::http::verb;
using Clock = std::chrono::steady_clock;

constexpr auto kAnswerLimit = std::chrono::seconds(10);  // no request may hang past this

// A request, timed: it must be answered within kAnswerLimit.
HttpResult timed(const std::function<HttpResult()>& request) {
  const auto started = Clock::now();
  auto result = request();
  EXPECT_LT(Clock::now() - started, kAnswerLimit) << "answered only after a long wait";
  return result;
}

void expect_unavailable(const HttpResult& result) {
  EXPECT_EQ(result.status, 503) << result.body;
  EXPECT_EQ(result.header("content-type"), "application/problem+json") << result.body;
  EXPECT_FALSE(result.header("retry-after").empty()) << "503 without Retry-After";
  if (result.header("content-type") == "application/problem+json") {
    EXPECT_EQ(result.json().at("type").as_string(), "/problems/database-unavailable");
  }
}

class PostgresOutage : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!PostgresCluster::available())
      GTEST_SKIP() << "POCKETSHOP_TEST_PG_BIN is not set: run under scripts/with-postgres.sh";
    cluster_ = std::make_unique<PostgresCluster>();
  }

  void start_server(bool wait_until_healthy) {
    ServerProcess::Options options;
    options.database_url = cluster_->url();
    options.extra_args = {"--signup-limit-per-ip", "1000", "--checkout-limit-per-user", "1000"};
    options.wait_until_healthy = wait_until_healthy;
    server_ = std::make_unique<ServerProcess>(std::move(options));
  }

  // A vendor's product, and a buyer with it in the cart.
  void stock_a_cart() {
    const auto client = server_->client();
    const auto vendor = sign_up(client, "vendor@example.com", "vendor");
    server_->verify_email("vendor@example.com");
    ASSERT_EQ(client.post_json("/api/shops", {{"name", "Outage Pottery"}}, vendor).status, 201);
    const auto product = client.post_json(
        "/api/products",
        {{"name", "Mug"}, {"category", "kitchen"}, {"price_cents", 2500}, {"inventory", 10}},
        vendor);
    ASSERT_EQ(product.status, 201) << product.body;
    product_id_ = product.json().at("id").as_int64();
    buyer_ = sign_up(client, "buyer@example.com", "buyer");
    ASSERT_EQ(
        client.post_json("/api/cart/items", {{"product_id", product_id_}, {"quantity", 1}}, buyer_)
            .status,
        200);
  }

  HttpResult checkout(const std::string& key) const {
    return server_->client().request(
        verb::post, "/api/checkout",
        boost::json::serialize(checkout_body_with_token(approved_token_for_key(key))),
        {{"Content-Type", "application/json"},
         {"Authorization", "Bearer " + buyer_},
         {"Idempotency-Key", key}});
  }

  HttpResult product() const {
    return server_->client().get("/api/products/" + std::to_string(product_id_));
  }

  std::unique_ptr<PostgresCluster> cluster_;
  std::unique_ptr<ServerProcess> server_;
  std::int64_t product_id_ = 0;
  std::string buyer_;
};

TEST_F(PostgresOutage, ServesRightAfterARestart) {
  cluster_->start();
  start_server(true);
  stock_a_cart();
  ASSERT_EQ(product().status, 200);

  cluster_->restart();
  // Every pooled connection is now broken; the first requests must not see it.
  for (int n = 0; n < 8; ++n) {
    const auto read = timed([&] { return product(); });
    EXPECT_EQ(read.status, 200) << read.body;
  }
  const auto cart = server_->client().get("/api/cart", buyer_);
  EXPECT_EQ(cart.status, 200) << cart.body;
  const auto placed = checkout("after-restart");
  EXPECT_EQ(placed.status, 201) << placed.body;
  EXPECT_EQ(server_->client().get("/healthz").status, 200);
  EXPECT_EQ(server_->log().find("unhandled error"), std::string::npos)
      << "a broken connection reached a request as a 500:\n"
      << server_->log();
}

TEST_F(PostgresOutage, AnswersUnavailableWhileDownThenServesAgain) {
  cluster_->start();
  start_server(true);
  stock_a_cart();
  ASSERT_EQ(product().status, 200);

  cluster_->stop();
  expect_unavailable(timed([&] { return product(); }));
  expect_unavailable(timed([&] { return server_->client().get("/api/cart", buyer_); }));
  const auto cut_off = timed([&] { return checkout("across-the-outage"); });
  expect_unavailable(cut_off);
  const auto health = timed([&] { return server_->client().get("/healthz"); });
  EXPECT_EQ(health.status, 503) << health.body;

  cluster_->start();
  EXPECT_EQ(eventually(200, [&] { return product(); }).status, 200);
  EXPECT_EQ(server_->client().get("/healthz").status, 200);
  // The client retries its checkout with the same key: one order, and the
  // same answer every time.
  const auto placed = checkout("across-the-outage");
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto again = checkout("across-the-outage");
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.json().at("checkout_id"), placed.json().at("checkout_id"));
  const auto orders = server_->client().get("/api/orders", buyer_);
  ASSERT_EQ(orders.status, 200) << orders.body;
  EXPECT_EQ(orders.json().at("total").as_int64(), 1);
  EXPECT_EQ(product().json().at("inventory").as_int64(), 9);
}

TEST_F(PostgresOutage, StartsWhilePostgresIsDownAndMigratesWhenItComesUp) {
  start_server(false);  // the cluster is not running yet
  const auto health = timed([&] { return server_->client().get("/healthz"); });
  EXPECT_EQ(health.status, 503) << health.body;
  expect_unavailable(timed([&] { return server_->client().get("/api/products"); }));
  expect_unavailable(timed([&] {
    return server_->client().post_json("/api/auth/register", {{"email", "early@example.com"},
                                                              {"password", "password123"},
                                                              {"display_name", "Early"},
                                                              {"role", "buyer"}});
  }));

  cluster_->start();
  EXPECT_EQ(eventually(200, [&] { return server_->client().get("/healthz"); }).status, 200);
  EXPECT_EQ(server_->client().get("/api/products").status, 200);
  EXPECT_NO_THROW(sign_up(server_->client(), "late@example.com", "buyer"));
}

}  // namespace
}  // namespace ps::testing
