#include "core/config.h"
#include "support/test_server.h"

#include <gtest/gtest.h>
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace ps {
namespace {

namespace fs = std::filesystem;

Config parse(std::vector<std::string> args) {
  CLI::App app;
  Config config;
  add_config_options(app, config);
  args.insert(args.begin(), "pocketshop");
  std::vector<const char*> argv;
  for (auto& arg : args) argv.push_back(arg.c_str());
  app.parse(static_cast<int>(argv.size()), argv.data());
  return config;
}

TEST(Config, DefaultsAreSafeForALaptop) {
  const Config config = parse({});
  EXPECT_EQ(config.host, "127.0.0.1");
  EXPECT_EQ(config.port, 8080);
  EXPECT_EQ(config.access_token_ttl_seconds, 900);
  EXPECT_EQ(config.password_strength, "interactive");
  EXPECT_FALSE(config.trust_proxy);
}

TEST(Config, ReadsEnvironmentAndFlagsWin) {
  setenv("POCKETSHOP_PORT", "9123", 1);
  setenv("POCKETSHOP_HOST", "0.0.0.0", 1);
  const Config from_env = parse({});
  EXPECT_EQ(from_env.port, 9123);
  EXPECT_EQ(from_env.host, "0.0.0.0");
  const Config from_flag = parse({"--port", "9200"});
  EXPECT_EQ(from_flag.port, 9200);
  unsetenv("POCKETSHOP_PORT");
  unsetenv("POCKETSHOP_HOST");
}

TEST(Config, RejectsValuesOutOfRange) {
  EXPECT_THROW(parse({"--port", "70000"}), CLI::ParseError);
  EXPECT_THROW(parse({"--port", "abc"}), CLI::ParseError);
  EXPECT_THROW(parse({"--password-strength", "weak"}), CLI::ParseError);
  EXPECT_THROW(parse({"--db-pool-size", "0"}), CLI::ParseError);
}

TEST(Config, GeneratesAndKeepsTheJwtSecret) {
  testing::TempDir dir;
  Config first;
  first.data_dir = (dir.path() / "data").string();
  finalize_config(first);
  EXPECT_GE(first.jwt_secret.size(), 32u);
  const auto secret_file = dir.path() / "data" / "jwt-secret";
  ASSERT_TRUE(fs::exists(secret_file));
  EXPECT_EQ(fs::status(secret_file).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);

  Config second;
  second.data_dir = first.data_dir;
  finalize_config(second);
  EXPECT_EQ(second.jwt_secret, first.jwt_secret);
}

TEST(Config, DefaultDatabaseIsSqliteInTheDataDirectory) {
  testing::TempDir dir;
  Config config;
  config.data_dir = dir.path().string();
  finalize_config(config);
  EXPECT_EQ(config.database_url, "sqlite://" + (dir.path() / "pocketshop.db").string());
}

TEST(Config, RefusesAShortSecret) {
  testing::TempDir dir;
  Config config;
  config.data_dir = dir.path().string();
  config.jwt_secret = "too-short";
  EXPECT_THROW(finalize_config(config), ConfigError);
  std::ofstream(dir.path() / "jwt-secret") << "short\n";
  config.jwt_secret.clear();
  EXPECT_THROW(finalize_config(config), ConfigError);
}

}  // namespace
}  // namespace ps
