#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ps::testing {

// One of our binaries in a child process, its output appended to a log file.
// Our servers pick their own port (--port 0) and name it in their log
// ("listening on http://127.0.0.1:<port>"). Start, kill and restart it from
// the test's main thread: the child dies with the thread that forked it.
class ChildProcess {
 public:
  explicit ChildProcess(std::filesystem::path log_path) : log_path_(std::move(log_path)) {}
  ~ChildProcess() { kill(); }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Runs args (args[0]: the binary) and returns the port it listens on;
  // throws with its output when it exits first or says nothing in 30 s.
  // `name` says who failed.
  std::uint16_t start(const std::vector<std::string>& args, std::string_view name);
  // SIGKILL: no drain, no destructors, exactly like a crash.
  void kill();
  // SIGTERM, then up to `limit` for it to exit (SIGKILL after); its exit
  // code, -1 when signalled.
  int terminate(std::chrono::seconds limit);

  bool running() const { return pid_ > 0; }
  // The whole log, every run.
  std::string log() const;
  // What the current (or last) run wrote.
  std::string output() const { return log().substr(log_offset_); }

 private:
  int reap();

  std::filesystem::path log_path_;
  pid_t pid_ = -1;
  std::uintmax_t log_offset_ = 0;
};

}  // namespace ps::testing
