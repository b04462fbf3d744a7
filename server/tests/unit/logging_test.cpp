#include "core/logging.h"
#include "support/log_capture.h"

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <algorithm>
#include <string>

namespace ps {
namespace {

// What a client can put into a logged field: a decoded path, a header value.
const std::string kHostile =
    "/api/x\r\n2026-01-01T00:00:00.000Z info FORGED\x1b[2J\x7f\x9b"
    "\xe2\x80\xae"  // U+202E RIGHT-TO-LEFT OVERRIDE
    "\xc2\x85"      // U+0085 NEXT LINE (C1)
    "\\ caf\xc3\xa9";

std::string logged(const std::string& field) {
  testing::LogCapture capture;
  spdlog::info("access path={} status=404", field);
  return capture.text();
}

TEST(TextLog, ControlCharactersCannotStartALineOrReachTheTerminal) {
  const std::string line = logged(kHostile);
  EXPECT_EQ(std::count(line.begin(), line.end(), '\n'), 1) << line;
  EXPECT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\r'), std::string::npos);
  EXPECT_EQ(line.find('\x1b'), std::string::npos);
  EXPECT_EQ(line.find('\x7f'), std::string::npos);
  EXPECT_EQ(line.find("\xe2\x80\xae"), std::string::npos);
  EXPECT_NE(line.find("path=/api/x\\r\\n2026-01-01T00:00:00.000Z info FORGED\\x1b[2J\\x7f\\x9b"
                      "\\u202e\\u0085\\\\ caf\xc3\xa9 status=404\n"),
            std::string::npos)
      << line;
}

TEST(TextLog, PlainLinesAreUnchanged) {
  const std::string line = logged("/api/products?q=caf\xc3\xa9&page=2");
  EXPECT_NE(line.find(" info access path=/api/products?q=caf\xc3\xa9&page=2 status=404\n"),
            std::string::npos)
      << line;
}

TEST(TextLog, TheRequestIdIsEscapedToo) {
  testing::LogCapture capture;
  {
    LogContext context("id\nFORGED");
    spdlog::info("account created");
  }
  EXPECT_NE(capture.text().find("request_id=id\\nFORGED account created\n"), std::string::npos)
      << capture.text();
}

TEST(JsonLog, EveryLineIsOneValidJsonObjectHoldingTheText) {
  testing::LogCapture capture;
  init_logging("trace", "json");
  spdlog::info("path={}", kHostile);
  init_logging("trace");
  const std::string line = capture.text();
  ASSERT_EQ(std::count(line.begin(), line.end(), '\n'), 1) << line;
  EXPECT_EQ(line.find('\x1b'), std::string::npos);
  EXPECT_EQ(line.find("\xe2\x80\xae"), std::string::npos);
  boost::system::error_code ec;
  const auto json = boost::json::parse(line, ec);
  ASSERT_FALSE(ec) << line;
  // The one byte that is not UTF-8 (0x9b) is kept as the text \x9b.
  EXPECT_EQ(json.at("message").as_string(),
            "path=/api/x\r\n2026-01-01T00:00:00.000Z info FORGED\x1b[2J\x7f\\x9b"
            "\xe2\x80\xae\xc2\x85\\ caf\xc3\xa9");
}

}  // namespace
}  // namespace ps
