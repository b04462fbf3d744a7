#pragma once

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
// Its output goes to server.log in the data folder. Start, kill and restart
// it from the test's main thread: the child dies with the thread that forked it.
class ServerProcess {
 public:
  // extra_args are appended to the serve command line, e.g. raised rate limits.
  explicit ServerProcess(Backend backend, std::vector<std::string> extra_args = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Starts the binary and waits until GET /healthz answers 200; throws with
  // the log when it does not within a few seconds.
  void start();
  // SIGKILL: no drain, no destructors, exactly like a crash.
  void kill();
  // SIGTERM and the graceful drain; returns the exit code (-1 when signalled).
  int terminate();
  // Starts again on the same data folder and database (after kill/terminate).
  void restart();

  bool running() const { return pid_ > 0; }
  std::uint16_t port() const { return port_; }
  HttpClient client() const { return HttpClient(port_); }
  const std::filesystem::path& data_dir() const { return data_dir_.path(); }
  // The database the server uses, for checking it directly.
  std::string database_url() const;
  std::string log() const;

 private:
  std::vector<std::string> command_line() const;
  void spawn();
  void wait_until_listening();
  void wait_until_healthy();
  int reap();  // waits for the child; returns its exit code, -1 when signalled

  TempDir data_dir_;
  std::unique_ptr<ScratchPostgres> postgres_;
  std::vector<std::string> extra_args_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  std::uintmax_t log_offset_ = 0;  // where the current run's output starts
};

}  // namespace ps::testing
