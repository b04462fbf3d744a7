// Password reset and email verification (issue 17): single-use, hashed,
// short-lived tokens mailed as links; a reset signs the user out everywhere.

#include "api/account_test.h"

namespace ps::testing {
namespace {

class PasswordReset : public AccountTest {
 protected:
  void configure(Config& config) override {
    config.trust_proxy = true;
    config.password_reset_limit_per_email = 3;
    config.password_reset_limit_per_ip = 5;
  }

  HttpResult request_reset(const std::string& email, const std::string& from = "203.0.113.1") {
    return client().request(verb::post, "/api/auth/password-reset",
                            boost::json::serialize(boost::json::object{{"email", email}}),
                            {{"Content-Type", "application/json"}, {"X-Forwarded-For", from}});
  }

  HttpResult confirm(const std::string& token, const std::string& password = "new-password-1") {
    return client().post_json("/api/auth/password-reset/confirm",
                              {{"token", token}, {"password", password}});
  }

  // Asks for a reset of the address and returns the mailed link's token.
  std::string reset_token(const std::string& email) {
    EXPECT_EQ(request_reset(email).status, 202);
    return mailed_token(email, "password_reset");
  }
};
POCKETSHOP_API_TEST(PasswordReset);

TEST_P(PasswordReset, TheMailedLinkSetsANewPasswordAndEndsEverySession) {
  const auto account = sign_up("forgetful@example.com");
  const auto other_device = login("forgetful@example.com", "password123");
  ASSERT_EQ(other_device.status, 200);

  ASSERT_EQ(request_reset("forgetful@example.com").status, 202);
  const auto mails = mails_to("forgetful@example.com");
  ASSERT_EQ(mails.back().kind, "password_reset");
  EXPECT_THAT(mails.back().text_body,
              ::testing::ContainsRegex(R"(http://127\.0\.0\.1:[0-9]+/reset-password\?token=)"));
  const std::string token = mailed_token("forgetful@example.com", "password_reset");
  // Only the token's hash is kept.
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM account_tokens WHERE token_hash = '" +
                       sha256_hex(token) + "'"),
            1);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM account_tokens WHERE token_hash = '" + token + "'"),
            0);

  EXPECT_EQ(client().get("/api/me", account.access_token).status, 200);
  EXPECT_EQ(confirm(token, "new-password-1").status, 204);
  // Access tokens too stop at once: whoever had the account is out now.
  expect_problem(client().get("/api/me", account.access_token), 401, "unauthorized");
  const std::string other_access(other_device.json().at("access_token").as_string());
  expect_problem(client().get("/api/me", other_access), 401, "unauthorized");
  expect_problem(refresh(account.refresh_token), 401, "unauthorized");
  expect_problem(refresh(refresh_token_of(other_device)), 401, "unauthorized");
  expect_problem(login("forgetful@example.com", "password123"), 401, "unauthorized");
  EXPECT_EQ(login("forgetful@example.com", "new-password-1").status, 200);
}

// A sign-in with the old password that commits just after a reset has
// revoked every session: its refresh token escaped the revocation, but it
// carries the generation the reset moved on from (as does its access token).
TEST_P(PasswordReset, ASessionOfTheGenerationBeforeEndsWithIt) {
  sign_up("racing@example.com");
  const auto signed_in = login("racing@example.com", "password123");
  ASSERT_EQ(signed_in.status, 200);
  const std::string access(signed_in.json().at("access_token").as_string());
  // The reset's commit, as the sign-in saw it: the generation moved on, and
  // this refresh token not revoked (it did not exist yet for the reset).
  execute_sql(
      "UPDATE users SET session_generation = session_generation + 1 "
      "WHERE email = 'racing@example.com'");
  expect_problem(client().get("/api/me", access), 401, "unauthorized");
  expect_problem(refresh(refresh_token_of(signed_in)), 401, "unauthorized");
  // A new sign-in belongs to the new generation.
  const auto again = login("racing@example.com", "password123");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(
      client().get("/api/me", std::string(again.json().at("access_token").as_string())).status,
      200);
  EXPECT_EQ(refresh(refresh_token_of(again)).status, 200);
}

TEST_P(PasswordReset, ALinkWorksOnce) {
  sign_up("once@example.com");
  const std::string token = reset_token("once@example.com");
  EXPECT_EQ(confirm(token, "new-password-1").status, 204);
  expect_problem(confirm(token, "new-password-2"), 400, "token-invalid");
  EXPECT_EQ(login("once@example.com", "new-password-1").status, 200);
}

TEST_P(PasswordReset, AnExpiredLinkIsRefused) {
  sign_up("late@example.com");
  const std::string token = reset_token("late@example.com");
  execute_sql("UPDATE account_tokens SET expires_at = " + std::to_string(now_millis() - 1));
  expect_problem(confirm(token), 400, "token-invalid");
  EXPECT_EQ(login("late@example.com", "password123").status, 200);
}

TEST_P(PasswordReset, TheTokenExpiresInAnHour) {
  sign_up("hour@example.com");
  reset_token("hour@example.com");
  const long long lifetime = sql_number(
      "SELECT expires_at - created_at FROM account_tokens WHERE purpose = 'password_reset'");
  EXPECT_EQ(lifetime, 3600 * 1000);
}

TEST_P(PasswordReset, WrongOrForeignTokensAreRefused) {
  sign_up("wrong@example.com");
  reset_token("wrong@example.com");
  expect_problem(confirm("not-a-token"), 400, "token-invalid");
  expect_problem(confirm(random_token(32)), 400, "token-invalid");
  // A verification link is not a reset link.
  sign_up("welcomed@example.com");
  expect_problem(confirm(mailed_token("welcomed@example.com", "welcome")), 400, "token-invalid");
  expect_problem(client().post_json("/api/auth/password-reset/confirm", {{"token", "x"}}), 422,
                 "validation");
  expect_problem(confirm(mailed_token("wrong@example.com", "password_reset"), "short"), 422,
                 "validation");
  EXPECT_EQ(login("wrong@example.com", "password123").status, 200);
}

TEST_P(PasswordReset, OfConcurrentIdenticalConfirmsOnlyOneSucceeds) {
  sign_up("double@example.com");
  const std::string token = reset_token("double@example.com");
  const auto seen = race([&](int) { return confirm(token, "new-password-1"); });
  const std::map<std::string, int> expected{{"204", 1},
                                            {"400 /problems/token-invalid", kRacers - 1}};
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(login("double@example.com", "new-password-1").status, 200);
}

TEST_P(PasswordReset, KnownAndUnknownAddressesGetTheSameAnswer) {
  sign_up("known@example.com");
  const auto known = request_reset("known@example.com");
  const auto unknown = request_reset("nobody@example.com");
  EXPECT_EQ(known.status, 202);
  EXPECT_EQ(unknown.status, known.status);
  EXPECT_EQ(unknown.body, known.body);
  EXPECT_EQ(unknown.header("content-type"), known.header("content-type"));
  EXPECT_EQ(mails_to("known@example.com").back().kind, "password_reset");
  EXPECT_TRUE(mails_to("nobody@example.com").empty());
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM account_tokens WHERE purpose = 'password_reset'"), 1);
}

TEST_P(PasswordReset, IsRateLimitedPerAddressAndPerClient) {
  sign_up("flooded@example.com");
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(request_reset("flooded@example.com", "203.0.113." + std::to_string(10 + i)).status,
              202);
  // Per address, from any client: nobody can flood one mailbox.
  const auto limited = request_reset("FLOODED@example.com", "203.0.113.99");
  expect_problem(limited, 429, "rate-limited");
  EXPECT_GE(std::stoi(limited.header("retry-after")), 1);
  EXPECT_EQ(mails_to("flooded@example.com").size(), 1u + 3u);  // the welcome and three links

  // Per client, whatever the address; unknown ones count the same.
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(request_reset("someone" + std::to_string(i) + "@example.com", "198.51.100.5").status,
              202);
  expect_problem(request_reset("someone9@example.com", "198.51.100.5"), 429, "rate-limited");
  EXPECT_EQ(request_reset("someone9@example.com", "198.51.100.6").status, 202);
}

TEST_P(PasswordReset, ConcurrentIdenticalRequestsStayWithinTheLimit) {
  sign_up("impatient@example.com");
  const auto seen = race([&](int n) {
    return request_reset("impatient@example.com", "203.0.113." + std::to_string(50 + n));
  });
  const std::map<std::string, int> expected{{"202", 3},
                                            {"429 /problems/rate-limited", kRacers - 3}};
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM account_tokens WHERE purpose = 'password_reset'"), 3);
  // Each link works until one of them is used; then none does.
  const std::string token = mailed_token("impatient@example.com", "password_reset");
  EXPECT_EQ(confirm(token).status, 204);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM account_tokens WHERE purpose = 'password_reset' "
                       "AND used_at IS NULL"),
            0);
}

TEST_P(PasswordReset, ALinkToAnAddressTheAccountLeftNoLongerWorks) {
  const auto account = sign_up("moving@example.com");
  const std::string token = reset_token("moving@example.com");
  ASSERT_EQ(change_email(account, "password123", "moved@example.com").status, 202);
  verify_email("moved@example.com");
  expect_problem(confirm(token), 400, "token-invalid");
}

class EmailVerification : public AccountTest {
 protected:
  void configure(Config& config) override { config.verification_mail_limit_per_user = 2; }
};
POCKETSHOP_API_TEST(EmailVerification);

TEST_P(EmailVerification, SignUpMailsAWelcomeWithAVerificationLink) {
  const auto registered = register_account("new@example.com", "buyer");
  ASSERT_EQ(registered.status, 201);
  EXPECT_FALSE(registered.json().at("user").at("email_verified").as_bool());
  const auto mails = mails_to("new@example.com");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].kind, "welcome");
  EXPECT_THAT(mails[0].text_body, ::testing::HasSubstr("/verify-email?token="));
  const std::string token = mailed_token("new@example.com", "welcome");

  const auto verified = client().post_json("/api/auth/verify-email", {{"token", token}});
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_TRUE(verified.json().at("user").at("email_verified").as_bool());
  const std::string access(registered.json().at("access_token").as_string());
  EXPECT_TRUE(client().get("/api/me", access).json().at("email_verified").as_bool());
  expect_problem(client().post_json("/api/auth/verify-email", {{"token", token}}), 400,
                 "token-invalid");
}

TEST_P(EmailVerification, AVendorOpensAShopOnlyOnceVerified) {
  const auto registered = register_account("maker@example.com", "vendor");
  const std::string access(registered.json().at("access_token").as_string());
  expect_problem(client().post_json("/api/shops", {{"name", "Early Shop"}}, access), 403,
                 "email-unverified");
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM shops"), 0);
  verify_email("maker@example.com");
  EXPECT_EQ(client().post_json("/api/shops", {{"name", "Early Shop"}}, access).status, 201);
}

TEST_P(EmailVerification, AnExpiredLinkIsRefused) {
  register_account("slow@example.com", "vendor");
  const std::string token = mailed_token("slow@example.com", "welcome");
  EXPECT_EQ(sql_number("SELECT expires_at - created_at FROM account_tokens"), 48LL * 3600 * 1000);
  execute_sql("UPDATE account_tokens SET expires_at = " + std::to_string(now_millis() - 1));
  expect_problem(client().post_json("/api/auth/verify-email", {{"token", token}}), 400,
                 "token-invalid");
}

TEST_P(EmailVerification, ANewLinkCanBeAskedForAFewTimes) {
  const auto registered = register_account("lost@example.com", "buyer");
  const std::string access(registered.json().at("access_token").as_string());
  expect_problem(client().post_json("/api/me/verification-mail", boost::json::object{}), 401,
                 "unauthorized");
  EXPECT_EQ(client().post_json("/api/me/verification-mail", boost::json::object{}, access).status,
            202);
  EXPECT_EQ(client().post_json("/api/me/verification-mail", boost::json::object{}, access).status,
            202);
  expect_problem(client().post_json("/api/me/verification-mail", boost::json::object{}, access),
                 429, "rate-limited");
  ASSERT_EQ(mails_to("lost@example.com").size(), 3u);
  EXPECT_EQ(mails_to("lost@example.com").back().kind, "email_verification");
  verify_email("lost@example.com");

  const auto other = sign_up("other@example.com");
  verify_email("other@example.com");
  expect_problem(
      client().post_json("/api/me/verification-mail", boost::json::object{}, other.access_token),
      409, "email-already-verified");
}

TEST_P(EmailVerification, ConcurrentIdenticalResendsStayWithinTheLimit) {
  const auto registered = register_account("hasty@example.com", "buyer");
  const std::string access(registered.json().at("access_token").as_string());
  const auto seen = race([&](int) {
    return client().post_json("/api/me/verification-mail", boost::json::object{}, access);
  });
  const std::map<std::string, int> expected{{"202", 2},
                                            {"429 /problems/rate-limited", kRacers - 2}};
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(mails_to("hasty@example.com").size(), 1u + 2u);  // the welcome and two links
}

TEST_P(EmailVerification, OfConcurrentClicksOnOneLinkOneVerifies) {
  register_account("clicky@example.com", "vendor");
  const std::string token = mailed_token("clicky@example.com", "welcome");
  const auto seen = race([&](int) {
    return client().post_json("/api/auth/verify-email", {{"token", token}});
  });
  const std::map<std::string, int> expected{{"200", 1},
                                            {"400 /problems/token-invalid", kRacers - 1}};
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM users WHERE email_verified_at IS NOT NULL"), 1);
}

}  // namespace
}  // namespace ps::testing
