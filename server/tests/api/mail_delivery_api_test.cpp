// Mail through a real SMTP server (smtp_sink.py, aiosmtpd) on 127.0.0.1: the
// composed message with both parts and its headers, STARTTLS with AUTH, a
// wrong password retried rather than lost, and two queues sharing the work.
#include "jobs/queue.h"
#include "mail/sender.h"
#include "support/api_test.h"
#include "support/log_capture.h"
#include "support/mail_helpers.h"
#include "support/smtp_sink.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <thread>

namespace ps::testing {
namespace {

constexpr Millis kHour = 3600 * 1000;

class MailSmtp : public ApiTest {
 protected:
  void SetUp() override {
    sink_.start();
    ApiTest::SetUp();
  }
  void configure(Config& config) override {
    config.job_workers = 0;  // the tests run the queue
    config.smtp_url = sink_.url();
    config.dev_mailbox = true;  // asked for, but there is no mailbox with SMTP
    config.smtp_starttls = "off";
    config.mail_from = "Marketplace <shop@pocketshop.test>";
    config.public_url = "https://pocketshop.test";
  }
  db::Database& database() { return server().app().database(); }

  SmtpSink sink_;
};
POCKETSHOP_API_TEST(MailSmtp);

TEST_P(MailSmtp, AMailArrivesWithBothPartsTheBrandAndItsHeaders) {
  const auto id = write_mail(database(), sample_mail("buyer@example.com"));
  EXPECT_EQ(stored_mail(database(), id).status, "queued");
  server().app().jobs().run_due();

  const auto received = sink_.wait_for(1);
  ASSERT_EQ(received.size(), 1u);
  const auto& message = received[0];
  const auto stored = stored_mail(database(), id);
  EXPECT_EQ(stored.status, "sent");
  EXPECT_GT(stored.sent_at, 0);
  // The message is composed when it is sent, from the stored content, and
  // composing it again gives the same bytes: a retry sends what was sent.
  EXPECT_EQ(lf_lines(message.raw), lf_lines(stored.raw_message));
  EXPECT_EQ(stored_mail(database(), id).raw_message, stored.raw_message);
  EXPECT_EQ(message.mail_from, "shop@pocketshop.test");
  EXPECT_EQ(message.recipients, std::vector<std::string>{"buyer@example.com"});

  EXPECT_EQ(message.header("Message-Id"), "<" + stored.message_id + ">");
  EXPECT_NE(stored.message_id.find("@pocketshop.test"), std::string::npos);
  EXPECT_EQ(message.header("From"), "Marketplace <shop@pocketshop.test>");
  EXPECT_EQ(message.header("To"), "buyer@example.com");
  EXPECT_EQ(message.header("MIME-Version"), "1.0");
  EXPECT_FALSE(message.header("Date").empty());
  // Not ASCII: RFC 2047 encoded words, the header itself all ASCII.
  const auto subject = message.header("Subject");
  EXPECT_NE(subject.find("=?UTF-8?"), std::string::npos) << subject;
  EXPECT_TRUE(std::all_of(subject.begin(), subject.end(),
                          [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
  EXPECT_NE(message.header("Content-Type").find("multipart/alternative"), std::string::npos);
  EXPECT_NE(message.raw.find("Content-Type: text/plain; charset=utf-8"), std::string::npos);
  EXPECT_NE(message.raw.find("Content-Type: text/html; charset=utf-8"), std::string::npos);
  EXPECT_TRUE(message.header("List-Unsubscribe").empty());  // transactional

  // The parts as laid out: the brand's name (escaped) and colour, the lines,
  // the button with its URL also written out.
  EXPECT_NE(stored.html_body.find("Käse &amp; Co &lt;Shop&gt;"), std::string::npos);
  EXPECT_NE(stored.html_body.find("background:#aa3300"), std::string::npos);
  EXPECT_NE(stored.html_body.find("We have your order &lt;b&gt;42&lt;/b&gt;."), std::string::npos);
  EXPECT_NE(stored.html_body.find("<table"), std::string::npos);
  EXPECT_NE(stored.html_body.find("href=\"https://shop.example/orders/42\""), std::string::npos);
  EXPECT_NE(stored.text_body.find("Käse & Co <Shop>"), std::string::npos);
  EXPECT_NE(stored.text_body.find("Blue mug × 2: €24.00"), std::string::npos);
  EXPECT_NE(stored.text_body.find("https://shop.example/orders/42"), std::string::npos);
}

TEST_P(MailSmtp, TheEventsTransactionKeepsOnlyTheContentNotTheComposedMessage) {
  const auto id = write_mail(database(), sample_mail("buyer@example.com"));
  const auto raw = database().with_session(
      [&](db::Connection& sql) { return mail::store::find_mail(sql, id).value(); });
  EXPECT_TRUE(raw.raw_message.empty());
  EXPECT_TRUE(raw.html_body.empty());
  EXPECT_NE(raw.content.find("Thank you for your order"), std::string::npos) << raw.content;
  EXPECT_LT(raw.content.size(), 600u) << raw.content;
}

TEST_P(MailSmtp, AColourThatIsNotOneFallsBackToTheDefault) {
  auto mail = sample_mail("buyer@example.com");
  mail.brand.accent_color = "red;background:url(https://evil.example/)";
  const auto id = write_mail(database(), mail);
  const auto html = stored_mail(database(), id).html_body;
  EXPECT_EQ(html.find("evil.example"), std::string::npos);
  EXPECT_NE(html.find("background:" + mail::Brand{}.accent_color), std::string::npos);
}

TEST_P(MailSmtp, OneWorkerSendsItsMailsOverOneConnection) {
  for (int i = 0; i < 3; ++i)
    write_mail(database(), sample_mail("buyer" + std::to_string(i) + "@example.com"));
  server().app().jobs().run_due();
  const auto received = sink_.wait_for(3);
  ASSERT_EQ(received.size(), 3u);
  EXPECT_NE(received[0].peer_port, 0);
  for (const auto& message : received) EXPECT_EQ(message.peer_port, received[0].peer_port);
}

TEST_P(MailSmtp, AMailSentIsNotSentAgain) {
  const auto id = write_mail(database(), sample_mail("buyer@example.com"));
  server().app().jobs().run_due();
  ASSERT_EQ(sink_.wait_for(1).size(), 1u);
  // The handler asked again (a revived job, say) leaves it alone.
  jobs::Job job;
  job.payload = "{\"mail_id\":" + std::to_string(id) + "}";
  EXPECT_FALSE(server().app().mail_sender().handle_job(job));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(sink_.received().size(), 1u);
}

TEST_P(MailSmtp, TheDevelopmentMailboxIsNotThereWithSmtp) {
  write_mail(database(), sample_mail("buyer@example.com"));
  expect_problem(client().get("/api/dev/mailbox"), 404, "not-found");
  expect_problem(client().get("/api/dev/mailbox/1"), 404, "not-found");
  expect_problem(client().get("/api/dev/mailbox/1/raw"), 404, "not-found");
}

TEST_P(MailSmtp, TwoQueuesDeliverEachMailOnce) {
  constexpr int kMails = 16;
  for (int i = 0; i < kMails; ++i)
    write_mail(database(), sample_mail("reader" + std::to_string(i) + "@example.com"));
  // A second instance: its own queue and sender on the same database.
  mail::MailSender other_sender(database(), server().app().mail_sender().delivery());
  jobs::JobQueue other_queue(database(), {.owner = "other"});
  other_queue.handle(std::string(mail::kSendJob),
                     [&](const jobs::Job& job) { return other_sender.handle_job(job); });
  std::thread other([&] { other_queue.run_due(); });
  server().app().jobs().run_due();
  other.join();

  const auto received = sink_.wait_for(kMails);
  std::map<std::string, int> arrivals;
  for (const auto& message : received) ++arrivals[message.header("Message-Id")];
  EXPECT_EQ(arrivals.size(), static_cast<std::size_t>(kMails));
  for (const auto& [message_id, count] : arrivals) EXPECT_EQ(count, 1) << message_id;
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM mail_outbox WHERE status = 'sent'"), kMails);
}

// STARTTLS (required) with AUTH, the server's certificate checked against
// the CA file. The first password is wrong: the mail waits and is retried.
class MailSmtpTls : public ApiTest {
 protected:
  void SetUp() override {
    sink_.start();
    ApiTest::SetUp();
  }
  void configure(Config& config) override {
    config.job_workers = 0;
    config.smtp_url = sink_.url();
    config.smtp_starttls = "required";
    config.smtp_ca_file = sink_.ca_file();
    config.smtp_user = "shop";
    config.smtp_password = "the-right-one";
    config.mail_from = "shop@pocketshop.test";
  }

  SmtpSink sink_{{.starttls = true, .user = "shop", .password = "rotated-away"}};
};
POCKETSHOP_API_TEST(MailSmtpTls);

TEST_P(MailSmtpTls, AWrongPasswordIsRetriedNotLost) {
  auto& database = server().app().database();
  const auto id = write_mail(database, sample_mail("buyer@example.com"));
  LogCapture log;
  server().app().jobs().run_due();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_TRUE(sink_.received().empty());
  EXPECT_EQ(stored_mail(database, id).status, "queued");
  const std::string job =
      "FROM jobs WHERE kind = 'mail.send' AND payload = '{\"mail_id\":" + std::to_string(id) + "}'";
  EXPECT_EQ(sql_number("SELECT COUNT(*) " + job + " AND status = 'queued'"), 1);
  EXPECT_EQ(sql_number("SELECT attempts " + job), 1);
  // Not a secret in sight: the error the job keeps names no password.
  EXPECT_EQ(sql_number("SELECT COUNT(*) " + job + " AND last_error LIKE '%the-right-one%'"), 0);
  EXPECT_NE(log.text().find("SMTP delivery of mail"), std::string::npos) << log.text();
  EXPECT_EQ(log.text().find("the-right-one"), std::string::npos);

  sink_.set_password("the-right-one");  // the server's password is right again
  server().app().jobs().run_due(now_millis() + kHour);
  const auto received = sink_.wait_for(1);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_TRUE(received[0].tls);
  EXPECT_TRUE(received[0].authenticated);
  EXPECT_EQ(stored_mail(database, id).status, "sent");
}

}  // namespace
}  // namespace ps::testing
