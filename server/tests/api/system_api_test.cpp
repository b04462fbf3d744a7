#include "catalog/store.h"
#include "core/random.h"
#include "db/database.h"
#include "db/migrations.h"
#include "db/query.h"
#include "orders/store.h"
#include "reviews/store.h"
#include "shops/store.h"
#include "support/api_test.h"

#include <gmock/gmock.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <future>
#include <map>
#include <set>
#include <span>
#include <thread>

namespace ps::testing {
namespace {

using boost::beast::http::verb;
using namespace std::chrono_literals;

class SystemApi : public ApiTest {
 protected:
  void configure(Config& config) override {
    config.max_body_bytes = 4096;
    config.idle_timeout_seconds = 1;
    config.body_timeout_seconds = 1;
  }
  // A request that takes a while, to observe graceful shutdown.
  void add_routes(Application& app) override {
    app.router().add(verb::get, "/test/slow",
                     [](http::Request&) -> boost::asio::awaitable<http::Response> {
                       boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
                       timer.expires_after(400ms);
                       co_await timer.async_wait(boost::asio::use_awaitable);
                       co_return http::json_response(200, {{"slow", true}});
                     });
  }
};
POCKETSHOP_API_TEST(SystemApi);

TEST_P(SystemApi, HealthzChecksTheDatabase) {
  const auto result = client().get("/healthz");
  ASSERT_EQ(result.status, 200);
  EXPECT_EQ(result.json().at("database").as_string(), "ok");
}

TEST_P(SystemApi, UnknownRouteIsProblemJson404) {
  const auto result = client().get("/api/does-not-exist");
  expect_problem(result, 404, "not-found");
  EXPECT_EQ(result.json().at("type").as_string(), "/problems/not-found");
}

TEST_P(SystemApi, WrongMethodIs405WithAllow) {
  const auto result = client().request(verb::delete_, "/api/auth/login");
  expect_problem(result, 405, "method-not-allowed");
  EXPECT_EQ(result.header("allow"), "POST");
}

TEST_P(SystemApi, EveryResponseCarriesARequestId) {
  const auto generated = client().get("/healthz");
  EXPECT_EQ(generated.header("x-request-id").size(), 16u);
  const auto echoed = client().request(verb::get, "/healthz", {}, {{"X-Request-Id", "trace-42"}});
  EXPECT_EQ(echoed.header("x-request-id"), "trace-42");
  const auto unsafe =
      client().request(verb::get, "/healthz", {}, {{"X-Request-Id", "bad id\twith spaces"}});
  EXPECT_NE(unsafe.header("x-request-id"), "bad id\twith spaces");
  EXPECT_FALSE(client().get("/nope").header("x-request-id").empty());
}

TEST_P(SystemApi, HeadAnswersLikeGetWithoutABody) {
  const auto get = client().get("/healthz");
  const auto head = client().request(verb::head, "/healthz");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size()));
}

TEST_P(SystemApi, KeepAliveServesSeveralRequestsOnOneConnection) {
  RawConnection connection(server().port());
  for (int i = 0; i < 3; ++i) {
    connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto response = connection.read_response(2000);
    EXPECT_EQ(response.rfind("HTTP/1.1 200", 0), 0u) << response;
  }
  connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(connection.read_response(2000).rfind("HTTP/1.1 200", 0), 0u);
  EXPECT_TRUE(connection.closed_by_peer(2000));
}

TEST_P(SystemApi, OversizeBodyIs413) {
  const std::string big = "{\"email\": \"" + std::string(10000, 'a') + "\"}";
  const auto result = client().request(verb::post, "/api/auth/register", big,
                                       {{"Content-Type", "application/json"}});
  expect_problem(result, 413, "payload-too-large");
}

TEST_P(SystemApi, OversizeChunkedBodyIs413) {
  RawConnection connection(server().port());
  std::string request =
      "POST /api/auth/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 10; ++i) request += "400\r\n" + std::string(1024, 'a') + "\r\n";
  request += "0\r\n\r\n";
  connection.send(request);
  const auto response = connection.read_response(3000);
  EXPECT_EQ(response.rfind("HTTP/1.1 413", 0), 0u) << response;
  EXPECT_NE(response.find("application/problem+json"), std::string::npos);
}

TEST_P(SystemApi, MalformedHttpIs400) {
  RawConnection connection(server().port());
  connection.send("THIS IS NOT HTTP\r\n\r\n");
  const auto response = connection.read_response(2000);
  EXPECT_EQ(response.rfind("HTTP/1.1 400", 0), 0u) << response;
  EXPECT_NE(response.find("application/problem+json"), std::string::npos);
}

TEST_P(SystemApi, HugeHeadersAre431) {
  RawConnection connection(server().port());
  connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'b') +
                  "\r\n\r\n");
  const auto response = connection.read_response(2000);
  EXPECT_EQ(response.rfind("HTTP/1.1 431", 0), 0u) << response.substr(0, 200);
}

TEST_P(SystemApi, BadPercentEncodingIs400) {
  const auto result = client().get("/api/%zz");
  expect_problem(result, 400, "bad-request");
}

TEST_P(SystemApi, SilentClientIsDropped) {
  RawConnection connection(server().port());
  EXPECT_TRUE(connection.closed_by_peer(3000));
}

TEST_P(SystemApi, SlowHeadersAreDropped) {
  RawConnection connection(server().port());
  const auto start = std::chrono::steady_clock::now();
  bool closed = false;
  // One header byte every 200 ms never completes a request within the 1 s limit.
  for (int i = 0; i < 20 && !closed; ++i) {
    try {
      connection.send("G");
    } catch (const std::exception&) {
      closed = true;
      break;
    }
    closed = connection.closed_by_peer(200);
  }
  EXPECT_TRUE(closed);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
}

TEST_P(SystemApi, SlowBodyIsDropped) {
  RawConnection connection(server().port());
  connection.send(
      "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 100\r\n\r\n{");
  EXPECT_TRUE(connection.closed_by_peer(3000));
}

TEST_P(SystemApi, ShutdownLetsRequestsInFlightFinish) {
  auto slow = std::async(std::launch::async,
                         [port = server().port()] { return HttpClient(port).get("/test/slow"); });
  std::this_thread::sleep_for(100ms);
  server().app().stop();
  const auto result = slow.get();
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.header("connection"), "close");
  server().app().wait();
  EXPECT_THROW(client().get("/healthz"), std::exception);  // no longer listening
}

TEST_P(SystemApi, MigrationsAreRecordedAndSafeToRunTwice) {
  EXPECT_EQ(server().app().migrate(), 0);
  int recorded = 0;
  server().app().database().with_session([&](db::Connection& sql) {
    sql.session() << "SELECT COUNT(*) FROM schema_migrations", soci::into(recorded);
  });
  EXPECT_GE(recorded, 1);
}

namespace {
// This database's migration scripts, as embedded.
std::vector<EmbeddedFile> migration_scripts(db::Dialect dialect) {
  const std::string_view folder = dialect == db::Dialect::sqlite ? "sqlite/" : "postgres/";
  std::vector<EmbeddedFile> scripts;
  for (const auto& file : embedded_migrations())
    if (file.name.starts_with(folder)) scripts.push_back(file);
  std::ranges::sort(scripts, {}, &EmbeddedFile::name);
  return scripts;
}

// version -> recorded checksum ("" when NULL).
std::map<int, std::string> recorded_checksums(db::Database& database) {
  struct Row {
    int version = 0;
    std::string checksum;
    void define(soci::statement& st) {
      st.exchange(soci::into(version));
      st.exchange(soci::into(checksum));
    }
  };
  std::map<int, std::string> checksums;
  database.with_session([&](db::Connection& sql) {
    db::Query("SELECT version, COALESCE(checksum, '') FROM schema_migrations")
        .each<Row>(sql, [&](const Row& row) { checksums[row.version] = row.checksum; });
  });
  return checksums;
}

// The message migrate() fails with, or "" when it does not.
std::string migrate_error(db::Database& database, std::span<const EmbeddedFile> scripts) {
  try {
    db::migrate(database, scripts);
  } catch (const std::exception& error) {
    return error.what();
  }
  return {};
}
}  // namespace

TEST_P(SystemApi, MigrationsRecordTheChecksumsOfTheirScripts) {
  auto& database = server().app().database();
  const auto scripts = migration_scripts(database.dialect());
  const auto recorded = recorded_checksums(database);
  ASSERT_EQ(recorded.size(), scripts.size());
  auto script = scripts.begin();
  for (const auto& [version, checksum] : recorded)
    EXPECT_EQ(checksum, sha256_hex((script++)->content)) << "version " << version;
}

TEST_P(SystemApi, AnEditedMigrationStopsTheServerNamingTheFile) {
  auto& database = server().app().database();
  auto scripts = migration_scripts(database.dialect());
  const std::string edited = std::string(scripts[1].content) + "\n-- edited after release\n";
  scripts[1].content = edited;
  const auto error = migrate_error(database, scripts);
  EXPECT_THAT(error, ::testing::HasSubstr("migration file " + std::string(scripts[1].name) +
                                          " has changed since it was applied"));
  EXPECT_EQ(error.find(std::string(scripts[0].name)), std::string::npos) << error;
  EXPECT_EQ(migrate_error(database, embedded_migrations()), "");  // as released: fine
}

// A database migrated before checksums were kept: its table lacks the column.
TEST_P(SystemApi, ChecksumsAreAddedToMigrationsAppliedWithoutThem) {
  auto& database = server().app().database();
  const auto expected = recorded_checksums(database);
  database.with_session([&](db::Connection& sql) {
    sql.session() << "ALTER TABLE schema_migrations DROP COLUMN checksum";
  });
  EXPECT_EQ(db::migrate(database), 0);
  EXPECT_EQ(recorded_checksums(database), expected);
  database.with_session([&](db::Connection& sql) {
    sql.session() << "UPDATE schema_migrations SET checksum = 'not what was applied' "
                     "WHERE version = 1";
  });
  EXPECT_THAT(migrate_error(database, embedded_migrations()),
              ::testing::HasSubstr(std::string(migration_scripts(database.dialect())[0].name)));
}

// Lists are newest first (or most products first) with id as the
// tie-break: on SQLite their indexes must hand the rows over in that order,
// or every page sorts all of a buyer's or a shop's orders, a product's
// reviews, a shop's products or all shops (migrations 007 to 009).
TEST_P(SystemApi, ListsAreReadInTheirIndexesOrder) {
  if (server().app().database().dialect() != db::Dialect::sqlite)
    GTEST_SKIP() << "PostgreSQL's plans depend on its statistics";
  auto orders_list = [](std::optional<std::int64_t> buyer, std::optional<std::int64_t> shop,
                        std::optional<orders::OrderStatus> status) {
    return orders::store::list_query(
        {.buyer_id = buyer, .shop_id = shop, .status = status, .page = PageRequest{3, 20}});
  };
  std::vector<std::pair<db::Query, std::string>> lists;
  lists.emplace_back(orders_list(7, std::nullopt, std::nullopt), "orders_");
  lists.emplace_back(orders_list(std::nullopt, 3, std::nullopt), "orders_");
  lists.emplace_back(orders_list(std::nullopt, 3, orders::OrderStatus::paid), "orders_");
  lists.emplace_back(reviews::store::for_product_query(5, PageRequest{2, 20}), "reviews_product");
  lists.emplace_back(catalog::store::newest_of_shops_query({3}, 25), "products_listed_shop_newest");
  lists.emplace_back(shops::store::list_query({"", shops::ShopSort::products, PageRequest{2, 24}}),
                     "shops_most_products");
  struct PlanRow {
    int id = 0, parent = 0, unused = 0;
    std::string detail;
    void define(soci::statement& st) {
      st.exchange(soci::into(id));
      st.exchange(soci::into(parent));
      st.exchange(soci::into(unused));
      st.exchange(soci::into(detail));
    }
  };
  for (auto& [statement, index] : lists) {
    const std::string text = statement.text();
    std::string plan;
    statement.prefix("EXPLAIN QUERY PLAN ");
    server().app().database().with_session([&](db::Connection& sql) {
      statement.each<PlanRow>(sql, [&](const PlanRow& row) { plan += row.detail + "\n"; });
    });
    EXPECT_NE(plan.find("INDEX " + index), std::string::npos) << text << "\n" << plan;
    EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << text << "\n" << plan;
  }
}

TEST_P(SystemApi, OpenApiDocumentDescribesEveryRoute) {
  const auto result = client().get("/api/openapi.json");
  ASSERT_EQ(result.status, 200);
  const auto doc = result.json().as_object();
  EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
  const auto& paths = doc.at("paths").as_object();

  std::set<std::string> routed;
  for (const auto& route : server().app().router().routes()) {
    if (route.pattern.rfind("/test/", 0) == 0) continue;  // this fixture's probes
    std::string method(boost::beast::http::to_string(route.method));
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    routed.insert(method + " " + route.pattern);
    EXPECT_TRUE(paths.contains(route.pattern) &&
                paths.at(route.pattern).as_object().contains(method))
        << "undocumented: " << method << " " << route.pattern;
  }
  for (const auto& [path, item] : paths)
    for (const auto& [method, operation] : item.as_object())
      EXPECT_TRUE(routed.count(std::string(method) + " " + std::string(path)))
          << "documented but not served: " << method << " " << path;
}

struct SqliteSettings {
  std::string journal_mode;
  int foreign_keys = 0;
  int busy_timeout_ms = 0;
  bool connection_mutex = true;  // serialized mode; pooled sessions need none
  const void* handle = nullptr;  // which connection
};

SqliteSettings read_settings(db::Connection& sql) {
  SqliteSettings settings;
  sql.session() << "PRAGMA journal_mode", soci::into(settings.journal_mode);
  sql.session() << "PRAGMA foreign_keys", soci::into(settings.foreign_keys);
  sql.session() << "PRAGMA busy_timeout", soci::into(settings.busy_timeout_ms);
  auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.session().get_backend());
  settings.connection_mutex = sqlite_api::sqlite3_db_mutex(backend->conn_) != nullptr;
  settings.handle = backend->conn_;
  return settings;
}

// Each nested with_session holds one more pooled connection, so every
// connection of the pool is read.
void read_every_connection(db::Database& database, std::vector<SqliteSettings>& settings) {
  database.with_session([&](db::Connection& sql) {
    settings.push_back(read_settings(sql));
    if (settings.size() < database.pool_size()) read_every_connection(database, settings);
  });
}

// Transactions run on one connection beside the pool, the same every time,
// so that its cache is not dropped by a commit of another connection.
TEST(SqliteConnections, UseWalForeignKeysABusyTimeoutNoConnectionMutexAndOneWriter) {
  TestServer server(Backend::sqlite);
  auto& database = server.app().database();
  std::vector<SqliteSettings> settings;
  read_every_connection(database, settings);
  ASSERT_EQ(settings.size(), database.pool_size());
  ASSERT_GE(settings.size(), 2u);
  std::set<const void*> pooled;
  for (const auto& connection : settings) pooled.insert(connection.handle);
  EXPECT_EQ(pooled.size(), settings.size());
  for (int round = 0; round < 2; ++round)
    settings.push_back(
        database.transaction([](db::Connection& sql) { return read_settings(sql); }));
  const auto& writer = settings.back();
  EXPECT_EQ(writer.handle, settings[settings.size() - 2].handle);
  EXPECT_FALSE(pooled.contains(writer.handle));
  for (const auto& connection : settings) {
    EXPECT_EQ(connection.journal_mode, "wal");
    EXPECT_EQ(connection.foreign_keys, 1);
    EXPECT_GE(connection.busy_timeout_ms, 1000);
    EXPECT_FALSE(connection.connection_mutex);
  }
  // And the foreign keys are enforced: no refresh token for a missing user.
  EXPECT_THROW(database.with_session([](db::Connection& sql) {
    sql.session()
        << "INSERT INTO refresh_tokens (user_id, family_id, token_hash, created_at, expires_at) "
           "VALUES (987654, 'family', 'hash', 0, 0)";
  }),
               soci::soci_error);
}

// After a bulk load the planner gets statistics for the tables that hold rows
// and none for the empty ones: on PostgreSQL, "empty" would make the first
// orders' foreign-key checks plan sequential scans for good.
TEST_P(SystemApi, AnalyzeAfterABulkLoadSkipsEmptyTables) {
  auto& database = server().app().database();
  database.with_session([](db::Connection& sql) {
    sql.session() << "INSERT INTO users (email, password_hash, display_name, role, created_at) "
                     "VALUES ('bulk@example.com', 'x', 'Bulk', 'buyer', 0)";
  });
  database.analyze_filled_tables();
  if (GetParam() != Backend::postgres) return;  // SQLite: a plain ANALYZE, checked by not failing
  double users = 0, orders = 0;
  database.with_session([&](db::Connection& sql) {
    sql.session() << "SELECT reltuples FROM pg_class WHERE relname = 'users'", soci::into(users);
    sql.session() << "SELECT reltuples FROM pg_class WHERE relname = 'orders'", soci::into(orders);
  });
  EXPECT_EQ(users, 1);
  EXPECT_EQ(orders, -1);  // never analyzed: the planner assumes a few pages, not none
}

}  // namespace
}  // namespace ps::testing
