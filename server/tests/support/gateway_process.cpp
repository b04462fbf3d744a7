#include "support/gateway_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <regex>
#include <stdexcept>
#include <thread>

namespace ps::testing {

namespace {
using Clock = std::chrono::steady_clock;
constexpr auto kStartLimit = std::chrono::seconds(30);
constexpr auto kPoll = std::chrono::milliseconds(20);
constexpr const char* kLogFile = "gateway.log";

[[noreturn]] void exec_child(const std::vector<char*>& argv, int log_fd, pid_t parent) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(126);
  dup2(log_fd, STDOUT_FILENO);
  dup2(log_fd, STDERR_FILENO);
  close_range(3, ~0U, 0);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  execv(argv[0], argv.data());
  _exit(127);
}
}  // namespace

GatewayProcess::GatewayProcess(std::string webhook_url)
    : data_dir_(scratch_.path() / "gateway-data"), webhook_url_(std::move(webhook_url)) {
  start();
}

GatewayProcess::~GatewayProcess() {
  if (running()) kill();
}

std::string GatewayProcess::log() const {
  std::ifstream in(scratch_.path() / kLogFile, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void GatewayProcess::start() {
  if (running()) throw std::logic_error("the gateway is already running");
  const std::vector<std::string> args{POCKETSHOP_BINARY,
                                      "gateway",
                                      "--port",
                                      "0",
                                      "--data-dir",
                                      data_dir_.string(),
                                      "--secret-key",
                                      kSecretKey,
                                      "--publishable-key",
                                      kPublishableKey,
                                      "--webhook-url",
                                      webhook_url_,
                                      "--webhook-secret",
                                      kWebhookSecret,
                                      "--webhook-retry-max",
                                      "1"};
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
      throw std::runtime_error("the gateway exited before listening:\n" + output);
    }
    std::this_thread::sleep_for(kPoll);
  }
  kill();
  throw std::runtime_error("the gateway did not start listening:\n" + log().substr(log_offset_));
}

void GatewayProcess::kill() {
  if (!running()) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
}

int GatewayProcess::terminate() {
  if (!running()) throw std::logic_error("the gateway is not running");
  ::kill(pid_, SIGTERM);
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

HttpResult GatewayProcess::post(const std::string& path, const std::string& form,
                                const Headers& headers, const std::string& key) const {
  Headers all{{"Content-Type", "application/x-www-form-urlencoded"}};
  if (!key.empty()) all.emplace_back("Authorization", "Bearer " + key);
  all.insert(all.end(), headers.begin(), headers.end());
  return client().request(boost::beast::http::verb::post, path, form, all);
}

HttpResult GatewayProcess::get(const std::string& path, const Headers& headers,
                               const std::string& key) const {
  Headers all;
  if (!key.empty()) all.emplace_back("Authorization", "Bearer " + key);
  all.insert(all.end(), headers.begin(), headers.end());
  return client().request(boost::beast::http::verb::get, path, {}, all);
}

std::string form_encode(std::initializer_list<std::pair<std::string, std::string>> pairs) {
  static const char* hex = "0123456789ABCDEF";
  auto encode = [](const std::string& text) {
    std::string out;
    for (const unsigned char c : text) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
        out += static_cast<char>(c);
      } else if (c == ' ') {
        out += '+';
      } else {
        out += '%';
        out += hex[c >> 4];
        out += hex[c & 15];
      }
    }
    return out;
  };
  std::string body;
  for (const auto& [key, value] : pairs) {
    if (!body.empty()) body += '&';
    body += encode(key) + '=' + encode(value);
  }
  return body;
}

}  // namespace ps::testing
