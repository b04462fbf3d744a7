#pragma once

#include "support/child_process.h"
#include "support/http_client.h"
#include "support/test_server.h"

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace ps::testing {

// The real `pocketshop gateway` binary in a child process, on a scratch data
// folder that outlives restarts, posting webhooks to `webhook_url`. Its
// output goes to gateway.log. Start, kill and restart it from the test's main
// thread: the child dies with the thread that forked it.
class GatewayProcess {
 public:
  static constexpr const char* kSecretKey = "sk_test_gateway_tests_0123456789";
  static constexpr const char* kPublishableKey = "pk_test_gateway_tests_0123456789";
  static constexpr const char* kWebhookSecret = "whsec_gateway_tests_0123456789";

  explicit GatewayProcess(std::string webhook_url);
  ~GatewayProcess();
  GatewayProcess(const GatewayProcess&) = delete;
  GatewayProcess& operator=(const GatewayProcess&) = delete;

  // Starts the binary and waits until it listens (it names its port).
  void start();
  void kill();      // SIGKILL: exactly like a crash
  int terminate();  // SIGTERM; the exit code (-1 when signalled)

  bool running() const { return process_.running(); }
  std::uint16_t port() const { return port_; }
  const std::filesystem::path& data_dir() const { return data_dir_; }
  std::string log() const { return process_.log(); }

  // A form-encoded POST with the secret key (or `key`) and extra headers.
  HttpResult post(const std::string& path, const std::string& form, const Headers& headers = {},
                  const std::string& key = kSecretKey) const;
  HttpResult get(const std::string& path, const Headers& headers = {},
                 const std::string& key = kSecretKey) const;
  HttpClient client() const { return HttpClient(port_); }

 private:
  TempDir scratch_;
  std::filesystem::path data_dir_;
  std::string webhook_url_;
  ChildProcess process_;
  std::uint16_t port_ = 0;
};

// key=value pairs percent-encoded as application/x-www-form-urlencoded.
std::string form_encode(std::initializer_list<std::pair<std::string, std::string>> pairs);

}  // namespace ps::testing
