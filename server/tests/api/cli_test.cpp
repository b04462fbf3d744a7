// The pocketshop binary as an operator uses it: subcommands, configuration
// from the environment, and a clean exit on SIGTERM.
#include "support/http_client.h"
#include "support/test_server.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <sstream>

#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <cstdio>
#include <regex>

namespace ps::testing {
namespace {

struct CommandResult {
  int exit_code = -1;
  std::string output;
};

CommandResult run(const std::string& arguments) {
  const std::string command = std::string(POCKETSHOP_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  CommandResult result;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) result.output.append(buffer, n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

TEST(Cli, MigrateIsSafeToRunTwice) {
  TempDir dir;
  const auto first = run("migrate --data-dir " + dir.path().string());
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("applying migration 001_accounts.sql"), std::string::npos);
  const auto second = run("migrate --data-dir " + dir.path().string());
  EXPECT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("0 migration(s) applied"), std::string::npos) << second.output;
}

TEST(Cli, JsonLogsAreOneObjectALine) {
  TempDir dir;
  const auto result = run("migrate --log-format json --data-dir " + dir.path().string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  std::istringstream lines(result.output);
  std::string line;
  int parsed = 0;
  while (std::getline(lines, line)) {
    const auto json = boost::json::parse(line).as_object();  // throws if not JSON
    EXPECT_TRUE(json.contains("time") && json.contains("level") && json.contains("message"));
    ++parsed;
  }
  EXPECT_GE(parsed, 2);
  EXPECT_NE(result.output.find(R"("message":"applying migration 001_accounts.sql")"),
            std::string::npos);
}

TEST(Cli, CreateUserRefusesADuplicate) {
  TempDir dir;
  const std::string base = "create-user --data-dir " + dir.path().string() +
                           " --password-strength min --email Vendor@Example.com "
                           "--password longenough --role vendor";
  const auto created = run(base);
  EXPECT_EQ(created.exit_code, 0) << created.output;
  EXPECT_NE(created.output.find("created vendor vendor@example.com"), std::string::npos);
  const auto again = run(base);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.output.find("already exists"), std::string::npos) << again.output;
}

TEST(Cli, BadConfigurationExitsWithAMessage) {
  const auto bad_port = run("serve --port 99999");
  EXPECT_NE(bad_port.exit_code, 0);
  const auto bad_db = run("migrate --database-url mysql://nope");
  EXPECT_EQ(bad_db.exit_code, 1);
  EXPECT_NE(bad_db.output.find("sqlite://"), std::string::npos) << bad_db.output;
  const auto no_command = run("");
  EXPECT_NE(no_command.exit_code, 0);
}

TEST(Cli, ServeReadsTheEnvironmentAndStopsCleanlyOnSigterm) {
  TempDir dir;
  int output[2];
  ASSERT_EQ(pipe(output), 0);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(output[1], STDERR_FILENO);
    dup2(output[1], STDOUT_FILENO);
    close(output[0]);
    setenv("POCKETSHOP_PORT", "0", 1);
    setenv("POCKETSHOP_DATA_DIR", dir.path().c_str(), 1);
    execl(POCKETSHOP_BINARY, POCKETSHOP_BINARY, "serve", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(output[1]);

  std::string log;
  std::smatch match;
  const std::regex listening(R"(listening on http://127\.0\.0\.1:(\d+))");
  char buffer[1024];
  while (!std::regex_search(log, match, listening)) {
    const auto n = read(output[0], buffer, sizeof buffer);
    ASSERT_GT(n, 0) << log;
    log.append(buffer, static_cast<std::size_t>(n));
  }
  const auto port = static_cast<std::uint16_t>(std::stoi(match[1]));
  EXPECT_EQ(HttpClient(port).get("/healthz").status, 200);

  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  close(output[0]);
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "pocketshop.db"));
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "jwt-secret"));
}

}  // namespace
}  // namespace ps::testing
