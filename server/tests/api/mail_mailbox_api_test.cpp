// With no SMTP server configured (the default, `make run`): mails become
// <data-dir>/mail/<id>-<kind>.eml files and the development mailbox lists
// them. Also the one-click unsubscribe and the notification preferences.
#include "mail/unsubscribe.h"
#include "support/api_test.h"
#include "support/mail_helpers.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>

namespace ps::testing {
namespace {

namespace fs = std::filesystem;
using boost::beast::http::verb;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class MailFiles : public ApiTest {
 protected:
  void configure(Config& config) override {
    config.job_workers = 0;
    config.public_url = "https://pocketshop.test";
    config.dev_mailbox = true;
  }
  db::Database& database() { return server().app().database(); }
  fs::path mail_dir() { return fs::path(server().app().config().data_dir) / "mail"; }

  HttpResult unsubscribe(const std::string& token) {
    return client().request(verb::post, "/api/mail/unsubscribe?token=" + token,
                            "List-Unsubscribe=One-Click",
                            {{"Content-Type", "application/x-www-form-urlencoded"}});
  }
  HttpResult put_preferences(const boost::json::value& body, const std::string& token) {
    return client().request(
        verb::put, "/api/me/notification-preferences", boost::json::serialize(body),
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}});
  }
};
POCKETSHOP_API_TEST(MailFiles);

TEST_P(MailFiles, AMailBecomesAnEmlFileWithTheStoredBytes) {
  const auto id = write_mail(database(), sample_mail("buyer@example.com"));
  const fs::path file = mail_dir() / (std::to_string(id) + "-order_placed.eml");
  EXPECT_FALSE(fs::exists(file));
  server().app().jobs().run_due();
  ASSERT_TRUE(fs::exists(file));
  const auto stored = stored_mail(database(), id);
  EXPECT_EQ(read_file(file), stored.raw_message);
  EXPECT_EQ(stored.status, "sent");
  // Written under a temporary name and renamed: nothing else is left there.
  EXPECT_EQ(std::distance(fs::directory_iterator(mail_dir()), fs::directory_iterator()), 1);

  // Written again (a retry after a crash): the same bytes.
  jobs::Job job;
  job.payload = "{\"mail_id\":" + std::to_string(id) + "}";
  server().app().database().with_session([&](db::Connection& sql) {
    sql.session() << "UPDATE mail_outbox SET status = 'queued' WHERE id = " + std::to_string(id);
  });
  server().app().mail_sender().handle_job(job);
  EXPECT_EQ(read_file(file), stored.raw_message);
}

TEST_P(MailFiles, TheDevelopmentMailboxListsNewestFirstAndShowsOne) {
  const auto first = write_mail(database(), sample_mail("one@example.com", "welcome"));
  const auto second = write_mail(database(), sample_mail("two@example.com"));
  auto list = client().get("/api/dev/mailbox?limit=1");
  ASSERT_EQ(list.status, 200) << list.body;
  auto json = list.json().as_object();
  EXPECT_EQ(json.at("total").as_int64(), 2);
  ASSERT_EQ(json.at("items").as_array().size(), 1u);
  const auto& newest = json.at("items").as_array()[0].as_object();
  EXPECT_EQ(newest.at("id").as_int64(), second);
  EXPECT_EQ(newest.at("to").as_string(), "two@example.com");
  EXPECT_EQ(newest.at("kind").as_string(), "order_placed");
  EXPECT_EQ(newest.at("subject").as_string(), "Bestellung bestätigt: #42");
  EXPECT_TRUE(newest.contains("created_at"));
  list = client().get("/api/dev/mailbox?limit=1&page=2");
  EXPECT_EQ(list.json().at("items").as_array()[0].at("id").as_int64(), first);

  const auto one = client().get("/api/dev/mailbox/" + std::to_string(first));
  ASSERT_EQ(one.status, 200) << one.body;
  const auto mail = one.json().as_object();
  EXPECT_EQ(mail.at("to").as_string(), "one@example.com");
  EXPECT_NE(std::string(mail.at("text").as_string()).find("Thank you for your order"),
            std::string::npos);
  EXPECT_NE(std::string(mail.at("html").as_string()).find("<h1"), std::string::npos);

  const auto raw = client().get("/api/dev/mailbox/" + std::to_string(first) + "/raw");
  ASSERT_EQ(raw.status, 200);
  EXPECT_EQ(raw.header("content-type"), "message/rfc822");
  EXPECT_EQ(raw.body, stored_mail(database(), first).raw_message);

  expect_problem(client().get("/api/dev/mailbox/999999"), 404, "not-found");
  expect_problem(client().get("/api/dev/mailbox/x"), 404, "not-found");
  expect_problem(client().get("/api/dev/mailbox?limit=0"), 422, "validation");
}

TEST_P(MailFiles, AMailOfATopicCarriesAOneClickUnsubscribeThatWorks) {
  const auto buyer = sign_up("buyer@example.com");
  auto mail = sample_mail(buyer.email, "new_message");
  mail.to_user_id = buyer.id;
  mail.topic = "messages";
  const auto stored = stored_mail(database(), write_mail(database(), mail));

  const std::string prefix =
      "List-Unsubscribe: <https://pocketshop.test/api/mail/unsubscribe?token=";
  const auto at = stored.raw_message.find(prefix);
  ASSERT_NE(at, std::string::npos) << stored.raw_message;
  const auto end = stored.raw_message.find('>', at);
  const std::string token = stored.raw_message.substr(at + prefix.size(), end - at - prefix.size());
  EXPECT_NE(stored.raw_message.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"),
            std::string::npos);
  // The footer's link: the web page that asks, then posts the same token.
  EXPECT_NE(
      stored.text_body.find("Unsubscribe: https://pocketshop.test/unsubscribe?token=" + token),
      std::string::npos);
  EXPECT_NE(stored.html_body.find("href=\"https://pocketshop.test/unsubscribe?token=" + token),
            std::string::npos);

  // A forged or changed token does nothing.
  expect_problem(unsubscribe("nonsense"), 400, "unsubscribe-token-invalid");
  expect_problem(unsubscribe(""), 400, "unsubscribe-token-invalid");
  const auto other_user = std::to_string(buyer.id + 1) + token.substr(token.find('.'));
  expect_problem(unsubscribe(other_user), 400, "unsubscribe-token-invalid");
  const auto other_topic = mail::unsubscribe_token("not the secret", buyer.id, "marketing");
  expect_problem(unsubscribe(other_topic), 400, "unsubscribe-token-invalid");
  EXPECT_TRUE(client()
                  .get("/api/me/notification-preferences", buyer.access_token)
                  .json()
                  .at("messages")
                  .as_bool());

  // One click, twice at once (a mail client and its user): both succeed.
  auto a = std::async(std::launch::async, [&] { return unsubscribe(token); });
  auto b = std::async(std::launch::async, [&] { return unsubscribe(token); });
  EXPECT_EQ(a.get().status, 204);
  EXPECT_EQ(b.get().status, 204);
  const auto preferences =
      client().get("/api/me/notification-preferences", buyer.access_token).json();
  EXPECT_FALSE(preferences.at("messages").as_bool());
  EXPECT_TRUE(preferences.at("marketing").as_bool());

  // The topic is off: the next such mail is not written; a transactional one is.
  EXPECT_FALSE(
      database().transaction([&](db::Connection& sql) { return mail::enqueue(sql, mail); }));
  auto receipt = sample_mail(buyer.email);
  receipt.to_user_id = buyer.id;
  write_mail(database(), receipt);
  EXPECT_EQ(mails_to(buyer.email).size(), 3u);  // the welcome, the first of the topic, the receipt
}

TEST_P(MailFiles, NotificationPreferencesAreTheUsersToSet) {
  const auto buyer = sign_up("buyer@example.com");
  expect_problem(client().get("/api/me/notification-preferences"), 401, "unauthorized");
  auto got = client().get("/api/me/notification-preferences", buyer.access_token);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json(), boost::json::parse(R"({"marketing":true,"messages":true,
      "order_updates":true,"review_invitations":true,"favorites":true})"));

  // The same change sent twice at once ends as one change.
  const boost::json::value change = {{"marketing", false}, {"review_invitations", false}};
  auto a =
      std::async(std::launch::async, [&] { return put_preferences(change, buyer.access_token); });
  auto b =
      std::async(std::launch::async, [&] { return put_preferences(change, buyer.access_token); });
  EXPECT_EQ(a.get().status, 200);
  const auto answer = b.get();
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_FALSE(answer.json().at("marketing").as_bool());
  EXPECT_TRUE(answer.json().at("messages").as_bool());
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM notification_opt_outs WHERE user_id = " +
                       std::to_string(buyer.id)),
            2);

  const auto on_again = put_preferences({{"marketing", true}}, buyer.access_token);
  EXPECT_TRUE(on_again.json().at("marketing").as_bool());
  EXPECT_FALSE(on_again.json().at("review_invitations").as_bool());

  expect_problem(put_preferences({{"sms", false}}, buyer.access_token), 422, "validation");
  expect_problem(put_preferences({{"marketing", "no"}}, buyer.access_token), 422, "validation");
  expect_problem(put_preferences({{"marketing", false}}, ""), 401, "unauthorized");
}

// Mails as files, but no --dev-mailbox: a production instance that has no
// SMTP server yet must not show its mails (reset links) to anyone.
class MailFilesWithoutMailbox : public MailFiles {
 protected:
  void configure(Config& config) override {
    MailFiles::configure(config);
    config.dev_mailbox = false;
  }
};
POCKETSHOP_API_TEST(MailFilesWithoutMailbox);

TEST_P(MailFilesWithoutMailbox, TheMailboxIsThereOnlyWhenAskedFor) {
  write_mail(database(), sample_mail("buyer@example.com"));
  expect_problem(client().get("/api/dev/mailbox"), 404, "not-found");
  expect_problem(client().get("/api/dev/mailbox/1"), 404, "not-found");
  expect_problem(client().get("/api/dev/mailbox/1/raw"), 404, "not-found");
}

}  // namespace
}  // namespace ps::testing
