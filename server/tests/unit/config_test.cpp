#include "core/config.h"
#include "support/test_server.h"

#include <gtest/gtest.h>
#include <CLI/CLI.hpp>

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

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
  EXPECT_THROW(parse({"--db-pool-size", "-1"}), CLI::ParseError);
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

// The umask a process usually runs under, for one test.
class ScopedUmask {
 public:
  explicit ScopedUmask(mode_t mask) : previous_(::umask(mask)) {}
  ~ScopedUmask() { ::umask(previous_); }
  ScopedUmask(const ScopedUmask&) = delete;
  ScopedUmask& operator=(const ScopedUmask&) = delete;

 private:
  mode_t previous_;
};

fs::perms mode_of(const fs::path& path) { return fs::status(path).permissions() & fs::perms::all; }

constexpr auto kOwnerReadWrite = fs::perms::owner_read | fs::perms::owner_write;

// Issue 15, item 10: the database (password and refresh-token hashes) was
// world-readable, following the umask.
TEST(DataDirectory, AServerOnAFreshOneKeepsItsFilesToItsOwner) {
  ScopedUmask usual(022);
  testing::TempDir scratch;
  const fs::path data = scratch.path() / "data";
  {
    testing::TestServer server(testing::Backend::sqlite,
                               [&](Config& config) { config.data_dir = data.string(); });
    EXPECT_EQ(server.client().get("/healthz").status, 200);
    EXPECT_EQ(mode_of(data), fs::perms::owner_all);
    for (const char* file :
         {"pocketshop.db", "pocketshop.db-wal", "pocketshop.db-shm", "jwt-secret"}) {
      ASSERT_TRUE(fs::exists(data / file)) << file;
      EXPECT_EQ(mode_of(data / file), kOwnerReadWrite) << file;
    }
  }
}

TEST(DataDirectory, FilesOfAnOlderVersionAreMadePrivate) {
  ScopedUmask usual(022);
  testing::TempDir scratch;
  fs::permissions(scratch.path(), fs::perms::owner_all | fs::perms::group_read |
                                      fs::perms::group_exec | fs::perms::others_read |
                                      fs::perms::others_exec);
  for (const char* file : {"pocketshop.db", "pocketshop.db-wal", "pocketshop.db-shm"})
    std::ofstream(scratch.path() / file);
  std::ofstream(scratch.path() / "jwt-secret") << std::string(40, 's') << '\n';
  Config config;
  config.data_dir = scratch.path().string();
  finalize_config(config);
  for (const char* file : {"pocketshop.db", "pocketshop.db-wal", "pocketshop.db-shm", "jwt-secret"})
    EXPECT_EQ(mode_of(scratch.path() / file), kOwnerReadWrite) << file;
  // The folder's own mode is the operator's: only media/ (public images)
  // could be read in it now.
  EXPECT_EQ(mode_of(scratch.path()) & fs::perms::others_read, fs::perms::others_read);
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

using Variables = std::map<std::string, std::string>;

// Sets environment variables for one test and removes them afterwards.
class ScopedEnvironment {
 public:
  explicit ScopedEnvironment(Variables variables) : variables_(std::move(variables)) {
    for (const auto& [name, value] : variables_) setenv(name.c_str(), value.c_str(), 1);
  }
  ~ScopedEnvironment() {
    for (const auto& [name, value] : variables_) unsetenv(name.c_str());
  }
  ScopedEnvironment(const ScopedEnvironment&) = delete;
  ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

 private:
  Variables variables_;
};

const std::string kSecret = "an-environment-secret-of-40-characters!!";

TEST(Config, ReadsTheDatabaseUrlAndJwtSecretFromTheEnvironment) {
  testing::TempDir dir;
  const std::string url = "postgresql://shop:pw@db.internal:5433/pocketshop";
  ScopedEnvironment environment(Variables{{"POCKETSHOP_DATABASE_URL", url},
                                          {"POCKETSHOP_JWT_SECRET", kSecret},
                                          {"POCKETSHOP_DATA_DIR", dir.path().string()}});
  Config config = parse({});
  EXPECT_EQ(config.database_url, url);
  EXPECT_EQ(config.jwt_secret, kSecret);
  EXPECT_EQ(config.data_dir, dir.path().string());
  finalize_config(config);  // keeps both instead of the defaults
  EXPECT_EQ(config.database_url, url);
  EXPECT_EQ(config.jwt_secret, kSecret);
  EXPECT_FALSE(fs::exists(dir.path() / "jwt-secret"));

  const Config flagged = parse({"--database-url", "sqlite:///tmp/flag.db"});
  EXPECT_EQ(flagged.database_url, "sqlite:///tmp/flag.db");
}

TEST(Config, RefusesAShortJwtSecretFromTheEnvironment) {
  testing::TempDir dir;
  ScopedEnvironment environment(Variables{{"POCKETSHOP_JWT_SECRET", "short"}});
  Config config = parse({"--data-dir", dir.path().string()});
  EXPECT_THROW(finalize_config(config), ConfigError);
}

TEST(Config, ReadsEveryOtherSettingFromTheEnvironment) {
  ScopedEnvironment environment(Variables{{"POCKETSHOP_WEB_DIR", "/srv/web"},
                                          {"POCKETSHOP_IO_THREADS", "3"},
                                          {"POCKETSHOP_DB_POOL_SIZE", "12"},
                                          {"POCKETSHOP_MAX_BODY_BYTES", "2048"},
                                          {"POCKETSHOP_MAX_UPLOAD_BYTES", "5000000"},
                                          {"POCKETSHOP_MAX_IMAGE_PIXELS", "1000000"},
                                          {"POCKETSHOP_IDLE_TIMEOUT", "7"},
                                          {"POCKETSHOP_BODY_TIMEOUT", "9"},
                                          {"POCKETSHOP_ACCESS_TOKEN_TTL", "60"},
                                          {"POCKETSHOP_REFRESH_TOKEN_DAYS", "5"},
                                          {"POCKETSHOP_PASSWORD_STRENGTH", "moderate"},
                                          {"POCKETSHOP_LOGIN_LIMIT_PER_IP", "11"},
                                          {"POCKETSHOP_LOGIN_LIMIT_PER_EMAIL", "4"},
                                          {"POCKETSHOP_SIGNUP_LIMIT_PER_IP", "6"},
                                          {"POCKETSHOP_CHECKOUT_LIMIT_PER_USER", "2"},
                                          {"POCKETSHOP_PLATFORM_FEE_BPS", "250"},
                                          {"POCKETSHOP_TRUST_PROXY", "true"},
                                          {"POCKETSHOP_METRICS_TOKEN", "scrape-me"},
                                          {"POCKETSHOP_LOG_FORMAT", "json"},
                                          {"POCKETSHOP_LOG_LEVEL", "warn"}});
  const Config config = parse({});
  EXPECT_EQ(config.web_dir, "/srv/web");
  EXPECT_EQ(config.io_threads, 3);
  EXPECT_EQ(config.db_pool_size, 12);
  EXPECT_EQ(config.max_body_bytes, 2048u);
  EXPECT_EQ(config.max_upload_bytes, 5000000u);
  EXPECT_EQ(config.max_image_pixels, 1000000u);
  EXPECT_EQ(config.idle_timeout_seconds, 7);
  EXPECT_EQ(config.body_timeout_seconds, 9);
  EXPECT_EQ(config.access_token_ttl_seconds, 60);
  EXPECT_EQ(config.refresh_token_ttl_days, 5);
  EXPECT_EQ(config.password_strength, "moderate");
  EXPECT_EQ(config.login_limit_per_ip, 11);
  EXPECT_EQ(config.login_limit_per_email, 4);
  EXPECT_EQ(config.signup_limit_per_ip, 6);
  EXPECT_EQ(config.checkout_limit_per_user, 2);
  EXPECT_EQ(config.platform_fee_bps, 250);
  EXPECT_TRUE(config.trust_proxy);
  EXPECT_EQ(config.metrics_token, "scrape-me");
  EXPECT_EQ(config.log_format, "json");
  EXPECT_EQ(config.log_level, "warn");
}

TEST(Config, RefusesBadValuesFromTheEnvironment) {
  ScopedEnvironment environment(Variables{{"POCKETSHOP_LOG_FORMAT", "xml"}});
  EXPECT_THROW(parse({}), CLI::ParseError);
}

TEST(Config, ThePlatformFeeIsTenPercentByDefaultAndAtMostHalf) {
  EXPECT_EQ(parse({}).platform_fee_bps, 1000);
  EXPECT_EQ(parse({"--platform-fee-bps", "0"}).platform_fee_bps, 0);
  EXPECT_EQ(parse({"--platform-fee-bps", "5000"}).platform_fee_bps, 5000);
  EXPECT_THROW(parse({"--platform-fee-bps", "5001"}), CLI::ParseError);
  EXPECT_THROW(parse({"--platform-fee-bps", "-1"}), CLI::ParseError);
  EXPECT_THROW(parse({"--platform-fee-bps", "2.5"}), CLI::ParseError);
}

TEST(Config, TheFixedFeeAndThePayoutHoldHaveDefaultsAndRanges) {
  const auto defaults = parse({});
  EXPECT_EQ(defaults.platform_fee_fixed_cents, 0);
  EXPECT_EQ(defaults.payout_hold_days, 7);
  EXPECT_EQ(defaults.release_interval_seconds, 60);
  EXPECT_EQ(parse({"--platform-fee-fixed", "30"}).platform_fee_fixed_cents, 30);
  EXPECT_EQ(parse({"--payout-hold-days", "0"}).payout_hold_days, 0);
  EXPECT_THROW(parse({"--platform-fee-fixed", "-1"}), CLI::ParseError);
  EXPECT_THROW(parse({"--platform-fee-fixed", "100000001"}), CLI::ParseError);
  EXPECT_THROW(parse({"--payout-hold-days", "366"}), CLI::ParseError);
  EXPECT_THROW(parse({"--release-interval", "0"}), CLI::ParseError);
  ScopedEnvironment environment(
      Variables{{"POCKETSHOP_PLATFORM_FEE_FIXED", "25"}, {"POCKETSHOP_PAYOUT_HOLD_DAYS", "3"}});
  EXPECT_EQ(parse({}).platform_fee_fixed_cents, 25);
  EXPECT_EQ(parse({}).payout_hold_days, 3);
}

TEST(Config, MediaStorageIsLocalUnlessS3IsChosenWithEverySetting) {
  const Config defaults = parse({});
  EXPECT_EQ(defaults.media_storage, "local");
  EXPECT_EQ(defaults.s3_region, "us-east-1");
  EXPECT_THROW(parse({"--media-storage", "ftp"}), CLI::ParseError);

  testing::TempDir dir;
  Config config = parse({"--media-storage", "s3", "--s3-bucket", "shop-media"});
  config.data_dir = dir.path().string();
  try {
    finalize_config(config);
    ADD_FAILURE() << "s3 without its settings was accepted";
  } catch (const ConfigError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("--s3-endpoint (POCKETSHOP_S3_ENDPOINT)"), std::string::npos) << message;
    EXPECT_NE(message.find("--s3-access-key"), std::string::npos) << message;
    EXPECT_NE(message.find("--s3-secret-key"), std::string::npos) << message;
    EXPECT_EQ(message.find("--s3-bucket"), std::string::npos) << message;
  }

  ScopedEnvironment environment(Variables{{"POCKETSHOP_S3_ENDPOINT", "http://127.0.0.1:9000/"},
                                          {"POCKETSHOP_S3_ACCESS_KEY", "AKIAEXAMPLE"},
                                          {"POCKETSHOP_S3_SECRET_KEY", "not-logged"}});
  Config complete = parse({"--media-storage", "s3", "--s3-bucket", "shop-media"});
  complete.data_dir = dir.path().string();
  finalize_config(complete);
  EXPECT_EQ(complete.s3_endpoint, "http://127.0.0.1:9000");
  EXPECT_EQ(complete.s3_secret_key, "not-logged");

  for (const std::string bucket : {"ab", "Shop", "shop media", "-shop"}) {
    Config bad = complete;
    bad.s3_bucket = bucket;
    EXPECT_THROW(finalize_config(bad), ConfigError) << bucket;
  }
  Config no_scheme = complete;
  no_scheme.s3_endpoint = "127.0.0.1:9000";
  EXPECT_THROW(finalize_config(no_scheme), ConfigError);
}

TEST(Config, AReplicaNeedsPostgresOnBothSides) {
  ScopedEnvironment environment(
      Variables{{"POCKETSHOP_DATABASE_REPLICA_URL", "postgresql://reader@127.0.0.1:5433/shop"},
                {"POCKETSHOP_DB_REPLICA_MAX_LAG_MS", "1500"}});
  const Config config = parse({});
  EXPECT_EQ(config.database_replica_url, "postgresql://reader@127.0.0.1:5433/shop");
  EXPECT_EQ(config.db_replica_max_lag_ms, 1500);
  EXPECT_EQ(parse({}).db_replica_pool_size, 0);
  EXPECT_EQ(Config().database_replica_url, "");
  EXPECT_EQ(Config().db_replica_max_lag_ms, 5000);

  testing::TempDir dir;
  Config on_sqlite = config;  // the default database: an SQLite file
  on_sqlite.data_dir = dir.path().string();
  EXPECT_THROW(finalize_config(on_sqlite), ConfigError);
  Config replica_on_sqlite = config;
  replica_on_sqlite.data_dir = dir.path().string();
  replica_on_sqlite.database_url = "postgresql://shop@127.0.0.1:5432/shop";
  replica_on_sqlite.database_replica_url = "sqlite:///tmp/copy.db";
  EXPECT_THROW(finalize_config(replica_on_sqlite), ConfigError);
  Config both = config;
  both.data_dir = dir.path().string();
  both.database_url = "postgresql://shop@127.0.0.1:5432/shop";
  EXPECT_NO_THROW(finalize_config(both));
}

}  // namespace
}  // namespace ps
