#include "support/api_test.h"

#include "mail/outbox.h"

#include <soci/soci.h>

#include <algorithm>
#include <regex>

namespace ps::testing {

void ApiTest::SetUp() {
  server_ = std::make_unique<TestServer>(
      GetParam(), [this](Config& config) { configure(config); },
      [this](Application& app) { add_routes(app); });
}

Account ApiTest::sign_up(const std::string& email, const std::string& role,
                         const std::string& password) {
  const auto result = client().post_json(
      "/api/auth/register",
      {{"email", email}, {"password", password}, {"display_name", "Test " + role}, {"role", role}});
  EXPECT_EQ(result.status, 201) << result.body;
  if (result.status != 201) return {};
  const auto json = result.json().as_object();
  Account account{json.at("user").at("id").as_int64(),
                  std::string(json.at("user").at("email").as_string()),
                  std::string(json.at("access_token").as_string()),
                  std::string(json.at("refresh_token").as_string())};
  if (role == "vendor") verify_email(account.email);
  return account;
}

namespace {
// The token of the link in the newest mail of one of these kinds.
template <class Mail>
std::string newest_token(const std::vector<Mail>& mails,
                         std::initializer_list<std::string_view> kinds) {
  static const std::regex token_in_link(R"re([?&]token=([A-Za-z0-9_-]+))re");
  for (auto mail = mails.rbegin(); mail != mails.rend(); ++mail) {
    std::smatch match;
    if (std::find(kinds.begin(), kinds.end(), mail->kind) != kinds.end() &&
        std::regex_search(mail->text_body, match, token_in_link))
      return match[1];
  }
  return {};
}
}  // namespace

std::string ApiTest::mailed_token(const std::string& address, const std::string& kind) {
  std::string token = newest_token(mails_to(address), {kind});
  if (token.empty()) ADD_FAILURE() << "no " << kind << " mail with a link to " << address;
  return token;
}

void ApiTest::verify_email(const std::string& address) {
  const std::string token = newest_token(mails_to(address), {"welcome", "email_verification"});
  ASSERT_FALSE(token.empty()) << "no verification mail to " << address;
  const auto result = client().post_json("/api/auth/verify-email", {{"token", token}});
  EXPECT_EQ(result.status, 200) << result.body;
}

void expect_problem(const HttpResult& result, int status, std::string_view type) {
  EXPECT_EQ(result.status, status) << result.body;
  EXPECT_EQ(result.header("content-type"), "application/problem+json") << result.body;
  if (result.header("content-type") != "application/problem+json") return;
  const auto json = result.json().as_object();
  EXPECT_EQ(json.at("status").as_int64(), status);
  EXPECT_EQ(json.at("type").as_string(), "/problems/" + std::string(type)) << result.body;
  EXPECT_TRUE(json.contains("title") && json.contains("detail")) << result.body;
}

long long ApiTest::sql_number(const std::string& query) {
  long long n = 0;
  server().app().database().with_session([&](db::Connection& sql) {
    soci::indicator indicator = soci::i_ok;
    sql.session() << query, soci::into(n, indicator);
    if (indicator != soci::i_ok) n = 0;
  });
  return n;
}

int ApiTest::run_due_jobs_but_mail() {
  const std::string mail_jobs_run =
      "SELECT COUNT(*) FROM jobs WHERE kind = 'mail.send' AND status <> 'queued'";
  const long long before = sql_number(mail_jobs_run);
  const int ran = server().app().jobs().run_due();
  return ran - static_cast<int>(sql_number(mail_jobs_run) - before);
}

std::vector<OutboxMail> ApiTest::mails_to(const std::string& address) {
  std::vector<OutboxMail> mails;
  server().app().database().with_session([&](db::Connection& sql) {
    std::vector<long long> ids;
    soci::rowset<long long> rows =
        (sql.session().prepare << "SELECT id FROM mail_outbox WHERE to_address = :a ORDER BY id",
         soci::use(address));
    for (const auto id : rows) ids.push_back(id);
    for (const auto id : ids) {
      const auto mail = mail::find_composed(sql, id).value();
      mails.push_back({mail.kind, mail.subject, mail.text_body, mail.html_body});
    }
  });
  return mails;
}

}  // namespace ps::testing
