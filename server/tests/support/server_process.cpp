#include "support/server_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <regex>
#include <stdexcept>
#include <thread>

namespace ps::testing {

namespace {
using Clock = std::chrono::steady_clock;
constexpr auto kStartLimit = std::chrono::seconds(30);  // generous: sanitizer builds start slowly
constexpr auto kStopLimit = std::chrono::seconds(40);   // the server drains for up to 30 s
constexpr auto kPoll = std::chrono::milliseconds(20);
constexpr const char* kLogFile = "server.log";

int exit_code(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

// Runs in the forked child, so only async-signal-safe calls until exec.
[[noreturn]] void exec_child(const std::vector<char*>& argv, int log_fd, pid_t parent) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a crashed test
  if (getppid() != parent) _exit(126);
  dup2(log_fd, STDOUT_FILENO);
  dup2(log_fd, STDERR_FILENO);
  close_range(3, ~0U, 0);  // no test sockets leak into the server
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  execv(argv[0], argv.data());
  _exit(127);
}
}  // namespace

ServerProcess::ServerProcess(Backend backend, std::vector<std::string> extra_args)
    : ServerProcess(Options{backend, std::move(extra_args)}) {}

ServerProcess::ServerProcess(Options options)
    : data_dir_(options.data_dir.empty() ? scratch_.path() : options.data_dir),
      options_(std::move(options)) {
  if (options_.backend == Backend::postgres && options_.database_url.empty())
    postgres_ = std::make_unique<ScratchPostgres>();
  start();
}

ServerProcess::~ServerProcess() {
  if (running()) kill();
}

std::string ServerProcess::database_url() const {
  if (!options_.database_url.empty()) return options_.database_url;
  if (postgres_) return postgres_->url();
  return "sqlite://" + (data_dir() / "pocketshop.db").string();
}

std::string ServerProcess::log() const {
  std::ifstream in(scratch_.path() / kLogFile, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> ServerProcess::command_line() const {
  const char* binary = std::getenv("POCKETSHOP_TEST_BINARY");
  std::vector<std::string> args{binary && *binary ? binary : POCKETSHOP_BINARY,
                                "serve",
                                "--host",
                                "127.0.0.1",
                                "--port",
                                "0",
                                "--data-dir",
                                data_dir().string(),
                                "--password-strength",
                                "min",
                                "--log-level",
                                "info"};
  if (options_.backend == Backend::postgres || !options_.database_url.empty()) {
    args.push_back("--database-url");
    args.push_back(database_url());
  }
  args.insert(args.end(), options_.extra_args.begin(), options_.extra_args.end());
  return args;
}

void ServerProcess::start() {
  if (running()) throw std::logic_error("the server is already running");
  spawn();
  wait_until_listening();
  if (options_.wait_until_healthy) wait_until_healthy();
}

void ServerProcess::restart(bool wait_until_healthy) {
  options_.wait_until_healthy = wait_until_healthy;
  start();
}

void ServerProcess::spawn() {
  const auto args = command_line();
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);

  const auto log_path = scratch_.path() / kLogFile;
  const int log_fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0) throw std::runtime_error("cannot open " + log_path.string());
  log_offset_ = std::filesystem::file_size(log_path);
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid == 0) exec_child(argv, log_fd, parent);
  ::close(log_fd);
  if (pid < 0) throw std::runtime_error("fork failed");
  pid_ = pid;
}

// The server picks its own port (--port 0) and names it in its log.
void ServerProcess::wait_until_listening() {
  const std::regex listening(R"(listening on http://127\.0\.0\.1:(\d+))");
  const auto deadline = Clock::now() + kStartLimit;
  while (Clock::now() < deadline) {
    const std::string output = log().substr(log_offset_);
    std::smatch match;
    if (std::regex_search(output, match, listening)) {
      port_ = static_cast<std::uint16_t>(std::stoi(match[1]));
      return;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("pocketshop exited before listening:\n" + output);
    }
    std::this_thread::sleep_for(kPoll);
  }
  kill();
  throw std::runtime_error("pocketshop did not start listening:\n" + log().substr(log_offset_));
}

void ServerProcess::wait_until_healthy() {
  const auto deadline = Clock::now() + kStartLimit;
  while (Clock::now() < deadline) {
    try {
      if (client().get("/healthz").status == 200) return;
    } catch (const std::exception&) {
      // Not accepting yet.
    }
    std::this_thread::sleep_for(kPoll);
  }
  kill();
  throw std::runtime_error("pocketshop never answered /healthz:\n" + log().substr(log_offset_));
}

void ServerProcess::kill() {
  if (!running()) return;
  ::kill(pid_, SIGKILL);
  reap();
}

int ServerProcess::terminate() {
  if (!running()) throw std::logic_error("the server is not running");
  ::kill(pid_, SIGTERM);
  const auto deadline = Clock::now() + kStopLimit;
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

int ServerProcess::reap() {
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  return exit_code(status);
}

}  // namespace ps::testing
