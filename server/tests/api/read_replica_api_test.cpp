// Catalog reads on a PostgreSQL streaming replica (--database-replica-url):
// anonymous catalog reads are served by the replica, a writer's own reads see
// their writes (X-Read-After / its cookie), and a replica that lags too far
// or is stopped leaves the reads to the primary, never a 5xx. Needs
// PG_REPLICA=1 scripts/with-postgres.sh (POCKETSHOP_TEST_PG_REPLICA_URL).
#include "db/query.h"
#include "http/read_after.h"
#include "support/postgres_cluster.h"
#include "support/shop_client.h"
#include "support/test_server.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <chrono>
#include <cstdlib>
#include <thread>

namespace ps::testing {
namespace {

using boost::beast::http::verb;
using Clock = std::chrono::steady_clock;

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

// The same database as `database_url`, on the server of `server_url`.
std::string same_database(const std::string& server_url, const std::string& database_url) {
  return server_url.substr(0, server_url.rfind('/')) + database_url.substr(database_url.rfind('/'));
}

// A session on a cluster's own "postgres" database, for the replica's
// controls (pg_wal_replay_pause() and the like).
class Admin {
 public:
  explicit Admin(const std::string& url) : database_(url, 1) {}

  std::string text(const std::string& query) {
    return database_.with_session(
        [&](db::Connection& sql) { return db::Query(query).single<std::string>(sql); });
  }

  // Waits until the replica has replayed `position`.
  void wait_until_replayed(db::WalPosition position) {
    const auto deadline = Clock::now() + std::chrono::seconds(60);
    while (Clock::now() < deadline) {
      try {
        const auto replayed =
            db::parse_wal_position(text("SELECT COALESCE(pg_last_wal_replay_lsn()::text, '')"));
        if (replayed && *replayed >= position) return;
      } catch (const std::exception&) {
        // Starting up: not accepting connections yet.
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL() << "the replica did not replay up to " << db::wal_position_text(position);
  }

  void pause_replay() {
    text("SELECT pg_wal_replay_pause()::text");
    const auto deadline = Clock::now() + std::chrono::seconds(30);
    while (text("SELECT pg_get_wal_replay_pause_state()") != "paused") {
      if (Clock::now() > deadline) FAIL() << "the replica's replay did not pause";
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  void resume_replay() { text("SELECT pg_wal_replay_resume()::text"); }

  // The replica stops following its primary (as when the network between
  // them breaks): its WAL receiver goes and no WAL arrives, though the
  // replica itself still answers.
  void lose_primary() {
    database_.with_session([](db::Connection& sql) {
      db::Query("ALTER SYSTEM SET primary_conninfo = ''").execute(sql);
    });
    text("SELECT pg_reload_conf()::text");
    const auto deadline = Clock::now() + std::chrono::seconds(30);
    while (text("SELECT COUNT(*)::text FROM pg_stat_wal_receiver") != "0" &&
           Clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }

 private:
  db::Database database_;
};

class ReadReplica : public ::testing::Test {
 protected:
  void SetUp() override {
    replica_url_ = environment("POCKETSHOP_TEST_PG_REPLICA_URL");
    if (replica_url_.empty())
      GTEST_SKIP() << "POCKETSHOP_TEST_PG_REPLICA_URL is not set: run under PG_REPLICA=1 "
                      "scripts/with-postgres.sh";
  }

  // A server on a fresh database of the test cluster, reading the catalog on
  // the replica at `replica_server_url` (the same database there).
  void start_server(const std::string& replica_server_url, int max_lag_ms) {
    server_ = std::make_unique<TestServer>(Backend::postgres, [&](Config& config) {
      config.database_replica_url = same_database(replica_server_url, config.database_url);
      config.db_replica_max_lag_ms = max_lag_ms;
      // Nothing of this server writes in the background (the sign-up's
      // welcome mail, sent by a job) while a test times the replica's lag.
      config.job_workers = 0;
    });
  }

  // A replica of the test cluster for this test alone, which it may pause or
  // stop while other tests run on the shared one.
  PostgresCluster& own_replica() {
    if (!own_replica_) {
      own_replica_ = std::make_unique<PostgresCluster>(environment("POCKETSHOP_TEST_PG_URL"));
      own_replica_->start();
    }
    return *own_replica_;
  }

  HttpClient client() const { return server_->client(); }

  // A vendor with a shop and one product; returns the vendor's token.
  std::string vendor_with_product(const std::string& email) {
    vendor_ = sign_up(client(), email, "vendor");
    server_->app().database().with_session([&](db::Connection& sql) {
      db::Query("UPDATE users SET email_verified_at = created_at WHERE email = :email")
          .values(email)
          .execute(sql);
    });
    const auto shop = client().post_json("/api/shops", {{"name", "Replica Pottery"}}, vendor_);
    EXPECT_EQ(shop.status, 201) << shop.body;
    product_id_ = create_product(client(), vendor_, "Mug", 2500, 10);
    return vendor_;
  }

  std::string product_url(std::int64_t id) const { return "/api/products/" + std::to_string(id); }

  HttpResult read_after(const std::string& target, const std::string& position,
                        const std::string& token = {}) const {
    Headers headers{{std::string(http::kReadAfterHeader), position}};
    if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
    return client().request(verb::get, target, {}, headers);
  }

  HttpResult rename(std::int64_t id, const std::string& name) const {
    return client().request(
        verb::patch, product_url(id), boost::json::serialize(boost::json::object{{"name", name}}),
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + vendor_}});
  }

  // Reads the product, renamed "Blue Mug" on the primary only, until the
  // primary answers. A read that ended before `max_lag` had passed since
  // `lag_not_before` (a moment no earlier than the replica's lag can count
  // from) was the replica's and must show "Mug": no deadline on how fast
  // the test runs, yet on a machine that keeps up it sees both.
  void expect_reads_leave_the_replica(Clock::time_point lag_not_before,
                                      std::chrono::milliseconds max_lag) const {
    const auto deadline = Clock::now() + std::chrono::seconds(30);
    for (int replica_reads = 0;; ++replica_reads) {
      const auto read = client().get(product_url(product_id_));
      const auto ended = Clock::now();
      ASSERT_EQ(read.status, 200) << read.body;
      const std::string name(read.json().at("name").as_string());
      if (ended - lag_not_before < max_lag) {
        EXPECT_EQ(name, "Mug") << "left the replica before it lagged past the limit";
      }
      if (name == "Blue Mug") return;
      ASSERT_LT(ended, deadline) << "still read on the replica after " << replica_reads << " reads";
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  std::string replica_url_;
  std::unique_ptr<PostgresCluster> own_replica_;  // before server_: outlives it
  std::unique_ptr<TestServer> server_;
  std::string vendor_;
  std::int64_t product_id_ = 0;
};

std::int64_t product_id_of(const HttpResult& created) { return created.json().at("id").as_int64(); }

// Replay paused on the replica: what the vendor writes afterwards is on the
// primary only. Anonymous catalog reads do not see it (the replica serves
// them); the vendor, sending back the position the write answered, does.
TEST_F(ReadReplica, ServesAnonymousReadsAndTheWriterReadsItsOwnWrites) {
  start_server(replica_url_, 60'000);
  vendor_with_product("vendor@example.com");
  Admin replica(replica_url_);
  replica.wait_until_replayed(server_->app().database().write_position());
  ASSERT_EQ(client().get(product_url(product_id_)).status, 200);

  replica.pause_replay();
  const auto created = client().request(
      verb::post, "/api/products",
      boost::json::serialize(boost::json::object{
          {"name", "Vase"}, {"category", "home"}, {"price_cents", 4000}, {"inventory", 3}}),
      {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + vendor_}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto vase = product_id_of(created);
  const auto position = created.header("x-read-after");
  ASSERT_TRUE(db::parse_wal_position(position)) << "no X-Read-After after a write";
  EXPECT_NE(created.header("set-cookie").find(std::string(http::kReadAfterCookie) + "=" + position),
            std::string::npos)
      << created.header("set-cookie");
  const auto renamed = rename(product_id_, "Blue Mug");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  const auto renamed_at = renamed.header("x-read-after");

  // Anonymous: the replica's view, from before the pause.
  EXPECT_EQ(client().get(product_url(vase)).status, 404);
  const auto mug = client().get(product_url(product_id_));
  ASSERT_EQ(mug.status, 200);
  EXPECT_EQ(mug.json().at("name").as_string(), "Mug");
  const auto shop_page = client().get("/api/shops/replica-pottery");
  ASSERT_EQ(shop_page.status, 200) << shop_page.body;
  EXPECT_EQ(shop_page.json().at("products").at("items").as_array().size(), 1u) << shop_page.body;

  // The vendor, with the position of each write (header or cookie).
  EXPECT_EQ(read_after(product_url(vase), position).status, 200);
  const auto reloaded = read_after(product_url(product_id_), renamed_at, vendor_);
  ASSERT_EQ(reloaded.status, 200);
  EXPECT_EQ(reloaded.json().at("name").as_string(), "Blue Mug");
  const auto by_cookie = client().request(
      verb::get, "/api/products?shop=replica-pottery", {},
      {{"Cookie", "theme=dark; " + std::string(http::kReadAfterCookie) + "=" + renamed_at}});
  ASSERT_EQ(by_cookie.status, 200);
  EXPECT_EQ(by_cookie.json().at("items").as_array().size(), 2u) << by_cookie.body;
  // The vendor's own list is read on the primary, whatever it sends.
  const auto own = client().get("/api/my/products", vendor_);
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.json().at("items").as_array().size(), 2u) << own.body;

  replica.resume_replay();
  replica.wait_until_replayed(server_->app().database().write_position());
}

// Once the replica's replay lags past the limit, everyone reads on the
// primary; not before.
TEST_F(ReadReplica, ReadsLeaveAReplicaWhoseReplayLagsPastTheLimit) {
  if (!PostgresCluster::available()) GTEST_SKIP() << "POCKETSHOP_TEST_PG_BIN is not set";
  const std::chrono::milliseconds max_lag(3000);
  start_server(own_replica().url(), static_cast<int>(max_lag.count()));
  // The replica measures its lag from the last commit it replayed, which is
  // none older than the test's own writes.
  const auto writing_since = Clock::now();
  vendor_with_product("vendor@example.com");
  Admin replica(own_replica().url());
  replica.wait_until_replayed(server_->app().database().write_position());
  ASSERT_EQ(client().get(product_url(product_id_)).status, 200);

  replica.pause_replay();
  ASSERT_EQ(rename(product_id_, "Blue Mug").status, 200);
  expect_reads_leave_the_replica(writing_since, max_lag);
  replica.resume_replay();
}

// A write the replica has replayed no longer needs the primary: with replay
// paused after it, the writer's read (naming that write) is the replica's.
TEST_F(ReadReplica, AWriteTheReplicaHasReplayedIsReadThere) {
  if (!PostgresCluster::available()) GTEST_SKIP() << "POCKETSHOP_TEST_PG_BIN is not set";
  start_server(own_replica().url(), 60'000);
  vendor_with_product("vendor@example.com");
  const auto renamed = rename(product_id_, "Blue Mug");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  Admin replica(own_replica().url());
  replica.wait_until_replayed(*db::parse_wal_position(renamed.header("x-read-after")));
  replica.pause_replay();
  ASSERT_EQ(rename(product_id_, "Green Mug").status, 200);

  // Past the server's next look at the replica's position.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto read = read_after(product_url(product_id_), renamed.header("x-read-after"));
  replica.resume_replay();
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json().at("name").as_string(), "Blue Mug") << "read on the primary";
}

// A replica cut off from its primary has replayed all it received, so it
// reports no lag of its own; but the primary has gone on writing. Its reads
// stop once the primary's writes it lacks are older than the lag limit.
TEST_F(ReadReplica, ReadsLeaveAReplicaThatLostItsPrimary) {
  if (!PostgresCluster::available()) GTEST_SKIP() << "POCKETSHOP_TEST_PG_BIN is not set";
  const std::chrono::milliseconds max_lag(3000);
  start_server(own_replica().url(), static_cast<int>(max_lag.count()));
  vendor_with_product("vendor@example.com");
  Admin replica(own_replica().url());
  // Tests running beside this one write to other databases of the cluster,
  // whose WAL the replica shares: the first write it lacks may not be the
  // rename, but none is older than this moment, taken before the position
  // it catches up to is read. (Timed from the rename, the test failed in
  // CI, session 28.)
  const auto caught_up_since = Clock::now();
  replica.wait_until_replayed(server_->app().database().write_position());
  ASSERT_EQ(client().get(product_url(product_id_)).status, 200);

  replica.lose_primary();
  ASSERT_EQ(rename(product_id_, "Blue Mug").status, 200);
  expect_reads_leave_the_replica(caught_up_since, max_lag);
}

// The replica stops under a running server (and a server starts while it is
// down): every catalog read is answered by the primary, promptly, with what
// the primary holds.
TEST_F(ReadReplica, FallsBackToThePrimaryWhenTheReplicaStops) {
  if (!PostgresCluster::available()) GTEST_SKIP() << "POCKETSHOP_TEST_PG_BIN is not set";
  start_server(own_replica().url(), 60'000);
  vendor_with_product("vendor@example.com");
  Admin(own_replica().url()).wait_until_replayed(server_->app().database().write_position());
  const std::string reads[] = {product_url(product_id_), "/api/products", "/api/products?q=mug",
                               "/api/shops", "/api/shops/replica-pottery"};
  for (const auto& target : reads) EXPECT_EQ(client().get(target).status, 200) << target;

  own_replica().stop();
  const auto vase = create_product(client(), vendor_, "Vase", 4000, 3);
  for (int round = 0; round < 3; ++round) {
    for (const auto& target : reads) {
      const auto started = Clock::now();
      const auto result = client().get(target);
      EXPECT_EQ(result.status, 200) << target << ": " << result.body;
      EXPECT_LT(Clock::now() - started, std::chrono::seconds(5)) << target;
    }
    const auto detail = client().get(product_url(vase));
    EXPECT_EQ(detail.status, 200) << "not read on the primary: " << detail.body;
  }
  const auto list = client().get("/api/products");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json().at("items").as_array().size(), 2u) << list.body;

  // Started while the replica is down.
  server_.reset();
  start_server(own_replica().url(), 60'000);
  EXPECT_EQ(client().get("/api/products").status, 200);
  EXPECT_EQ(client().get("/api/shops").status, 200);
}

}  // namespace
}  // namespace ps::testing
