#include "core/clock.h"

#include <gtest/gtest.h>

namespace ps {
namespace {

TEST(Clock, Rfc3339IsUtcToTheSecond) {
  EXPECT_EQ(to_rfc3339(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(to_rfc3339(1764309201999), "2025-11-28T05:53:21Z");  // milliseconds dropped
  EXPECT_EQ(to_rfc3339(951868799999), "2000-02-29T23:59:59Z");   // leap day, last second
  EXPECT_EQ(to_rfc3339(-1000), "1969-12-31T23:59:59Z");          // before the epoch
}

}  // namespace
}  // namespace ps
