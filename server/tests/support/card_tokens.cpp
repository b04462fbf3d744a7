#include "support/card_tokens.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace ps::testing {

GatewayProcess& test_gateway() {
  static const std::unique_ptr<GatewayProcess> gateway = std::make_unique<GatewayProcess>("");
  return *gateway;
}

std::string test_gateway_url() {
  return "http://127.0.0.1:" + std::to_string(test_gateway().port());
}

std::string card_token(const std::string& number, const std::string& cvc, int exp_month,
                       int exp_year) {
  const auto answer =
      test_gateway().post("/v1/tokens",
                          form_encode({{"card[number]", number},
                                       {"card[exp_month]", std::to_string(exp_month)},
                                       {"card[exp_year]", std::to_string(exp_year)},
                                       {"card[cvc]", cvc}}),
                          {}, GatewayProcess::kPublishableKey);
  if (answer.status != 200)
    throw std::runtime_error("the gateway refused to tokenize the card: " + answer.body);
  return std::string(answer.json().at("id").as_string());
}

std::string approved_token_for_key(const std::string& idempotency_key) {
  if (idempotency_key.empty()) return card_token("4242424242424242");
  static std::mutex mutex;
  static std::map<std::string, std::string> tokens;
  // Per test: each has its own server, and a token is spent on one of them.
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string scope = test ? std::string(test->test_suite_name()) + "." + test->name() : "";
  std::lock_guard lock(mutex);
  auto [it, added] = tokens.try_emplace(scope + "\n" + idempotency_key);
  if (added) it->second = card_token("4242424242424242");
  return it->second;
}

}  // namespace ps::testing
