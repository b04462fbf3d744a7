// kill -9 in the middle of a checkout load, then a restart on the same data:
// every answered checkout survived, nothing is half-written, no unit of stock
// was lost or sold twice, and a checkout the kill cut off can be retried with
// its Idempotency-Key to learn what happened.
#include "support/api_test.h"
#include "support/checkout_request.h"
#include "support/server_process.h"
#include "support/shop_client.h"

#include "db/database.h"

#include <soci/soci.h>

#include <array>
#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <thread>

namespace ps::testing {
namespace {

using boost::beast::http::verb;
using Clock = std::chrono::steady_clock;

constexpr long long kInitialStock = 20000;
constexpr int kProducts = 3;
constexpr int kBuyers = 16;
constexpr int kMinAnswered = 20;  // checkouts answered 201 before the kill
constexpr auto kLoadTime = std::chrono::milliseconds(1500);
constexpr auto kLoadLimit = std::chrono::seconds(15);
// What one buyer thread saw while the server was alive.
struct BuyerLog {
  std::vector<std::int64_t> answered;  // checkout ids answered 201
  std::vector<std::string> unexpected;
  std::string unanswered_key;  // the checkout the kill cut off, if any
};

// Every row a query returns, each as a tuple of `Columns` integers.
template <std::size_t Columns>
std::vector<std::array<long long, Columns>> rows(db::Connection& sql, const std::string& query) {
  std::array<long long, Columns> row{};
  soci::statement statement(sql.session());
  for (auto& value : row) statement.exchange(soci::into(value));
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  statement.execute();
  std::vector<std::array<long long, Columns>> result;
  while (statement.fetch()) result.push_back(row);
  return result;
}

long long count(db::Connection& sql, const std::string& query) {
  long long n = -1;
  sql.session() << query, soci::into(n);
  return n;
}

class CrashRecovery : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<ServerProcess>(
        GetParam(),
        std::vector<std::string>{"--checkout-limit-per-user", "1000000", "--signup-limit-per-ip",
                                 "1000000", "--login-limit-per-ip", "1000000"});
    const auto client = server_->client();
    const auto vendor = sign_up(client, "vendor@example.com", "vendor");
    server_->verify_email("vendor@example.com");
    ASSERT_EQ(client.post_json("/api/shops", {{"name", "Crash Pottery"}}, vendor).status, 201);
    for (int n = 0; n < kProducts; ++n)
      products_.push_back(create_product(client, vendor, "Crash product " + std::to_string(n),
                                         500 + n, kInitialStock));
    for (int n = 0; n < kBuyers; ++n)
      buyers_.push_back(sign_up(client, "buyer" + std::to_string(n) + "@example.com", "buyer"));
  }

  // Buys until the server disappears under it (or stop_ is set).
  void shop(int buyer, BuyerLog& log) {
    const auto client = server_->client();
    const auto& token = buyers_[static_cast<std::size_t>(buyer)];
    for (int round = 0; !stop_; ++round) {
      try {
        const auto product = products_[static_cast<std::size_t>((buyer + round) % kProducts)];
        const int added = add_to_cart(client, token, product, 1 + round % 3);
        if (added != 200) log.unexpected.push_back("cart " + std::to_string(added));
        log.unanswered_key = "crash-" + std::to_string(buyer) + "-" + std::to_string(round);
        const auto result = checkout(client, token, log.unanswered_key);
        log.unanswered_key.clear();
        if (result.status == 201) {
          log.answered.push_back(result.json().at("checkout_id").as_int64());
          ++answered_;
        } else {
          log.unexpected.push_back(std::to_string(result.status) + " " + result.body);
        }
      } catch (const std::exception& error) {
        // Refused or reset: fine once the server is killed, a bug before.
        if (!killed_) log.unexpected.push_back(std::string("connection lost: ") + error.what());
        return;
      }
    }
  }

  // Runs every buyer, SIGKILLs the server mid-load and returns what was answered.
  std::vector<BuyerLog> load_then_kill() {
    std::vector<BuyerLog> logs(kBuyers);
    std::vector<std::thread> threads;
    for (int n = 0; n < kBuyers; ++n)
      threads.emplace_back([this, n, &logs] { shop(n, logs[static_cast<std::size_t>(n)]); });
    const auto started = Clock::now();
    while (Clock::now() - started < kLoadLimit &&
           (Clock::now() - started < kLoadTime || answered_ < kMinAnswered))
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    killed_ = true;
    server_->kill();
    stop_ = true;
    for (auto& thread : threads) thread.join();
    return logs;
  }

  db::Database open_database() { return db::Database(server_->database_url(), 1); }

  // Each buyer whose checkout the kill cut off retries it with the same
  // Idempotency-Key, as clients should, and must learn its outcome. Returns
  // every checkout id some buyer was told about.
  std::set<long long> retry_cut_off_checkouts(const std::vector<BuyerLog>& logs) {
    const auto client = server_->client();
    std::set<long long> known;
    for (std::size_t buyer = 0; buyer < logs.size(); ++buyer) {
      const auto& log = logs[buyer];
      known.insert(log.answered.begin(), log.answered.end());
      if (log.unanswered_key.empty()) continue;
      const auto retried = checkout(client, buyers_[buyer], log.unanswered_key);
      EXPECT_EQ(retried.status, 201) << log.unanswered_key << ": " << retried.body;
      if (retried.status == 201) known.insert(retried.json().at("checkout_id").as_int64());
    }
    return known;
  }

  std::unique_ptr<ServerProcess> server_;
  std::vector<std::int64_t> products_;
  std::vector<std::string> buyers_;
  std::atomic<int> answered_{0};
  std::atomic<bool> killed_{false};
  std::atomic<bool> stop_{false};
};
POCKETSHOP_API_TEST(CrashRecovery);

void expect_answered_checkouts_exist(db::Connection& sql, const std::vector<BuyerLog>& logs) {
  std::map<long long, long long> orders_per_checkout;
  for (const auto& [checkout, orders] :
       rows<2>(sql, "SELECT checkout_id, COUNT(*) FROM orders GROUP BY checkout_id"))
    orders_per_checkout[checkout] = orders;
  for (const auto& log : logs)
    for (const auto checkout : log.answered)
      EXPECT_GE(orders_per_checkout[checkout], 1) << "checkout " << checkout << " was lost";
}

void expect_nothing_half_written(db::Connection& sql) {
  EXPECT_EQ(count(sql,
                  "SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM payments p "
                  "WHERE p.id = o.payment_id AND p.checkout_id = o.checkout_id)"),
            0)
      << "orders without their payment";
  EXPECT_EQ(count(sql,
                  "SELECT COUNT(*) FROM checkouts c WHERE NOT EXISTS "
                  "(SELECT 1 FROM orders o WHERE o.checkout_id = c.id) OR NOT EXISTS "
                  "(SELECT 1 FROM payments p WHERE p.checkout_id = c.id)"),
            0)
      << "checkouts without orders or payment";
  EXPECT_EQ(count(sql,
                  "SELECT COUNT(*) FROM orders o WHERE NOT EXISTS "
                  "(SELECT 1 FROM order_items i WHERE i.order_id = o.id)"),
            0)
      << "orders without items";
  EXPECT_EQ(count(sql,
                  "SELECT COUNT(*) FROM checkouts c JOIN payments p ON p.checkout_id = c.id "
                  "WHERE p.amount_cents <> c.total_cents OR c.total_cents <> "
                  "(SELECT SUM(o.total_cents) FROM orders o WHERE o.checkout_id = c.id)"),
            0)
      << "checkouts whose payment or orders do not add up";
}

void expect_stock_accounted_for(db::Connection& sql) {
  const auto stock = rows<3>(sql,
                             "SELECT p.id, p.inventory, COALESCE((SELECT SUM(i.quantity) FROM "
                             "order_items i WHERE i.product_id = p.id), 0) FROM products p");
  ASSERT_EQ(stock.size(), static_cast<std::size_t>(kProducts));
  for (const auto& [product, inventory, sold] : stock) {
    EXPECT_GE(inventory, 0) << "product " << product;
    EXPECT_EQ(inventory + sold, kInitialStock) << "product " << product;
  }
}

TEST_P(CrashRecovery, KillDuringCheckoutLoadLosesNothing) {
  const auto logs = load_then_kill();
  ASSERT_GE(answered_, kMinAnswered) << "too little load before the kill:\n" << server_->log();
  for (const auto& log : logs)
    for (const auto& problem : log.unexpected) ADD_FAILURE() << "before the kill: " << problem;

  server_->restart();
  auto database = open_database();
  database.with_session([&](db::Connection& sql) {
    expect_answered_checkouts_exist(sql, logs);
    expect_nothing_half_written(sql);
    expect_stock_accounted_for(sql);
  });
  const auto known = retry_cut_off_checkouts(logs);
  database.with_session([&](db::Connection& sql) {
    for (const auto& [checkout] : rows<1>(sql, "SELECT id FROM checkouts"))
      EXPECT_TRUE(known.count(checkout)) << "checkout " << checkout << " was never answered";
  });

  // The restarted server takes new checkouts on the same data.
  const auto client = server_->client();
  EXPECT_EQ(client.get("/healthz").status, 200);
  ASSERT_EQ(add_to_cart(client, buyers_.front(), products_.front(), 1), 200);
  const auto after = checkout(client, buyers_.front(), "after-the-restart");
  EXPECT_EQ(after.status, 201) << after.body;
  database.with_session([&](db::Connection& sql) {
    expect_nothing_half_written(sql);
    expect_stock_accounted_for(sql);
  });
  EXPECT_EQ(server_->terminate(), 0) << server_->log();
}

}  // namespace
}  // namespace ps::testing
