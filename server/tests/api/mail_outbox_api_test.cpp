#include "db/database.h"
#include "jobs/queue.h"
#include "mail/outbox.h"
#include "support/api_test.h"
#include "support/mail_helpers.h"

#include <soci/soci.h>

#include <stdexcept>

#include <gtest/gtest.h>

namespace ps::testing {
namespace {

class MailOutbox : public ApiTest {
 protected:
  void configure(Config& config) override {
    config.job_workers = 0;  // the test runs the queue
    config.retention_days = 30;
  }
  db::Database& database() { return server().app().database(); }
};

POCKETSHOP_API_TEST(MailOutbox);

TEST_P(MailOutbox, AMailIsWrittenOnlyWhenItsTransactionCommits) {
  mail::NewMail mail{.kind = "test",
                     .to_address = "reader@example.com",
                     .subject = "Hello",
                     .heading = "Hello there",
                     .paragraphs = {"First paragraph."}};
  server().app().database().transaction([&](db::Connection& sql) { mail::enqueue(sql, mail); });
  try {
    server().app().database().transaction([&](db::Connection& sql) {
      mail::enqueue(sql, mail);
      throw std::runtime_error("the event failed");
    });
  } catch (const std::runtime_error&) {
  }
  const auto mails = mails_to("reader@example.com");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].subject, "Hello");
  EXPECT_NE(mails[0].text_body.find("First paragraph."), std::string::npos);
}

TEST_P(MailOutbox, SentMailsAndFinishedJobsAreKeptForTheRetentionPeriodOnly) {
  const Millis now = now_millis();
  const auto write = [&](const std::string& to) {
    return write_mail(database(), {.kind = "test", .to_address = to, .subject = "Hi"});
  };
  const auto old_sent = write("old-sent@example.com");
  const auto recent_sent = write("recent-sent@example.com");
  const auto old_unsent = write("old-unsent@example.com");
  server().app().jobs().run_due();  // sends all three (the files mailbox)
  // soci binds by reference: every value it uses is a named variable.
  const long long long_ago = now - 31 * kDayMillis, lately = now - 29 * kDayMillis,
                  very_long_ago = now - 90 * kDayMillis;
  const long long old_sent_id = old_sent, recent_sent_id = recent_sent, old_unsent_id = old_unsent;
  database().transaction([&](db::Connection& sql) {
    sql.session() << "UPDATE mail_outbox SET sent_at = :at WHERE id = :id", soci::use(long_ago),
        soci::use(old_sent_id);
    sql.session() << "UPDATE mail_outbox SET sent_at = :at WHERE id = :id", soci::use(lately),
        soci::use(recent_sent_id);
    sql.session() << "UPDATE mail_outbox SET status = 'queued', sent_at = NULL, created_at = "
                     ":at WHERE id = :id",
        soci::use(very_long_ago), soci::use(old_unsent_id);
    // Every job is old now; the one with a dedupe key must stay all the same.
    sql.session() << "UPDATE jobs SET updated_at = :at", soci::use(long_ago);
  });
  const long long keyed = database().transaction([&](db::Connection& sql) {
    return jobs::enqueue(sql, {.kind = "test.nothing", .dedupe_key = "once-only"}).id;
  });
  database().transaction([&](db::Connection& sql) {
    sql.session() << "UPDATE jobs SET status = 'done', updated_at = :at WHERE id = :id",
        soci::use(long_ago), soci::use(keyed);
  });
  ASSERT_EQ(sql_number("SELECT COUNT(*) FROM jobs WHERE status = 'done'"), 4);

  server().app().purge_old_records(now);

  EXPECT_TRUE(mails_to("old-sent@example.com").empty());
  EXPECT_EQ(mails_to("recent-sent@example.com").size(), 1u);
  EXPECT_EQ(mails_to("old-unsent@example.com").size(), 1u);  // not sent yet: it stays
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM jobs"), 1);
  EXPECT_EQ(sql_number("SELECT id FROM jobs"), keyed);
}

TEST_P(MailOutbox, APurgeLargerThanABatchTakesEveryOldMail) {
  const Millis now = now_millis();
  database().transaction([&](db::Connection& sql) {
    for (int i = 0; i < 1203; ++i)
      mail::enqueue(sql, {.kind = "test", .to_address = "many@example.com", .subject = "Hi"});
    const long long long_ago = now - 40 * kDayMillis;
    sql.session() << "UPDATE mail_outbox SET status = 'sent', sent_at = :at", soci::use(long_ago);
  });
  server().app().purge_old_records(now);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM mail_outbox"), 0);
}

}  // namespace
}  // namespace ps::testing
