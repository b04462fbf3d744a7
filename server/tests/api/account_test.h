#pragma once

// The fixture of the account recovery and settings tests: sign-in, refresh
// and the settings requests, and a race of identical requests.

#include "core/clock.h"
#include "core/random.h"
#include "support/api_test.h"
#include "support/race.h"

#include <gmock/gmock.h>
#include <soci/soci.h>

#include <functional>
#include <future>
#include <latch>
#include <map>

namespace ps::testing {

using boost::beast::http::verb;

class AccountTest : public ApiTest {
 protected:
  HttpResult register_account(const std::string& email, const std::string& role) {
    return client().post_json("/api/auth/register", {{"email", email},
                                                     {"password", "password123"},
                                                     {"display_name", "Test " + role},
                                                     {"role", role}});
  }

  HttpResult login(const std::string& email, const std::string& password) {
    return client().post_json("/api/auth/login", {{"email", email}, {"password", password}});
  }

  HttpResult refresh(const std::string& refresh_token) {
    return client().post_json("/api/auth/refresh", {{"refresh_token", refresh_token}});
  }

  static std::string refresh_token_of(const HttpResult& session) {
    return std::string(session.json().at("refresh_token").as_string());
  }

  HttpResult change_password(const Account& account, const std::string& current,
                             const std::string& next) {
    return client().post_json("/api/me/password",
                              {{"current_password", current}, {"new_password", next}},
                              account.access_token);
  }

  HttpResult change_email(const Account& account, const std::string& password,
                          const std::string& email) {
    return client().post_json("/api/me/email", {{"password", password}, {"email", email}},
                              account.access_token);
  }

  void execute_sql(const std::string& statement) {
    server().app().database().transaction([&](db::Connection& sql) { sql.session() << statement; });
  }
};

}  // namespace ps::testing
