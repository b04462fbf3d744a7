// kill -9 while the job workers apply webhook events (a dispute of 1 cent
// each, on one payment), then a restart on the same data with a 1 s lease:
// every event is applied, none is lost or left running, each dispute is
// posted once and the books balance. Jobs the kill cut off are taken back
// when their lease lapses (their attempts show it).
#include "support/api_test.h"
#include "support/ledger_invariants.h"
#include "support/server_process.h"
#include "support/shop_client.h"

#include "db/database.h"

#include <soci/soci.h>
#include <sodium.h>

#include <boost/json.hpp>

#include <chrono>
#include <cstring>
#include <thread>

namespace ps::testing {
namespace {

using boost::beast::http::verb;
using Clock = std::chrono::steady_clock;

constexpr const char* kSecret = "whsec_crash_test";
constexpr int kEvents = 500;
constexpr long long kProcessedBeforeKill = 20;

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string signature(const std::string& body) {
  const auto t = std::to_string(unix_now());
  const std::string message = t + "." + body;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(kSecret),
                              std::strlen(kSecret));
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return "t=" + t + ",v1=" + hex;
}

long long count(db::Database& database, const std::string& query) {
  long long n = -1;
  database.with_session([&](db::Connection& sql) { sql.session() << query, soci::into(n); });
  return n;
}

std::string text(db::Database& database, const std::string& query) {
  std::string value;
  database.with_session([&](db::Connection& sql) { sql.session() << query, soci::into(value); });
  return value;
}

class WebhookCrashRecovery : public ::testing::TestWithParam<Backend> {};

TEST_P(WebhookCrashRecovery, EventsAreAppliedExactlyOnceAcrossAKill) {
  // First without job workers, so that every event waits in the queue...
  ServerProcess receiver(GetParam(), {"--payment-webhook-secret", kSecret, "--job-workers", "0"});
  const auto client = receiver.client();
  const auto vendor = sign_up(client, "vendor@example.com", "vendor");
  receiver.verify_email("vendor@example.com");
  ASSERT_EQ(client.post_json("/api/shops", {{"name", "Crash Pottery"}}, vendor).status, 201);
  const auto product = create_product(client, vendor, "Crash mug", 5000, 10);
  const auto buyer = sign_up(client, "buyer@example.com", "buyer");
  ASSERT_EQ(add_to_cart(client, buyer, product, 1), 200);
  ASSERT_EQ(checkout(client, buyer, "crash-webhook").status, 201);

  db::Database database(receiver.database_url(), 1);
  const auto intent = text(database, "SELECT authorization_id FROM payments");
  const auto currency = text(database, "SELECT currency FROM payments");
  for (int n = 0; n < kEvents; ++n) {
    const auto id = std::to_string(n);
    const auto body =
        boost::json::serialize(boost::json::object{{"id", "evt_crash_" + id},
                                                   {"object", "event"},
                                                   {"created", unix_now()},
                                                   {"type", "charge.dispute.created"},
                                                   {"data",
                                                    {{"object",
                                                      {{"id", "du_crash_" + id},
                                                       {"object", "dispute"},
                                                       {"amount", 1},
                                                       {"currency", currency},
                                                       {"payment_intent", intent}}}}}});
    const auto delivered = client.request(verb::post, "/api/payments/webhook", body,
                                          {{"Stripe-Signature", signature(body)}});
    ASSERT_EQ(delivered.status, 200) << delivered.body;
  }
  ASSERT_EQ(receiver.terminate(), 0);

  // ...then on the same data with four workers, killed while they work.
  ServerProcess::Options options;
  options.backend = GetParam();
  options.database_url = receiver.database_url();
  options.data_dir = receiver.data_dir();
  options.extra_args = {
      "--payment-webhook-secret", kSecret, "--job-workers", "4", "--job-poll-ms", "10",
      "--job-lease-seconds",      "1"};
  ServerProcess server(options);

  const std::string processed =
      "SELECT COUNT(*) FROM payment_events WHERE processed_at IS NOT NULL";
  const auto deadline = Clock::now() + std::chrono::seconds(20);
  while (count(database, processed) < kProcessedBeforeKill && Clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  server.kill();
  const auto before_restart = count(database, processed);
  EXPECT_GE(before_restart, kProcessedBeforeKill);
  EXPECT_LT(before_restart, kEvents) << "the kill came after the work";

  server.restart();
  const auto settle = Clock::now() + std::chrono::seconds(30);
  while (count(database, processed) < kEvents && Clock::now() < settle)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));

  EXPECT_EQ(count(database, processed), kEvents) << "processed before the kill: " << before_restart;
  EXPECT_EQ(
      count(database, "SELECT COUNT(*) FROM jobs WHERE status = 'done' AND kind <> 'mail.send'"),
      kEvents);
  EXPECT_EQ(count(database, "SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'dispute'"),
            kEvents);
  // Each event took exactly one cent back: none twice, none lost.
  EXPECT_EQ(count(database,
                  "SELECT -SUM(amount) FROM ledger_balances WHERE account = "
                  "'gateway:clearing'"),
            kEvents);
  RecordProperty("jobs_run_twice", count(database, "SELECT COUNT(*) FROM jobs WHERE attempts > 1"));
  const SqlNumber number = [&](const std::string& query) { return count(database, query); };
  expect_ledger_balanced(number);
  expect_ledger_agrees_with_orders(number);
}

INSTANTIATE_TEST_SUITE_P(Databases, WebhookCrashRecovery,
                         ::testing::Values(Backend::sqlite, Backend::postgres),
                         [](const auto& info) { return backend_name(info.param); });

}  // namespace
}  // namespace ps::testing
