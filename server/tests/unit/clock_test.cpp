#include "core/clock.h"

#include <gtest/gtest.h>

#include <limits>

namespace ps {
namespace {

TEST(Clock, Rfc3339IsUtcToTheSecond) {
  EXPECT_EQ(to_rfc3339(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(to_rfc3339(1764309201999), "2025-11-28T05:53:21Z");  // milliseconds dropped
  EXPECT_EQ(to_rfc3339(951868799999), "2000-02-29T23:59:59Z");   // leap day, last second
  EXPECT_EQ(to_rfc3339(-1000), "1969-12-31T23:59:59Z");          // before the epoch
  EXPECT_EQ(rfc3339(1764309201999).view(), "2025-11-28T05:53:21Z");
  EXPECT_EQ(to_rfc3339(253402300799000), "9999-12-31T23:59:59Z");   // last four-digit year
  EXPECT_EQ(to_rfc3339(253402300800000), "10000-01-01T00:00:00Z");  // beyond: all its digits
}

// Stored timestamps come from the database: even the largest formats within
// the buffer (chrono's year wraps within six characters).
TEST(Clock, Rfc3339FitsItsBufferForExtremeTimes) {
  for (Millis millis : {std::numeric_limits<Millis>::max(), Millis{-62135596800000}}) {
    const auto formatted = rfc3339(millis);
    EXPECT_LT(formatted.size, sizeof formatted.text) << millis;
    EXPECT_EQ(formatted.view().back(), 'Z') << millis;
  }
  EXPECT_EQ(to_rfc3339(-62135596800000), "0001-01-01T00:00:00Z");
}

}  // namespace
}  // namespace ps
