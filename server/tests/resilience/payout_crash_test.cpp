// kill -9 while the job workers send payouts to the gateway (one payout for
// each of several vendors), then a restart on the same data with a 1 s lease:
// every payout reaches the gateway exactly once (one transfer and one payout
// per connected account, the idempotency keys answering the retries of jobs
// the kill cut off), each is posted once and the books balance.
#include "support/api_test.h"
#include "support/card_tokens.h"
#include "support/gateway_process.h"
#include "support/ledger_invariants.h"
#include "support/server_process.h"
#include "support/shop_client.h"

#include "db/database.h"

#include <soci/soci.h>

#include <boost/json.hpp>

#include <chrono>
#include <map>
#include <thread>

namespace ps::testing {
namespace {

using boost::beast::http::verb;
using Clock = std::chrono::steady_clock;

constexpr int kVendors = 8;

long long count(db::Database& database, const std::string& query) {
  long long n = -1;
  database.with_session([&](db::Connection& sql) { sql.session() << query, soci::into(n); });
  return n;
}

// How many of the gateway's newest events of this type name each account
// (field: where the event's object names it).
std::map<std::string, int> events_per_account(const std::string& type, const std::string& field) {
  std::map<std::string, int> seen;
  const auto answer = test_gateway().get("/v1/events?limit=100&type=" + type).json();
  for (const auto& event : answer.at("data").as_array()) {
    const auto& object = event.at("data").at("object").as_object();
    const auto* named =
        field == "account" ? event.as_object().if_contains("account") : object.if_contains(field);
    if (named && named->is_string()) ++seen[std::string(named->as_string())];
  }
  return seen;
}

class PayoutCrashRecovery : public ::testing::TestWithParam<Backend> {};

TEST_P(PayoutCrashRecovery, NothingIsPaidTwiceAcrossAKill) {
  // First without job workers, so that every payout waits in the queue...
  ServerProcess shop(GetParam(),
                     {"--job-workers", "0", "--payout-hold-days", "0", "--release-interval", "1"});
  const auto client = shop.client();
  const auto buyer = sign_up(client, "buyer@example.com", "buyer");
  std::vector<std::string> vendors, accounts;
  for (int i = 0; i < kVendors; ++i) {
    const auto n = std::string(1, static_cast<char>('a' + i));
    const auto vendor = sign_up(client, "vendor" + n + "@example.com", "vendor");
    shop.verify_email("vendor" + n + "@example.com");
    ASSERT_EQ(client.post_json("/api/shops", {{"name", "Crash Payouts " + n}}, vendor).status, 201);
    const auto product = create_product(client, vendor, "Crash plate " + n, 1000, 1);
    const auto connected =
        client.post_json("/api/my/payout-account", boost::json::object{}, vendor);
    ASSERT_EQ(connected.status, 200) << connected.body;
    accounts.emplace_back(connected.json().at("gateway_account_id").as_string());
    ASSERT_EQ(add_to_cart(client, buyer, product, 1), 200);
    const auto placed = checkout(client, buyer, "crash-payout-" + n);
    ASSERT_EQ(placed.status, 201) << placed.body;
    const auto order =
        "/api/orders/" + std::to_string(placed.json().at("orders").at(0).at("id").as_int64());
    ASSERT_EQ(
        client
            .post_json(order + "/ship", {{"carrier", "DHL"}, {"tracking_number", "JD0001"}}, vendor)
            .status,
        200);
    ASSERT_EQ(client.post_json(order + "/deliver", boost::json::object{}, vendor).status, 200);
    vendors.push_back(vendor);
  }
  for (const auto& vendor : vendors) {
    // The release task makes the earnings available within a second or two.
    const auto paid = eventually(201, [&] {
      return client.request(
          verb::post, "/api/my/payouts", "{}",
          {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + vendor}});
    });
    ASSERT_EQ(paid.status, 201) << paid.body;
  }
  ASSERT_EQ(shop.terminate(), 0);

  // ...then on the same data with two workers, killed while they work.
  db::Database database(shop.database_url(), 1);
  ServerProcess::Options options;
  options.backend = GetParam();
  options.database_url = shop.database_url();
  options.data_dir = shop.data_dir();
  options.extra_args = {"--job-workers", "2", "--job-poll-ms", "10", "--job-lease-seconds", "1"};
  ServerProcess server(options);
  const std::string sent = "SELECT COUNT(*) FROM payouts WHERE status <> 'pending'";
  const auto deadline = Clock::now() + std::chrono::seconds(20);
  while (count(database, sent) < 1 && Clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  server.kill();
  RecordProperty("sent_before_kill", count(database, sent));

  server.restart();
  const auto settle = Clock::now() + std::chrono::seconds(30);
  while (count(database, sent) < kVendors && Clock::now() < settle)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));

  EXPECT_EQ(count(database, sent), kVendors);
  EXPECT_EQ(count(database, "SELECT COUNT(*) FROM payouts"), kVendors);
  EXPECT_EQ(count(database, "SELECT COUNT(*) FROM jobs WHERE kind = 'payout' AND status = 'done'"),
            kVendors);
  EXPECT_EQ(count(database, "SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'payout'"),
            kVendors);
  const SqlNumber number = [&](const std::string& query) { return count(database, query); };
  expect_ledger_balanced(number);
  expect_ledger_agrees_with_orders(number);
  EXPECT_EQ(count(database,
                  "SELECT COUNT(*) FROM ledger_balances WHERE account LIKE "
                  "'vendor:%:balance' AND amount <> 0"),
            0);
  // At the gateway: one transfer to each account and one payout from it.
  const auto transfers = events_per_account("transfer.created", "destination");
  const auto payouts = events_per_account("payout.created", "account");
  for (const auto& account : accounts) {
    EXPECT_EQ(transfers.contains(account) ? transfers.at(account) : 0, 1) << account;
    EXPECT_EQ(payouts.contains(account) ? payouts.at(account) : 0, 1) << account;
  }
}

INSTANTIATE_TEST_SUITE_P(Databases, PayoutCrashRecovery,
                         ::testing::Values(Backend::sqlite, Backend::postgres),
                         [](const auto& info) { return backend_name(info.param); });

}  // namespace
}  // namespace ps::testing
