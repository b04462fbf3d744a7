// SQLite on a data folder that fills up or turns read-only under the server:
// clear problem+json answers (507 or 503) instead of 500s, a log line naming
// the file, no acknowledged write lost, and service again once the cause is
// gone. Needs root to mount a small tmpfs; skipped otherwise.
#include "support/server_process.h"
#include "support/shop_client.h"

#include "db/database.h"

#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <soci/soci.h>
#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <set>
#include <thread>

namespace ps::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kTmpfsSize = "size=24m";
constexpr int kMaxFillingWrites = 3000;  // the WAL grows by a few pages a sign-up

// A tmpfs of its own, unmounted afterwards.
class Tmpfs {
 public:
  Tmpfs() { mounted_ = ::mount("tmpfs", dir_.path().c_str(), "tmpfs", 0, kTmpfsSize) == 0; }
  ~Tmpfs() {
    if (mounted_) ::umount2(dir_.path().c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  const fs::path& path() const { return dir_.path(); }
  bool set_read_only(bool read_only) {
    const unsigned long flags =
        MS_REMOUNT | (read_only ? static_cast<unsigned long>(MS_RDONLY) : 0UL);
    return ::mount("tmpfs", dir_.path().c_str(), "tmpfs", flags, kTmpfsSize) == 0;
  }

 private:
  TempDir dir_;
  bool mounted_ = false;
};

HttpResult register_account(const HttpClient& client, const std::string& email) {
  return client.post_json("/api/auth/register", {{"email", email},
                                                 {"password", "password123"},
                                                 {"display_name", "Storage"},
                                                 {"role", "buyer"}});
}

std::string problem_type(const HttpResult& result) {
  if (result.header("content-type") != "application/problem+json") return "(not a problem)";
  return std::string(result.json().at("type").as_string());
}

// Writes until the file system refuses another byte.
void fill(const fs::path& file) {
  std::FILE* out = std::fopen(file.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  std::setvbuf(out, nullptr, _IONBF, 0);
  const std::string chunk(4096, 'x');
  while (std::fwrite(chunk.data(), 1, chunk.size(), out) == chunk.size()) {
  }
  std::fclose(out);
}

std::set<std::string> stored_emails(const std::string& url) {
  db::Database database(url, 1);
  std::vector<std::string> emails(100000);
  database.with_session(
      [&](db::Connection& sql) { sql.session() << "SELECT email FROM users", soci::into(emails); });
  return {emails.begin(), emails.end()};
}

class SqliteStorage : public ::testing::Test {
 protected:
  void SetUp() override {
    if (geteuid() != 0) GTEST_SKIP() << "needs root to mount a tmpfs";
    tmpfs_ = std::make_unique<Tmpfs>();
    if (!tmpfs_->mounted()) GTEST_SKIP() << "cannot mount a tmpfs here";
    data_dir_ = tmpfs_->path() / "data";
    fs::create_directories(data_dir_);
  }

  void start_server(bool wait_until_healthy) {
    ServerProcess::Options options;
    options.data_dir = data_dir_;
    options.extra_args = {"--signup-limit-per-ip", "1000000"};
    options.wait_until_healthy = wait_until_healthy;
    server_ = std::make_unique<ServerProcess>(std::move(options));
  }

  std::string database_file() const { return (data_dir_ / "pocketshop.db").string(); }

  std::unique_ptr<Tmpfs> tmpfs_;
  fs::path data_dir_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(SqliteStorage, FullDiskAnswers507AndRecoversOnceSpaceIsFreed) {
  start_server(true);
  const auto client = server_->client();
  std::set<std::string> acknowledged;
  for (int n = 0; n < 3; ++n) {
    const std::string email = "before" + std::to_string(n) + "@example.com";
    ASSERT_EQ(register_account(client, email).status, 201);
    acknowledged.insert(email);
  }

  const fs::path filler = tmpfs_->path() / "filler";
  fill(filler);
  HttpResult refused;
  for (int n = 0; n < kMaxFillingWrites; ++n) {
    const std::string email = "filling" + std::to_string(n) + "@example.com";
    const auto result = register_account(client, email);
    if (result.status != 201) {
      refused = result;
      break;
    }
    acknowledged.insert(email);
  }
  ASSERT_NE(refused.status, 0) << "the disk never filled up";
  EXPECT_EQ(refused.status, 507) << refused.body;
  EXPECT_EQ(problem_type(refused), "/problems/insufficient-storage") << refused.body;
  const auto read = client.get("/api/products");
  EXPECT_EQ(read.status, 200) << "reads go on while the disk is full: " << read.body;
  EXPECT_NE(server_->log().find(database_file()), std::string::npos)
      << "no log line names the file:\n"
      << server_->log();

  fs::remove(filler);
  const auto after = eventually(201, [&] { return register_account(client, "after@example.com"); });
  EXPECT_EQ(after.status, 201) << after.body;
  acknowledged.insert("after@example.com");

  server_->terminate();
  const auto stored = stored_emails("sqlite://" + database_file());
  for (const auto& email : acknowledged) EXPECT_TRUE(stored.count(email)) << email << " was lost";
}

TEST_F(SqliteStorage, ReadOnlyDataFolderAnswers503AndRecoversOnceWritable) {
  start_server(true);
  ASSERT_EQ(register_account(server_->client(), "kept@example.com").status, 201);
  ASSERT_EQ(server_->terminate(), 0);
  ASSERT_TRUE(tmpfs_->set_read_only(true));

  server_->restart(/*wait_until_healthy=*/false);  // it cannot be healthy yet
  const auto client = server_->client();
  const auto refused = register_account(client, "refused@example.com");
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(refused.header("content-type"), "application/problem+json") << refused.body;
  EXPECT_FALSE(refused.header("retry-after").empty());
  const auto type = problem_type(refused);
  EXPECT_TRUE(type == "/problems/database-read-only" || type == "/problems/database-unavailable")
      << type;
  EXPECT_NE(server_->log().find(database_file()), std::string::npos)
      << "no log line names the file:\n"
      << server_->log();

  ASSERT_TRUE(tmpfs_->set_read_only(false));
  const auto later = eventually(201, [&] { return register_account(client, "later@example.com"); });
  EXPECT_EQ(later.status, 201) << later.body;
  EXPECT_EQ(client.get("/healthz").status, 200);
  ASSERT_EQ(server_->terminate(), 0);
  const auto stored = stored_emails("sqlite://" + database_file());
  EXPECT_TRUE(stored.count("kept@example.com"));
  EXPECT_TRUE(stored.count("later@example.com"));
  EXPECT_FALSE(stored.count("refused@example.com"));
}

}  // namespace
}  // namespace ps::testing
