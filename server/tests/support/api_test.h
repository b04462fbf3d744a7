#pragma once

#include "support/test_server.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ps::testing {

struct Account {
  std::int64_t id = 0;
  std::string email;
  std::string access_token;
  std::string refresh_token;
};

// A mail as the outbox keeps it.
struct OutboxMail {
  std::string kind, subject, text_body, html_body;
};

// Base fixture of the API tests: a fresh server per test, once on SQLite and
// once on PostgreSQL (see POCKETSHOP_API_TEST).
class ApiTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  void TearDown() override { server_.reset(); }

  // Overridden by fixtures that need other settings or extra probe routes.
  virtual void configure(Config&) {}
  virtual void add_routes(Application&) {}

  TestServer& server() { return *server_; }
  HttpClient client() const { return server_->client(); }

  // Signs up through the API; fails the test unless that answers 201. A
  // vendor then follows the welcome mail's link, as a shop needs a verified
  // address.
  Account sign_up(const std::string& email, const std::string& role = "buyer",
                  const std::string& password = "password123");

  // The one number a query answers in the server's database (0 for NULL).
  long long sql_number(const std::string& query);

  // Runs the due jobs, as the job workers would; returns how many were not
  // mail deliveries (which every notice of an order event adds).
  int run_due_jobs_but_mail();

  // The mails written to the outbox for an address, oldest first.
  std::vector<OutboxMail> mails_to(const std::string& address);
  // The token of the link in the newest mail of this kind to the address
  // (empty, and a test failure, when there is none).
  std::string mailed_token(const std::string& address, const std::string& kind);
  // Follows the newest verification link mailed to the address.
  void verify_email(const std::string& address);

 private:
  std::unique_ptr<TestServer> server_;
};

// Asserts a problem+json response with the given status and problem type
// ("out-of-stock" for /problems/out-of-stock).
void expect_problem(const HttpResult& result, int status, std::string_view type);

}  // namespace ps::testing

#define POCKETSHOP_API_TEST(Suite)                                                         \
  INSTANTIATE_TEST_SUITE_P(                                                                \
      Databases, Suite,                                                                    \
      ::testing::Values(::ps::testing::Backend::sqlite, ::ps::testing::Backend::postgres), \
      [](const auto& info) { return ::ps::testing::backend_name(info.param); })
