#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace ps::http {

// Allows `limit` events per `window` for each key, with bursts up to `limit`
// (the generic cell rate algorithm: one timestamp per key). In memory, so each
// server instance counts on its own.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  RateLimiter(int limit, std::chrono::seconds window);

  // Records an event for `key`. Returns nothing when allowed, or the whole
  // seconds to wait before the next event would be allowed.
  std::optional<long> hit(const std::string& key, Clock::time_point now = Clock::now());
  // Records an event; throws ApiError 429 with Retry-After when over the limit.
  void enforce(const std::string& key);

 private:
  void sweep(Clock::time_point now);

  Clock::duration interval_;  // window / limit
  Clock::duration window_;
  std::mutex mutex_;
  std::unordered_map<std::string, Clock::time_point> theoretical_arrival_;
};

}  // namespace ps::http
