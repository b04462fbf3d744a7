#include "support/gateway_process.h"

#include <chrono>

namespace ps::testing {

GatewayProcess::GatewayProcess(std::string webhook_url)
    : data_dir_(scratch_.path() / "gateway-data"),
      webhook_url_(std::move(webhook_url)),
      process_(scratch_.path() / "gateway.log") {
  start();
}

GatewayProcess::~GatewayProcess() = default;

void GatewayProcess::start() {
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
  port_ = process_.start(args, "the gateway");
}

void GatewayProcess::kill() { process_.kill(); }

int GatewayProcess::terminate() { return process_.terminate(std::chrono::seconds(30)); }

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
