#pragma once

#include "support/child_process.h"
#include "support/http_client.h"
#include "support/test_server.h"

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace ps::testing {

// The real `pocketshop serve` binary in a child process, on a scratch data
// folder and (for PostgreSQL) a scratch database that both outlive restarts.
// Its output goes to server.log in a scratch folder. Start, kill and restart
// it from the test's main thread: the child dies with the thread that forked it.
class ServerProcess {
 public:
  struct Options {
    Backend backend = Backend::sqlite;
    // Appended to the serve command line, e.g. raised rate limits.
    std::vector<std::string> extra_args;
    // When set, this database instead of a scratch one (e.g. a PostgresCluster).
    std::string database_url;
    // When set, this data folder instead of a scratch one (e.g. on a small tmpfs).
    std::filesystem::path data_dir;
    // start() returns once it listens, healthy or not.
    bool wait_until_healthy = true;
  };

  explicit ServerProcess(Backend backend, std::vector<std::string> extra_args = {});
  explicit ServerProcess(Options options);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Starts the binary and waits until GET /healthz answers 200 (unless
  // Options::wait_until_healthy is false); throws with the log when it does
  // not within a few seconds. POCKETSHOP_TEST_BINARY, when set, names the
  // binary to run instead of this build's (e.g. one from before a fix).
  void start();
  // SIGKILL: no drain, no destructors, exactly like a crash.
  void kill();
  // SIGTERM and the graceful drain; returns the exit code (-1 when signalled).
  int terminate();
  // Starts again on the same data folder and database (after kill/terminate).
  void restart(bool wait_until_healthy = true);

  bool running() const { return process_.running(); }
  std::uint16_t port() const { return port_; }
  HttpClient client() const { return HttpClient(port_); }
  const std::filesystem::path& data_dir() const { return data_dir_; }
  // The database the server uses, for checking it directly.
  std::string database_url() const;
  std::string log() const { return process_.log(); }
  // Marks an account's email address verified in the database, as if its
  // owner had followed the welcome mail's link (a vendor's shop needs it).
  void verify_email(const std::string& email) const;

 private:
  std::vector<std::string> command_line() const;
  void wait_until_healthy();

  TempDir scratch_;  // the log, and the data folder unless Options name one
  std::filesystem::path data_dir_;
  std::unique_ptr<ScratchPostgres> postgres_;
  Options options_;
  ChildProcess process_;
  std::uint16_t port_ = 0;
};

}  // namespace ps::testing
