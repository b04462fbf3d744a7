#include "support/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <regex>
#include <stdexcept>
#include <thread>

namespace ps::testing {

namespace {
using Clock = std::chrono::steady_clock;
constexpr auto kStartLimit = std::chrono::seconds(30);  // generous: sanitizer builds start slowly
constexpr auto kPoll = std::chrono::milliseconds(20);

int exit_code(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

// Runs in the forked child, so only async-signal-safe calls until exec.
[[noreturn]] void exec_child(const std::vector<char*>& argv, int log_fd, pid_t parent) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a crashed test
  if (getppid() != parent) _exit(126);
  dup2(log_fd, STDOUT_FILENO);
  dup2(log_fd, STDERR_FILENO);
  close_range(3, ~0U, 0);  // no test sockets leak into the child
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  execv(argv[0], argv.data());
  _exit(127);
}
}  // namespace

std::string ChildProcess::log() const {
  std::ifstream in(log_path_, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::uint16_t ChildProcess::start(const std::vector<std::string>& args, std::string_view name) {
  if (running()) throw std::logic_error(std::string(name) + " is already running");
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  const int log_fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0) throw std::runtime_error("cannot open " + log_path_.string());
  log_offset_ = std::filesystem::file_size(log_path_);
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid == 0) exec_child(argv, log_fd, parent);
  ::close(log_fd);
  if (pid < 0) throw std::runtime_error("fork failed");
  pid_ = pid;

  const std::regex listening(R"(listening on http://127\.0\.0\.1:(\d+))");
  const auto deadline = Clock::now() + kStartLimit;
  while (Clock::now() < deadline) {
    const std::string text = output();
    std::smatch match;
    if (std::regex_search(text, match, listening))
      return static_cast<std::uint16_t>(std::stoi(match[1]));
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error(std::string(name) + " exited before listening:\n" + text);
    }
    std::this_thread::sleep_for(kPoll);
  }
  kill();
  throw std::runtime_error(std::string(name) + " did not start listening:\n" + output());
}

void ChildProcess::kill() {
  if (!running()) return;
  ::kill(pid_, SIGKILL);
  reap();
}

int ChildProcess::terminate(std::chrono::seconds limit) {
  if (!running()) throw std::logic_error("the process is not running");
  ::kill(pid_, SIGTERM);
  const auto deadline = Clock::now() + limit;
  while (Clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return exit_code(status);
    }
    std::this_thread::sleep_for(kPoll);
  }
  kill();
  return -1;
}

int ChildProcess::reap() {
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  return exit_code(status);
}

}  // namespace ps::testing
