// A write transaction whose PostgreSQL connection is terminated halfway (as
// a failover or a crash does): it is rolled back and answered 503 with
// Retry-After, nothing of it is kept, and the server recovers by itself:
// later requests are served on fresh connections.
#include "support/api_test.h"

#include "db/database.h"

#include <soci/soci.h>

#include <chrono>
#include <future>
#include <latch>
#include <thread>
#include <vector>

namespace ps::testing {
namespace {

using boost::beast::http::verb;

class CutOffTransaction : public ApiTest {
 protected:
  void add_routes(Application& app) override {
    app.database().with_session([](db::Connection& sql) {
      sql.session() << "CREATE TABLE probe_rows (n INTEGER NOT NULL)";
    });
    // Writes one row, waits until the test has cut the connection, writes another.
    app.router().add(
        verb::post, "/test/cut-off",
        [&app, this](http::Request& request) -> boost::asio::awaitable<http::Response> {
          co_await app.workers().run(request.request_id, [&] {
            app.database().transaction([&](db::Connection& sql) {
              sql.session() << "INSERT INTO probe_rows (n) VALUES (1)";
              written_.count_down();
              cut_.wait();
              sql.session() << "INSERT INTO probe_rows (n) VALUES (2)";
            });
          });
          co_return http::json_response(201, {{"written", 2}});
        });
  }

  // Nothing in the background opens connections of its own while the test
  // cuts them (job workers poll the queue).
  void configure(Config& config) override { config.job_workers = 0; }

  // Ends every other connection to this test's database, as a failover
  // does, and waits until those are gone (pg_terminate_backend only
  // signals). Connections opened since are not waited for.
  void terminate_server_connections() {
    db::Database admin(server().config().database_url, 1);
    admin.with_session([](db::Connection& sql) {
      std::vector<int> pids(64);
      sql.session() << "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                       "AND pid <> pg_backend_pid()",
          soci::into(pids);
      ASSERT_FALSE(pids.empty()) << "the server holds no connection to cut";
      std::string listed;
      for (const int pid : pids) listed += (listed.empty() ? "" : ", ") + std::to_string(pid);
      sql.session() << "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE pid "
                       "IN (" +
                           listed + ")";
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      long long left = 1;
      while (left > 0 && std::chrono::steady_clock::now() < deadline) {
        sql.session() << "SELECT pg_stat_clear_snapshot()";
        sql.session() << "SELECT COUNT(*) FROM pg_stat_activity WHERE pid IN (" + listed + ")",
            soci::into(left);
        if (left > 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      ASSERT_EQ(left, 0) << "the server's connections were not terminated";
    });
  }

  long long probe_rows() {
    long long n = -1;
    db::Database reader(server().config().database_url, 1);
    reader.with_session([&](db::Connection& sql) {
      sql.session() << "SELECT COUNT(*) FROM probe_rows", soci::into(n);
    });
    return n;
  }

  std::latch written_{1};
  std::latch cut_{1};
};
POCKETSHOP_API_TEST(CutOffTransaction);

TEST_P(CutOffTransaction, IsRolledBackAndAnswered503) {
  if (GetParam() == Backend::sqlite) GTEST_SKIP() << "an SQLite connection cannot be cut off";
  auto answer =
      std::async(std::launch::async, [this] { return client().post_json("/test/cut-off", {}); });
  written_.wait();
  terminate_server_connections();
  cut_.count_down();

  const auto result = answer.get();
  EXPECT_EQ(result.status, 503) << result.body;
  EXPECT_EQ(result.header("content-type"), "application/problem+json") << result.body;
  EXPECT_FALSE(result.header("retry-after").empty());
  EXPECT_EQ(probe_rows(), 0) << "a cut-off transaction was half applied";
  // Every pooled connection was cut; the next requests get fresh ones. A
  // connection the server was opening at that moment may have been cut too;
  // then it answers 503 for one reconnect delay (100 ms), as in any
  // failover, and recovers by itself.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (client().get("/api/products").status == 503 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  for (int n = 0; n < 6; ++n) EXPECT_EQ(client().get("/api/products").status, 200);
  EXPECT_EQ(client().get("/healthz").status, 200);
}

}  // namespace
}  // namespace ps::testing
