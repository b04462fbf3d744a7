// Several instances on one PostgreSQL database (issue 19, item 1): their rate
// limits count together (by the same rules as one instance's in memory),
// their migrations run once when they start together, and each holds no more
// connections than its --db-pool-size.
#include "support/server_process.h"
#include "support/test_server.h"

#include "core/embedded_file.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"
#include "http/rate_limiter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace ps::testing {
namespace {

using namespace std::chrono_literals;

// A fresh PostgreSQL database with the schema, as a server would leave it.
struct MigratedPostgres {
  ScratchPostgres scratch;
  db::Database database{scratch.url(), 4};
  MigratedPostgres() { db::migrate(database); }
};

long long number(db::Database& database, const std::string& query) {
  return database.with_session(
      [&](db::Connection& sql) { return db::Query(query).single<long long>(sql); });
}

// The GCRA's rules, wherever the times are kept: in this process's memory, as
// on SQLite (one instance by design), and in PostgreSQL's rate_limits table,
// which instances share.
class RateLimiterRules : public ::testing::TestWithParam<Backend> {
 protected:
  std::unique_ptr<http::RateLimiter> limiter(const std::string& name, int limit,
                                             std::chrono::seconds window) {
    if (GetParam() == Backend::sqlite) return std::make_unique<http::RateLimiter>(limit, window);
    if (!postgres_) postgres_ = std::make_unique<MigratedPostgres>();
    return std::make_unique<http::RateLimiter>(name, limit, window, postgres_->database);
  }

  std::unique_ptr<MigratedPostgres> postgres_;
};
INSTANTIATE_TEST_SUITE_P(Storages, RateLimiterRules,
                         ::testing::Values(Backend::sqlite, Backend::postgres),
                         [](const auto& info) { return backend_name(info.param); });

TEST_P(RateLimiterRules, AllowsTheLimitThenAsksToWait) {
  const auto limiter = this->limiter("test", 3, 60s);
  const Millis t0 = now_millis();
  EXPECT_FALSE(limiter->hit("a", t0));
  EXPECT_FALSE(limiter->hit("a", t0));
  EXPECT_FALSE(limiter->hit("a", t0));
  const auto wait = limiter->hit("a", t0);
  ASSERT_TRUE(wait);
  EXPECT_EQ(*wait, 20);  // one slot frees every 60s / 3
  if (postgres_) {
    EXPECT_EQ(number(postgres_->database, "SELECT COUNT(*) FROM rate_limits"), 1);
  }
}

TEST_P(RateLimiterRules, KeysAndLimitsAreIndependent) {
  const auto limiter = this->limiter("one", 1, 60s);
  const auto other = this->limiter("two", 1, 60s);
  const Millis t0 = now_millis();
  EXPECT_FALSE(limiter->hit("a", t0));
  EXPECT_TRUE(limiter->hit("a", t0));
  EXPECT_FALSE(limiter->hit("b", t0));
  EXPECT_FALSE(other->hit("a", t0));
}

TEST_P(RateLimiterRules, RecoversAsTimePasses) {
  const auto limiter = this->limiter("test", 2, 10s);
  const Millis t0 = now_millis();
  EXPECT_FALSE(limiter->hit("a", t0));
  EXPECT_FALSE(limiter->hit("a", t0));
  EXPECT_TRUE(limiter->hit("a", t0 + 1000));
  EXPECT_FALSE(limiter->hit("a", t0 + 5000));
  EXPECT_TRUE(limiter->hit("a", t0 + 5000));
  EXPECT_FALSE(limiter->hit("a", t0 + 20000));
  EXPECT_FALSE(limiter->hit("a", t0 + 20000));
}

TEST_P(RateLimiterRules, RefusedAttemptsDoNotExtendTheWait) {
  const auto limiter = this->limiter("test", 1, 10s);
  const Millis t0 = now_millis();
  EXPECT_FALSE(limiter->hit("a", t0));
  for (int i = 0; i < 20; ++i) EXPECT_TRUE(limiter->hit("a", t0 + 1000));
  EXPECT_FALSE(limiter->hit("a", t0 + 10000));
}

TEST(SharedRateLimiter, TheSweepDeletesOnlyRowsWhoseTimeHasPassed) {
  MigratedPostgres postgres;
  http::RateLimiter limiter("test", 1, 60s, postgres.database);
  const Millis t0 = now_millis();
  EXPECT_FALSE(limiter.hit("early", t0));
  EXPECT_FALSE(limiter.hit("late", t0 + 30000));
  http::RateLimiter::sweep_expired(postgres.database, t0 + 61000);
  EXPECT_EQ(number(postgres.database, "SELECT COUNT(*) FROM rate_limits"), 1);
  EXPECT_TRUE(limiter.hit("late", t0 + 61000));  // its count survived
  EXPECT_FALSE(limiter.hit("early", t0 + 61000));
}

// Two pools, as two instances have, race on one key: the upsert decides and
// records in one statement, so exactly `limit` attempts pass.
TEST(SharedRateLimiter, ConcurrentAttemptsFromTwoInstancesPassExactlyTheLimit) {
  MigratedPostgres postgres;
  db::Database second(postgres.scratch.url(), 4);
  http::RateLimiter first_limiter("race", 20, 3600s, postgres.database);
  http::RateLimiter second_limiter("race", 20, 3600s, second);
  const Millis t0 = now_millis();
  std::atomic<int> allowed = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      auto& limiter = t % 2 ? first_limiter : second_limiter;
      for (int i = 0; i < 10; ++i)
        if (!limiter.hit("key", t0)) ++allowed;
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(allowed.load(), 20);
}

// The number of the attempt (from 1) that was first refused with 429, or 0.
int first_refused_login(const std::vector<HttpClient>& instances, const std::string& email,
                        int attempts) {
  for (int i = 0; i < attempts; ++i) {
    const auto& instance = instances[static_cast<std::size_t>(i) % instances.size()];
    const auto result = instance.post_json(
        "/api/auth/login", {{"email", email}, {"password", "wrong-password-" + std::to_string(i)}});
    if (result.status == 429) return i + 1;
    EXPECT_EQ(result.status, 401) << result.body;
  }
  return 0;
}

const std::vector<std::string> kLoginLimits{"--login-limit-per-email", "4", "--login-limit-per-ip",
                                            "1000"};

TEST(TwoInstances, LoginAttemptsAlternatingBetweenThemHitTheLimitOfOne) {
  ServerProcess first(
      ServerProcess::Options{.backend = Backend::postgres, .extra_args = kLoginLimits});
  ServerProcess second(ServerProcess::Options{.backend = Backend::postgres,
                                              .extra_args = kLoginLimits,
                                              .database_url = first.database_url()});
  EXPECT_EQ(first_refused_login({first.client()}, "one@example.com", 10), 5);
  EXPECT_EQ(first_refused_login({first.client(), second.client()}, "two@example.com", 10), 5);
  // The other instance goes on refusing the guesses it did not count itself.
  {
    const auto refused = second.client().post_json(
        "/api/auth/login", {{"email", "one@example.com"}, {"password", "password123"}});
    EXPECT_EQ(refused.status, 429) << refused.body;
    EXPECT_GE(std::stoi(refused.header("retry-after")), 1);
  }
}

int postgres_migration_count() {
  int count = 0;
  for (const auto& file : embedded_migrations())
    if (file.name.starts_with("postgres/")) ++count;
  return count;
}

// Without the advisory lock, the second and third runner fail on tables the
// first one made, or record versions twice.
TEST(ThreeInstances, MigrateAFreshDatabaseOnceWhenTheyStartTogether) {
  ScratchPostgres scratch;
  std::vector<std::unique_ptr<db::Database>> databases;
  for (int i = 0; i < 3; ++i) databases.push_back(std::make_unique<db::Database>(scratch.url(), 2));
  std::atomic<int> applied = 0, failed = 0;
  std::vector<std::thread> runners;
  for (auto& database : databases)
    runners.emplace_back([&, target = database.get()] {
      try {
        applied += db::migrate(*target);
      } catch (const std::exception& error) {
        ++failed;
        ADD_FAILURE() << error.what();
      }
    });
  for (auto& runner : runners) runner.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(applied.load(), postgres_migration_count());
  EXPECT_EQ(number(*databases[0], "SELECT COUNT(*) FROM schema_migrations"),
            postgres_migration_count());
  EXPECT_EQ(number(*databases[0], "SELECT COUNT(DISTINCT version) FROM schema_migrations"),
            postgres_migration_count());
}

// The real binaries: three servers started at once on one fresh database all
// become healthy, and between them apply each migration once. `serve`
// migrates before it listens, so each is started (and later stopped) from a
// thread of its own: a child dies with the thread that forked it.
TEST(ThreeInstances, StartTogetherOnAFreshDatabase) {
  ScratchPostgres scratch;
  std::vector<std::unique_ptr<ServerProcess>> servers(3);
  std::vector<std::string> errors(3);
  std::latch all_started(3), checked(1);
  std::vector<std::thread> holders;
  for (std::size_t i = 0; i < servers.size(); ++i)
    holders.emplace_back([&, i] {
      try {
        servers[i] = std::make_unique<ServerProcess>(
            ServerProcess::Options{.backend = Backend::postgres, .database_url = scratch.url()});
      } catch (const std::exception& error) {
        errors[i] = error.what();
      }
      all_started.count_down();
      checked.wait();
      servers[i].reset();
    });
  all_started.wait();
  int applying = 0;
  for (std::size_t i = 0; i < servers.size(); ++i) {
    EXPECT_EQ(errors[i], "");
    if (!servers[i]) continue;
    EXPECT_EQ(servers[i]->client().get("/healthz").status, 200);
    const std::string log = servers[i]->log();
    for (auto at = log.find("applying migration"); at != std::string::npos;
         at = log.find("applying migration", at + 1))
      ++applying;
  }
  checked.count_down();
  for (auto& holder : holders) holder.join();
  EXPECT_EQ(applying, postgres_migration_count());
  db::Database database(scratch.url(), 1);
  EXPECT_EQ(number(database, "SELECT COUNT(*) FROM schema_migrations"), postgres_migration_count());
}

// --db-pool-size bounds the connections an instance opens, however many
// requests wait: sampled from PostgreSQL's side while 32 clients read.
TEST(OneInstance, HoldsNoMoreConnectionsThanItsPoolSizeUnderLoad) {
  constexpr int kPoolSize = 3;
  ServerProcess server(
      {.backend = Backend::postgres, .extra_args = {"--db-pool-size", std::to_string(kPoolSize)}});
  db::Database observer(server.database_url(), 1);
  const std::string count_others =
      "SELECT COUNT(*) FROM pg_stat_activity "
      "WHERE datname = current_database() AND backend_type = 'client backend' "
      "AND pid <> pg_backend_pid()";
  std::atomic<bool> loading = true;
  std::atomic<int> answered = 0;
  std::vector<std::thread> clients;
  for (int c = 0; c < 32; ++c)
    clients.emplace_back([&] {
      while (loading)
        if (server.client().get("/api/products").status == 200) ++answered;
    });
  long long most = 0;
  const auto until = std::chrono::steady_clock::now() + 2s;
  while (std::chrono::steady_clock::now() < until) {
    most = std::max(most, number(observer, count_others));
    std::this_thread::sleep_for(5ms);
  }
  loading = false;
  for (auto& client : clients) client.join();
  EXPECT_GT(answered.load(), 32);
  EXPECT_GE(most, 1);
  EXPECT_LE(most, kPoolSize);
}

}  // namespace
}  // namespace ps::testing
