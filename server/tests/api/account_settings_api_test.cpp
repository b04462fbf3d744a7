// Account settings behind the password (issue 17): change password (the other
// sessions end, this one goes on) and change email (the new address must
// verify; the old one is told).

#include "api/account_test.h"

#include <mutex>

namespace ps::testing {
namespace {

class AccountSettings : public AccountTest {
 protected:
  HttpResult logout_others(const std::string& access_token, const std::string& password) {
    return client().post_json("/api/auth/logout-others", {{"password", password}}, access_token);
  }
};
POCKETSHOP_API_TEST(AccountSettings);

TEST_P(AccountSettings, SigningOutTheOtherDevicesKeepsThisOne) {
  const auto account = sign_up("lost-phone@example.com");
  const auto phone = login("lost-phone@example.com", "password123");
  ASSERT_EQ(phone.status, 200);

  const auto kept = logout_others(account.access_token, "password123");
  ASSERT_EQ(kept.status, 200) << kept.body;
  const std::string new_access(kept.json().at("access_token").as_string());
  EXPECT_EQ(client().get("/api/me", new_access).status, 200);
  // The phone is signed out now, access token and all; so is the token
  // this device held before.
  const std::string phone_access(phone.json().at("access_token").as_string());
  expect_problem(client().get("/api/me", phone_access), 401, "unauthorized");
  expect_problem(refresh(refresh_token_of(phone)), 401, "unauthorized");
  expect_problem(client().get("/api/me", account.access_token), 401, "unauthorized");
  EXPECT_EQ(refresh(refresh_token_of(kept)).status, 200);
  // The password stays what it was; the owner is told.
  EXPECT_EQ(login("lost-phone@example.com", "password123").status, 200);
  const auto notice = mails_to("lost-phone@example.com").back();
  EXPECT_EQ(notice.kind, "sessions_ended");
  EXPECT_THAT(notice.text_body, ::testing::HasSubstr("reset your password"));
}

TEST_P(AccountSettings, SigningOutTheOtherDevicesNeedsThePassword) {
  const auto account = sign_up("stolen-token@example.com");
  const auto phone = login("stolen-token@example.com", "password123");
  ASSERT_EQ(phone.status, 200);
  // A stolen access token alone buys no new session, and ends none.
  expect_problem(logout_others(account.access_token, "guess"), 403, "password-incorrect");
  expect_problem(
      client().post_json("/api/auth/logout-others", boost::json::object{}, account.access_token),
      422, "validation");
  expect_problem(logout_others("", "password123"), 401, "unauthorized");
  expect_problem(client().request(verb::post, "/api/auth/logout-others", "{\"password\":",
                                  {{"Content-Type", "application/json"},
                                   {"Authorization", "Bearer " + account.access_token}}),
                 400, "bad-request");
  EXPECT_EQ(client().get("/api/me", account.access_token).status, 200);
  EXPECT_EQ(refresh(refresh_token_of(phone)).status, 200);
  EXPECT_NE(mails_to("stolen-token@example.com").back().kind, "sessions_ended");
}

TEST_P(AccountSettings, OfConcurrentSignOutsOfTheOtherDevicesOneSessionSurvives) {
  const auto account = sign_up("nervous@example.com");
  std::mutex mutex;
  std::vector<std::string> refresh_tokens;
  const auto seen = race([&](int) {
    auto result = logout_others(account.access_token, "password123");
    if (result.status == 200) {
      std::lock_guard lock(mutex);
      refresh_tokens.push_back(refresh_token_of(result));
    }
    return result;
  });
  // A request checked after another's commit finds its token signed out.
  int answered = 0;
  for (const auto& [outcome, count] : seen)
    if (outcome == "200" || outcome == "401 /problems/unauthorized") answered += count;
  EXPECT_EQ(answered, kRacers) << ::testing::PrintToString(seen);
  ASSERT_GE(refresh_tokens.size(), 1u);
  // Each winner signed out those before it: the last one's session lives.
  int alive = 0;
  for (const auto& token : refresh_tokens) alive += refresh(token).status == 200 ? 1 : 0;
  EXPECT_EQ(alive, 1);
}

TEST_P(AccountSettings, ChangingThePasswordEndsTheOtherSessionsOnly) {
  const auto account = sign_up("careful@example.com");
  const auto other_device = login("careful@example.com", "password123");
  ASSERT_EQ(other_device.status, 200);

  const auto changed = change_password(account, "password123", "better-password-1");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_FALSE(changed.json().at("access_token").as_string().empty());
  // This device goes on with the session it was given.
  const std::string new_access(changed.json().at("access_token").as_string());
  EXPECT_EQ(client().get("/api/me", new_access).status, 200);
  EXPECT_EQ(refresh(refresh_token_of(changed)).status, 200);
  // The other device's access token stops now, not within its 15 minutes;
  // so does the one this device held before the change.
  const std::string other_access(other_device.json().at("access_token").as_string());
  expect_problem(client().get("/api/me", other_access), 401, "unauthorized");
  expect_problem(client().get("/api/me", account.access_token), 401, "unauthorized");
  expect_problem(refresh(refresh_token_of(other_device)), 401, "unauthorized");
  expect_problem(refresh(account.refresh_token), 401, "unauthorized");
  expect_problem(login("careful@example.com", "password123"), 401, "unauthorized");
  EXPECT_EQ(login("careful@example.com", "better-password-1").status, 200);
  EXPECT_EQ(mails_to("careful@example.com").back().kind, "password_changed");
}

TEST_P(AccountSettings, ChangingThePasswordNeedsTheCurrentOne) {
  const auto account = sign_up("guarded@example.com");
  expect_problem(change_password(account, "not-the-password", "better-password-1"), 403,
                 "password-incorrect");
  expect_problem(change_password(account, "password123", "short"), 422, "validation");
  expect_problem(client().post_json("/api/me/password", {{"current_password", "password123"},
                                                         {"new_password", "better-password-1"}}),
                 401, "unauthorized");
  EXPECT_EQ(login("guarded@example.com", "password123").status, 200);
}

TEST_P(AccountSettings, OfConcurrentIdenticalPasswordChangesOneWins) {
  const auto account = sign_up("twice@example.com");
  const auto seen =
      race([&](int) { return change_password(account, "password123", "better-password-1"); });
  // The losers find the password changed (403), or, when the winner's
  // commit came before their token was checked, their token signed out (401).
  EXPECT_EQ(seen.count("200") ? seen.at("200") : 0, 1);
  int refused = 0;
  for (const auto& [outcome, count] : seen)
    if (outcome == "403 /problems/password-incorrect" || outcome == "401 /problems/unauthorized")
      refused += count;
  EXPECT_EQ(refused, kRacers - 1) << ::testing::PrintToString(seen);
  EXPECT_EQ(login("twice@example.com", "better-password-1").status, 200);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM refresh_tokens WHERE revoked_at IS NULL"), 2);
}

TEST_P(AccountSettings, TheAddressChangesWhenTheNewOneVerifies) {
  const auto account = sign_up("old@example.com");
  ASSERT_EQ(change_email(account, "password123", "New@Example.com").status, 202);
  // Nothing changes yet.
  EXPECT_EQ(client().get("/api/me", account.access_token).json().at("email").as_string(),
            "old@example.com");
  const auto notice = mails_to("old@example.com").back();
  EXPECT_EQ(notice.kind, "email_change_notice");
  EXPECT_THAT(notice.text_body, ::testing::HasSubstr("new@example.com"));
  EXPECT_THAT(notice.text_body, ::testing::Not(::testing::HasSubstr("token=")));
  ASSERT_EQ(mails_to("new@example.com").size(), 1u);

  verify_email("new@example.com");
  const auto me = client().get("/api/me", account.access_token).json();
  EXPECT_EQ(me.at("email").as_string(), "new@example.com");
  EXPECT_TRUE(me.at("email_verified").as_bool());
  EXPECT_EQ(login("new@example.com", "password123").status, 200);
  expect_problem(login("old@example.com", "password123"), 401, "unauthorized");
}

TEST_P(AccountSettings, ChangingTheAddressNeedsThePasswordAndAFreeAddress) {
  const auto account = sign_up("mine@example.com");
  sign_up("taken@example.com");
  expect_problem(change_email(account, "wrong-password", "fresh@example.com"), 403,
                 "password-incorrect");
  expect_problem(change_email(account, "password123", "taken@example.com"), 409, "email-taken");
  expect_problem(change_email(account, "password123", "mine@example.com"), 422, "validation");
  expect_problem(change_email(account, "password123", "not-an-address"), 422, "validation");
  EXPECT_TRUE(mails_to("fresh@example.com").empty());
}

TEST_P(AccountSettings, AnAddressTakenBeforeItVerifiesIsNotTakenTwice) {
  const auto account = sign_up("first@example.com");
  ASSERT_EQ(change_email(account, "password123", "wanted@example.com").status, 202);
  const std::string token = mailed_token("wanted@example.com", "email_verification");
  sign_up("wanted@example.com");  // someone signs up with it meanwhile
  expect_problem(client().post_json("/api/auth/verify-email", {{"token", token}}), 409,
                 "email-taken");
  EXPECT_EQ(client().get("/api/me", account.access_token).json().at("email").as_string(),
            "first@example.com");
}

TEST_P(AccountSettings, OfConcurrentIdenticalAddressChangesOnlyOneLinkWorks) {
  const auto account = sign_up("busy@example.com");
  const auto seen =
      race([&](int) { return change_email(account, "password123", "quiet@example.com"); });
  EXPECT_EQ(seen, (std::map<std::string, int>{{"202", kRacers}}));
  const auto mails = mails_to("quiet@example.com");
  ASSERT_EQ(mails.size(), static_cast<std::size_t>(kRacers));
  verify_email("quiet@example.com");
  // Every other link of the same change is used up with it.
  std::vector<std::string> others;
  for (const auto& mail : mails) {
    const auto at = mail.text_body.find("token=");
    others.push_back(mail.text_body.substr(at + 6, 43));
  }
  others.pop_back();
  for (const auto& token : others)
    expect_problem(client().post_json("/api/auth/verify-email", {{"token", token}}), 400,
                   "token-invalid");
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM users WHERE email = 'quiet@example.com'"), 1);
}

// Each request that confirms an action with the password counts against
// one budget per user (that of sign-ins with one address): an access token
// must not become a way to guess the password.
class PasswordChecks : public AccountSettings {
 protected:
  void configure(Config& config) override { config.login_limit_per_email = 3; }
};
POCKETSHOP_API_TEST(PasswordChecks);

TEST_P(PasswordChecks, AreLimitedPerUserAcrossEveryPasswordConfirmedAction) {
  const auto account = sign_up("guessed@example.com");
  expect_problem(change_password(account, "guess-1-guess", "better-password-1"), 403,
                 "password-incorrect");
  expect_problem(logout_others(account.access_token, "guess-2-guess"), 403, "password-incorrect");
  expect_problem(change_email(account, "guess-3-guess", "other@example.com"), 403,
                 "password-incorrect");
  // Out of guesses: even the right password waits.
  const auto limited = client().request(
      verb::delete_, "/api/me", R"({"password":"password123"})",
      {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + account.access_token}});
  expect_problem(limited, 429, "rate-limited");
  EXPECT_FALSE(limited.header("retry-after").empty());
  EXPECT_EQ(client().get("/api/me", account.access_token).status, 200);  // not deleted
  // Another user has a budget of their own.
  const auto other = sign_up("other@example.com");
  EXPECT_EQ(logout_others(other.access_token, "password123").status, 200);
}

TEST_P(PasswordChecks, ConcurrentGuessesStayWithinTheBudget) {
  const auto account = sign_up("raced@example.com");
  const auto seen = race([&](int n) {
    return logout_others(account.access_token, "guess-" + std::to_string(n) + "-guess");
  });
  const std::map<std::string, int> expected{{"403 /problems/password-incorrect", 3},
                                            {"429 /problems/rate-limited", kRacers - 3}};
  EXPECT_EQ(seen, expected);
}

}  // namespace
}  // namespace ps::testing
