#include "support/server_process.h"

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <thread>
#include <vector>

namespace ps::testing {
namespace {

using boost::beast::http::verb;
using Clock = std::chrono::steady_clock;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The log is written in blocks, at the latest every second.
std::string wait_for_log(const ServerProcess& server, const std::string& needle) {
  const auto deadline = Clock::now() + std::chrono::seconds(20);
  std::string log = server.log();
  while (log.find(needle) == std::string::npos && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    log = server.log();
  }
  return log;
}

// Issue 15, item 6: what a client sends must not forge log lines or reach
// the terminal of whoever reads the log.
TEST(LogForging, TheRealServerEscapesPathsAndForwardedAddresses) {
  ServerProcess server(Backend::sqlite, {"--trust-proxy", "true"});
  const auto forged_path = server.client().request(
      verb::get, "/api/nothing%0d%0a2026-01-01T00%3A00%3A00.000Z%20info%20FORGED-PATH%1b%5b2J");
  EXPECT_EQ(forged_path.status, 404);
  // HTTP refuses control bytes in header values (Beast answers 400), but not
  // UTF-8 C1 controls (U+009B is CSI to a UTF-8 terminal), bidirectional
  // overrides or bytes that are not UTF-8 (0x9B is CSI to an 8-bit one).
  const auto forged_client = server.client().request(verb::get, "/healthz", {},
                                                     {{"X-Forwarded-For",
                                                       "203.0.113.1, 198.51.100.2\xc2\x9b"
                                                       "2J FORGED-CLIENT\xe2\x80\xae\x9b"
                                                       "31m"}});
  EXPECT_EQ(forged_client.status, 200);

  const std::string log = wait_for_log(server, "FORGED-CLIENT");
  for (const char* raw : {"\x1b", "\r", "\xc2\x9b", "\xe2\x80\xae", "\x9b"})
    EXPECT_EQ(log.find(raw), std::string::npos) << log;
  for (const auto& line : lines_of(log)) {
    EXPECT_NE(line.rfind("2026-01-01T00:00:00.000Z", 0), 0u) << "a forged line: " << line;
    if (line.find("FORGED") != std::string::npos) {
      EXPECT_NE(line.find(" info access request_id="), std::string::npos) << line;
    }
  }
  EXPECT_NE(log.find("path=/api/nothing\\r\\n2026-01-01T00:00:00.000Z info FORGED-PATH\\x1b[2J "
                     "status=404"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("client=198.51.100.2\\u009b2J FORGED-CLIENT\\u202e\\x9b31m method=GET"),
            std::string::npos)
      << log;
}

}  // namespace
}  // namespace ps::testing
