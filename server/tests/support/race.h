#pragma once

// Identical requests sent at once, as a double-clicking person or a retrying
// client would: every write path a person can double-submit is raced.

#include "support/http_client.h"

#include <functional>
#include <future>
#include <latch>
#include <map>
#include <string>
#include <vector>

namespace ps::testing {

inline constexpr int kRacers = 8;

// Sends kRacers requests at once and counts the answers by "status type"
// (the type only for problems).
inline std::map<std::string, int> race(const std::function<HttpResult(int)>& request) {
  std::latch start(kRacers);
  std::vector<std::future<HttpResult>> answers;
  for (int n = 0; n < kRacers; ++n)
    answers.push_back(std::async(std::launch::async, [&start, &request, n] {
      start.arrive_and_wait();
      return request(n);
    }));
  std::map<std::string, int> seen;
  for (auto& answer : answers) {
    const auto result = answer.get();
    std::string type;
    if (result.header("content-type") == "application/problem+json")
      type = " " + std::string(result.json().at("type").as_string());
    ++seen[std::to_string(result.status) + type];
  }
  return seen;
}

}  // namespace ps::testing
