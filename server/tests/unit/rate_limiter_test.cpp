#include "http/rate_limiter.h"

#include <gtest/gtest.h>

namespace ps::http {
namespace {

using namespace std::chrono_literals;

TEST(RateLimiter, AllowsTheLimitThenAsksToWait) {
  RateLimiter limiter(3, 60s);
  const Millis t0 = now_millis();
  EXPECT_FALSE(limiter.hit("a", t0));
  EXPECT_FALSE(limiter.hit("a", t0));
  EXPECT_FALSE(limiter.hit("a", t0));
  const auto wait = limiter.hit("a", t0);
  ASSERT_TRUE(wait);
  EXPECT_EQ(*wait, 20);  // one slot frees every 60s / 3
}

TEST(RateLimiter, KeysAreIndependent) {
  RateLimiter limiter(1, 60s);
  const Millis t0 = now_millis();
  EXPECT_FALSE(limiter.hit("a", t0));
  EXPECT_TRUE(limiter.hit("a", t0));
  EXPECT_FALSE(limiter.hit("b", t0));
}

TEST(RateLimiter, RecoversAsTimePasses) {
  RateLimiter limiter(2, 10s);
  const Millis t0 = now_millis();
  EXPECT_FALSE(limiter.hit("a", t0));
  EXPECT_FALSE(limiter.hit("a", t0));
  EXPECT_TRUE(limiter.hit("a", t0 + 1000));
  EXPECT_FALSE(limiter.hit("a", t0 + 5000));
  EXPECT_TRUE(limiter.hit("a", t0 + 5000));
  EXPECT_FALSE(limiter.hit("a", t0 + 20000));
  EXPECT_FALSE(limiter.hit("a", t0 + 20000));
}

TEST(RateLimiter, RefusedAttemptsDoNotExtendTheWait) {
  RateLimiter limiter(1, 10s);
  const Millis t0 = now_millis();
  EXPECT_FALSE(limiter.hit("a", t0));
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(limiter.hit("a", t0 + 1000));
  EXPECT_FALSE(limiter.hit("a", t0 + 10000));
}

}  // namespace
}  // namespace ps::http
