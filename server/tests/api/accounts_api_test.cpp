#include "accounts/auth.h"
#include "core/random.h"
#include "support/api_test.h"
#include "support/log_capture.h"

#include <gmock/gmock.h>
#include <soci/soci.h>

namespace ps::testing {
namespace {

using boost::beast::http::verb;

class AccountsApi : public ApiTest {
 protected:
  // A probe route guarded like the vendor-only routes of later features.
  void add_routes(Application& app) override {
    app.router().add(verb::get, "/test/vendor-only",
                     [&app](http::Request& request) -> boost::asio::awaitable<http::Response> {
                       auto user = co_await app.authenticator().require_role(
                           request, accounts::Role::vendor);
                       co_return http::json_response(200, {{"id", user.id}});
                     });
  }

  HttpResult login(const std::string& email, const std::string& password,
                   const Headers& extra = {}) {
    Headers headers{{"Content-Type", "application/json"}};
    headers.insert(headers.end(), extra.begin(), extra.end());
    return client().request(
        verb::post, "/api/auth/login",
        boost::json::serialize(boost::json::object{{"email", email}, {"password", password}}),
        headers);
  }
};
POCKETSHOP_API_TEST(AccountsApi);

TEST_P(AccountsApi, RegisterReturnsTheUserAndTokens) {
  const auto result = client().post_json("/api/auth/register", {{"email", "  Ada@Example.COM "},
                                                                {"password", "password123"},
                                                                {"display_name", "Ada"},
                                                                {"role", "vendor"}});
  ASSERT_EQ(result.status, 201) << result.body;
  const auto json = result.json().as_object();
  EXPECT_EQ(json.at("user").at("email").as_string(), "ada@example.com");
  EXPECT_EQ(json.at("user").at("role").as_string(), "vendor");
  EXPECT_EQ(json.at("user").at("display_name").as_string(), "Ada");
  EXPECT_FALSE(json.at("user").as_object().contains("password_hash"));
  EXPECT_EQ(json.at("token_type").as_string(), "Bearer");
  EXPECT_EQ(json.at("expires_in").as_int64(), 900);
  EXPECT_EQ(result.header("content-type"), "application/json");

  const auto me = client().get("/api/me", std::string(json.at("access_token").as_string()));
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json().at("email").as_string(), "ada@example.com");
}

TEST_P(AccountsApi, LogLinesOfWorkerThreadsCarryTheRequestId) {
  LogCapture capture;
  const auto result = client().request(
      verb::post, "/api/auth/register",
      R"({"email": "logged@example.com", "password": "password123", "display_name": "L",
          "role": "buyer"})",
      {{"Content-Type", "application/json"}, {"X-Request-Id", "trace-signup-1"}});
  ASSERT_EQ(result.status, 201);
  const auto log = capture.text();
  EXPECT_NE(log.find("request_id=trace-signup-1 account created"), std::string::npos) << log;
  EXPECT_NE(log.find("access request_id=trace-signup-1"), std::string::npos) << log;
  EXPECT_EQ(log.find("password123"), std::string::npos);
}

TEST_P(AccountsApi, PasswordsAreStoredAsArgon2idHashes) {
  sign_up("hash@example.com");
  std::string stored;
  server().app().database().with_session([&](db::Connection& sql) {
    sql.session() << "SELECT password_hash FROM users WHERE email = 'hash@example.com'",
        soci::into(stored);
  });
  EXPECT_EQ(stored.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(stored.find("password123"), std::string::npos);
}

TEST_P(AccountsApi, DuplicateEmailIs409WhateverItsCase) {
  sign_up("dup@example.com");
  const auto again = client().post_json("/api/auth/register", {{"email", "DUP@example.com"},
                                                               {"password", "password456"},
                                                               {"display_name", "Dup"},
                                                               {"role", "buyer"}});
  expect_problem(again, 409, "email-taken");
}

TEST_P(AccountsApi, InvalidFieldsAre422WithPerFieldMessages) {
  const auto result = client().post_json(
      "/api/auth/register",
      {{"email", "not-an-email"}, {"password", "short"}, {"display_name", ""}, {"role", "admin"}});
  expect_problem(result, 422, "validation");
  const auto errors = result.json().at("errors").as_object();
  EXPECT_TRUE(errors.contains("email"));
  EXPECT_EQ(errors.at("password").at(0).as_string(), "must be at least 8 characters");
  EXPECT_TRUE(errors.contains("display_name"));
  EXPECT_EQ(errors.at("role").at(0).as_string(), "must be buyer or vendor");
}

// Issue 15, item 7: such an email was stored, then shown and logged as is.
TEST_P(AccountsApi, EmailsWithControlOrFormatCharactersAre422) {
  using namespace std::string_literals;
  for (const std::string& email :
       {"nul\0@example.com"s, "bell\a@example.com"s, "esc\x1b[2J@example.com"s,
        "del\x7f@example.com"s, "rlo\xe2\x80\xaemoc.elpmaxe@example.com"s}) {
    const auto result = client().post_json("/api/auth/register", {{"email", email},
                                                                  {"password", "password123"},
                                                                  {"display_name", "Eve"},
                                                                  {"role", "buyer"}});
    expect_problem(result, 422, "validation");
    EXPECT_EQ(result.json().at("errors").at("email").at(0).as_string(),
              "must be a valid email address")
        << result.body;
    expect_problem(login(email, "password123"), 422, "validation");
  }
  long long users = -1;
  server().app().database().with_session([&](db::Connection& sql) {
    sql.session() << "SELECT COUNT(*) FROM users", soci::into(users);
  });
  EXPECT_EQ(users, 0);
}

TEST_P(AccountsApi, MissingFieldsAndWrongTypesAre422) {
  const auto missing = client().post_json("/api/auth/register", boost::json::object{});
  expect_problem(missing, 422, "validation");
  const auto errors = missing.json().at("errors").as_object();
  for (const char* field : {"email", "password", "display_name", "role"})
    EXPECT_EQ(errors.at(field).at(0).as_string(), "is required") << field;

  const auto wrong_types = client().post_json(
      "/api/auth/register",
      {{"email", 42}, {"password", boost::json::array{}}, {"display_name", true}, {"role", 1.5}});
  expect_problem(wrong_types, 422, "validation");
  for (const char* field : {"email", "password", "display_name", "role"})
    EXPECT_EQ(wrong_types.json().at("errors").at(field).at(0).as_string(), "must be a string");
}

TEST_P(AccountsApi, MalformedJsonIs400AndWrongMediaTypeIs415) {
  const auto malformed = client().request(verb::post, "/api/auth/register",
                                          "{\"email\": ", {{"Content-Type", "application/json"}});
  expect_problem(malformed, 400, "bad-request");
  const auto array = client().request(verb::post, "/api/auth/register", "[]",
                                      {{"Content-Type", "application/json"}});
  expect_problem(array, 400, "bad-request");
  const auto form = client().request(verb::post, "/api/auth/register", "email=a@b.c",
                                     {{"Content-Type", "application/x-www-form-urlencoded"}});
  expect_problem(form, 415, "unsupported-media-type");
}

TEST_P(AccountsApi, LoginGivesOneAnswerForUnknownEmailAndWrongPassword) {
  sign_up("login@example.com");
  const auto ok = login("LOGIN@example.com", "password123");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_FALSE(ok.json().at("access_token").as_string().empty());

  const auto wrong_password = login("login@example.com", "password124");
  const auto unknown_email = login("nobody@example.com", "password123");
  expect_problem(wrong_password, 401, "unauthorized");
  expect_problem(unknown_email, 401, "unauthorized");
  EXPECT_EQ(wrong_password.body, unknown_email.body);
}

TEST_P(AccountsApi, MeNeedsAValidToken) {
  const auto account = sign_up("me@example.com");
  expect_problem(client().get("/api/me"), 401, "unauthorized");
  EXPECT_EQ(client().get("/api/me").header("www-authenticate"), "Bearer");
  expect_problem(client().request(verb::get, "/api/me", {}, {{"Authorization", "Basic abc"}}), 401,
                 "unauthorized");

  std::string tampered = account.access_token;
  tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
  expect_problem(client().get("/api/me", tampered), 401, "unauthorized");

  const auto expired =
      server().app().tokens().issue(account.id, "buyer", 0, std::time(nullptr) - 3600);
  expect_problem(client().get("/api/me", expired), 401, "unauthorized");

  const std::string alg_none = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." +
                               account.access_token.substr(account.access_token.find('.') + 1,
                                                           account.access_token.rfind('.') -
                                                               account.access_token.find('.') - 1) +
                               ".";
  expect_problem(client().get("/api/me", alg_none), 401, "unauthorized");
  EXPECT_EQ(client().get("/api/me", account.access_token).status, 200);
}

TEST_P(AccountsApi, TokenOfADeletedUserIs401) {
  const auto account = sign_up("gone@example.com");
  server().app().database().with_session([&](db::Connection& sql) {
    sql.session() << "DELETE FROM users WHERE email = 'gone@example.com'";
  });
  expect_problem(client().get("/api/me", account.access_token), 401, "unauthorized");
}

TEST_P(AccountsApi, RoleGuardLetsOnlyThatRoleIn) {
  const auto vendor = sign_up("vendor@example.com", "vendor");
  const auto buyer = sign_up("buyer@example.com", "buyer");
  EXPECT_EQ(client().get("/test/vendor-only", vendor.access_token).status, 200);
  expect_problem(client().get("/test/vendor-only", buyer.access_token), 403, "forbidden");
  expect_problem(client().get("/test/vendor-only"), 401, "unauthorized");
}

TEST_P(AccountsApi, RefreshRotatesTheToken) {
  const auto account = sign_up("rotate@example.com");
  const auto first =
      client().post_json("/api/auth/refresh", {{"refresh_token", account.refresh_token}});
  ASSERT_EQ(first.status, 200) << first.body;
  const std::string next(first.json().at("refresh_token").as_string());
  EXPECT_NE(next, account.refresh_token);
  EXPECT_EQ(
      client().get("/api/me", std::string(first.json().at("access_token").as_string())).status,
      200);
  const auto second = client().post_json("/api/auth/refresh", {{"refresh_token", next}});
  EXPECT_EQ(second.status, 200) << second.body;
}

TEST_P(AccountsApi, ReusingARotatedRefreshTokenRevokesTheFamily) {
  const auto account = sign_up("reuse@example.com");
  const auto rotated =
      client().post_json("/api/auth/refresh", {{"refresh_token", account.refresh_token}});
  ASSERT_EQ(rotated.status, 200);
  const std::string current(rotated.json().at("refresh_token").as_string());

  // An attacker replays the old token: refused, and the family dies with it.
  expect_problem(
      client().post_json("/api/auth/refresh", {{"refresh_token", account.refresh_token}}), 401,
      "unauthorized");
  expect_problem(client().post_json("/api/auth/refresh", {{"refresh_token", current}}), 401,
                 "unauthorized");

  // Other sessions of the same user are a different family and still work.
  const auto other = login("reuse@example.com", "password123");
  ASSERT_EQ(other.status, 200);
  EXPECT_EQ(
      client()
          .post_json("/api/auth/refresh", {{"refresh_token", other.json().at("refresh_token")}})
          .status,
      200);
}

TEST_P(AccountsApi, BadRefreshTokensAre401Or422) {
  expect_problem(client().post_json("/api/auth/refresh", {{"refresh_token", "made-up"}}), 401,
                 "unauthorized");
  expect_problem(client().post_json("/api/auth/refresh", boost::json::object{}), 422, "validation");
  expect_problem(client().post_json("/api/auth/refresh", {{"refresh_token", 5}}), 422,
                 "validation");
}

TEST_P(AccountsApi, LogoutRevokesTheRefreshToken) {
  const auto account = sign_up("logout@example.com");
  const auto result =
      client().post_json("/api/auth/logout", {{"refresh_token", account.refresh_token}});
  EXPECT_EQ(result.status, 204);
  EXPECT_TRUE(result.body.empty());
  expect_problem(
      client().post_json("/api/auth/refresh", {{"refresh_token", account.refresh_token}}), 401,
      "unauthorized");
}

// What a database thief would find: every text column of refresh_tokens.
std::vector<std::string> stored_refresh_token_texts(Application& app) {
  std::vector<std::string> texts;
  app.database().with_session([&](db::Connection& sql) {
    soci::rowset<soci::row> rows =
        (sql.session().prepare << "SELECT family_id, token_hash FROM refresh_tokens");
    for (const auto& row : rows) {
      texts.push_back(row.get<std::string>(0));
      texts.push_back(row.get<std::string>(1));
    }
  });
  return texts;
}

std::vector<std::string> stored_refresh_token_hashes(Application& app) {
  std::vector<std::string> hashes;
  app.database().with_session([&](db::Connection& sql) {
    soci::rowset<std::string> rows =
        (sql.session().prepare << "SELECT token_hash FROM refresh_tokens");
    hashes.assign(rows.begin(), rows.end());
  });
  return hashes;
}

TEST_P(AccountsApi, RefreshTokensAreStoredOnlyAsHashes) {
  const auto account = sign_up("hashed@example.com");
  const auto logged_in = login("hashed@example.com", "password123");
  ASSERT_EQ(logged_in.status, 200) << logged_in.body;
  const auto refreshed = client().post_json(
      "/api/auth/refresh", {{"refresh_token", logged_in.json().at("refresh_token")}});
  ASSERT_EQ(refreshed.status, 200) << refreshed.body;
  const std::vector<std::string> issued{
      account.refresh_token, std::string(logged_in.json().at("refresh_token").as_string()),
      std::string(refreshed.json().at("refresh_token").as_string())};

  const auto texts = stored_refresh_token_texts(server().app());
  const auto hashes = stored_refresh_token_hashes(server().app());
  ASSERT_EQ(hashes.size(), 3u);  // sign-up, login, refresh
  for (const auto& token : issued) {
    ASSERT_GE(token.size(), 32u);
    for (const auto& text : texts) EXPECT_EQ(text.find(token), std::string::npos) << text;
    EXPECT_THAT(hashes, ::testing::Contains(sha256_hex(token)));
  }
}

class LoginRateLimit : public AccountsApi {
 protected:
  void configure(Config& config) override {
    config.login_limit_per_ip = 3;
    config.login_limit_per_email = 5;
    config.trust_proxy = true;
  }
};
POCKETSHOP_API_TEST(LoginRateLimit);

TEST_P(LoginRateLimit, PerClientAddress) {
  sign_up("limited@example.com");
  const Headers from{{"X-Forwarded-For", "203.0.113.7"}};
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(login("limited@example.com", "wrong-password", from).status, 401);
  const auto limited = login("limited@example.com", "password123", from);
  expect_problem(limited, 429, "rate-limited");
  EXPECT_GE(std::stoi(limited.header("retry-after")), 1);
  // Another address is not affected.
  EXPECT_EQ(
      login("limited@example.com", "password123", {{"X-Forwarded-For", "203.0.113.8"}}).status,
      200);
}

class LoginLimitPerEmail : public AccountsApi {
 protected:
  void configure(Config& config) override {
    config.login_limit_per_ip = 1000;  // out of the way: this tests the other limit
    config.login_limit_per_email = 3;
    config.trust_proxy = true;
  }
};
POCKETSHOP_API_TEST(LoginLimitPerEmail);

// Issue 15, item 11: the limit was per email alone, so anyone could keep a
// chosen account locked out, its owner's right password included.
TEST_P(LoginLimitPerEmail, CountsGuessesPerAddressSoNoOneCanLockTheOwnerOut) {
  sign_up("target@example.com");
  sign_up("other@example.com");
  const Headers attacker{{"X-Forwarded-For", "198.51.100.66"}};
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(login("target@example.com", "guess" + std::to_string(i) + "xyz", attacker).status,
              401);
  const auto limited = login("TARGET@example.com", "password123", attacker);
  expect_problem(limited, 429, "rate-limited");
  EXPECT_GE(std::stoi(limited.header("retry-after")), 1);

  const Headers owner{{"X-Forwarded-For", "203.0.113.20"}};
  EXPECT_EQ(login("target@example.com", "password123", owner).status, 200);
  expect_problem(login("target@example.com", "guess9xyz", attacker), 429, "rate-limited");
  EXPECT_EQ(login("other@example.com", "password123", attacker).status, 200);
}

}  // namespace
}  // namespace ps::testing
