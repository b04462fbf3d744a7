// kill -9 while the SMTP server holds a mail's DATA unanswered, then a restart
// on the same data with a 2 s lease: every mail arrives, each Message-ID
// exactly once (the one cut off is sent again by the restarted server, those
// sent before are not, those written meanwhile are sent after).
#include "db/database.h"
#include "mail/settings.h"
#include "support/api_test.h"
#include "support/mail_helpers.h"
#include "support/server_process.h"
#include "support/smtp_sink.h"

#include <soci/soci.h>

#include <chrono>
#include <map>
#include <thread>

namespace ps::testing {
namespace {

using Clock = std::chrono::steady_clock;

long long unsent(db::Database& database) {
  long long n = -1;
  database.with_session([&](db::Connection& sql) {
    sql.session() << "SELECT COUNT(*) FROM mail_outbox WHERE status <> 'sent'", soci::into(n);
  });
  return n;
}

template <class Done>
bool wait_until(Done done, std::chrono::seconds limit) {
  const auto deadline = Clock::now() + limit;
  while (!done()) {
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

class MailCrashRecovery : public ::testing::TestWithParam<Backend> {};

TEST_P(MailCrashRecovery, NoMailIsLostOrSentTwiceAcrossAKill) {
  SmtpSink sink({.stall_recipient = "stalled@example.com"});
  sink.start();
  ServerProcess shop(GetParam(), {"--smtp-url", sink.url(), "--smtp-starttls", "off", "--mail-from",
                                  "shop@pocketshop.test", "--job-workers", "2", "--job-poll-ms",
                                  "50", "--job-lease-seconds", "2"});
  // As the server's: the server composes each mail when it sends it.
  mail::configure({.from = "shop@pocketshop.test", .unsubscribe_secret = "test"});
  db::Database database(shop.database_url(), 2);

  std::vector<std::int64_t> ids;
  for (int i = 0; i < 4; ++i)
    ids.push_back(write_mail(database, sample_mail("before" + std::to_string(i) + "@example.com")));
  ASSERT_TRUE(wait_until([&] { return unsent(database) == 0; }, std::chrono::seconds(20)))
      << shop.log();
  // Only this one in flight when the kill comes: a kill in the instant
  // between another mail's final 250 and its commit would send that one
  // again (same Message-ID), which no SMTP client can rule out.
  ids.push_back(write_mail(database, sample_mail("stalled@example.com")));
  ASSERT_TRUE(wait_until([&] { return sink.stalled(); }, std::chrono::seconds(20))) << shop.log();
  shop.kill();  // while the stalled mail's DATA waits for its answer
  for (int i = 0; i < 3; ++i)
    ids.push_back(write_mail(database, sample_mail("after" + std::to_string(i) + "@example.com")));

  shop.restart();
  ASSERT_TRUE(wait_until([&] { return unsent(database) == 0; }, std::chrono::seconds(30)))
      << shop.log();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // anything late would show

  std::map<std::string, int> arrivals;
  for (const auto& message : sink.received()) ++arrivals[message.header("Message-Id")];
  EXPECT_EQ(arrivals.size(), ids.size());
  for (const auto id : ids) {
    const auto message_id = "<" + stored_mail(database, id).message_id + ">";
    EXPECT_EQ(arrivals[message_id], 1) << "mail " << id << " " << message_id;
  }
}

INSTANTIATE_TEST_SUITE_P(Databases, MailCrashRecovery,
                         ::testing::Values(Backend::sqlite, Backend::postgres),
                         [](const auto& info) { return backend_name(info.param); });

}  // namespace
}  // namespace ps::testing
