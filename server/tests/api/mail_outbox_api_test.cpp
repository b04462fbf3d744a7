#include "db/database.h"
#include "mail/outbox.h"
#include "support/api_test.h"

#include <stdexcept>

#include <gtest/gtest.h>

namespace ps::testing {
namespace {

class MailOutbox : public ApiTest {};
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

}  // namespace
}  // namespace ps::testing
