#include "http/rate_limiter.h"

#include "core/errors.h"

#include <algorithm>

namespace ps::http {

namespace {
constexpr std::size_t kSweepThreshold = 10000;
}

RateLimiter::RateLimiter(int limit, std::chrono::seconds window)
    : interval_(std::chrono::duration_cast<Clock::duration>(window) / std::max(limit, 1)),
      window_(window) {}

std::optional<long> RateLimiter::hit(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (theoretical_arrival_.size() > kSweepThreshold) sweep(now);
  auto& tat = theoretical_arrival_[key];
  const auto start = std::max(tat, now);
  const auto next = start + interval_;
  const auto allowed_from = next - window_;
  if (now < allowed_from) {
    const auto wait = std::chrono::ceil<std::chrono::seconds>(allowed_from - now);
    return std::max<long>(1, static_cast<long>(wait.count()));
  }
  tat = next;
  return std::nullopt;
}

void RateLimiter::enforce(const std::string& key) {
  if (auto retry_after = hit(key)) throw ApiError::too_many_requests(*retry_after);
}

void RateLimiter::sweep(Clock::time_point now) {
  std::erase_if(theoretical_arrival_, [now](const auto& entry) { return entry.second <= now; });
}

}  // namespace ps::http
