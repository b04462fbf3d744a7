// Two requests whose transactions wait on each other (a deadlock, which
// PostgreSQL breaks by ending one of them): the one it ends is answered 409
// (/problems/conflict) with Retry-After, nothing of it is kept, the other one
// goes on, and the connection serves the next request.
#include "support/api_test.h"

#include "db/database.h"

#include <soci/soci.h>

#include <future>
#include <latch>

namespace ps::testing {
namespace {

using boost::beast::http::verb;

class Deadlock : public ApiTest {
 protected:
  void add_routes(Application& app) override {
    app.database().with_session([](db::Connection& sql) {
      sql.session() << "CREATE TABLE probe_locks (name TEXT PRIMARY KEY, writes INTEGER NOT NULL)";
      sql.session() << "INSERT INTO probe_locks (name, writes) VALUES ('a', 0), ('b', 0)";
    });
    // Locks the named row, waits until the other request holds its own,
    // then locks the other row: one of two such requests must be ended.
    app.router().add(
        verb::post, "/test/lock/{first}",
        [&app, this](http::Request& request) -> boost::asio::awaitable<http::Response> {
          const std::string first(request.param("first"));
          const std::string second = first == "a" ? "b" : "a";
          co_await app.workers().run(request.request_id, [&] {
            app.database().transaction([&](db::Connection& sql) {
              sql.session() << "UPDATE probe_locks SET writes = writes + 1 WHERE name = :name",
                  soci::use(first);
              both_locked_.arrive_and_wait();
              sql.session() << "UPDATE probe_locks SET writes = writes + 1 WHERE name = :name",
                  soci::use(second);
            });
          });
          co_return http::json_response(201, {{"locked", first + second}});
        });
  }

  void configure(Config& config) override { config.job_workers = 0; }

  std::latch both_locked_{2};
};
POCKETSHOP_API_TEST(Deadlock);

TEST_P(Deadlock, OneSideIsAnswered409ToRetryAndNothingOfItIsKept) {
  if (GetParam() == Backend::sqlite)
    GTEST_SKIP() << "SQLite runs one write transaction at a time: none waits on another";
  auto a =
      std::async(std::launch::async, [this] { return client().post_json("/test/lock/a", {}); });
  auto b =
      std::async(std::launch::async, [this] { return client().post_json("/test/lock/b", {}); });
  const auto first = a.get(), second = b.get();
  const auto& ended = first.status == 201 ? second : first;
  const auto& won = first.status == 201 ? first : second;
  EXPECT_EQ(won.status, 201) << won.body;
  expect_problem(ended, 409, "conflict");
  EXPECT_EQ(ended.header("retry-after"), "1");
  // The winner's two writes are kept, none of the other's.
  EXPECT_EQ(sql_number("SELECT SUM(writes) FROM probe_locks"), 2);
  EXPECT_EQ(client().get("/healthz").status, 200);
  EXPECT_EQ(client().get("/api/products").status, 200);
}

}  // namespace
}  // namespace ps::testing
