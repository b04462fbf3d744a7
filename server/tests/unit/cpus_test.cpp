#include "core/cpus.h"

#include <gtest/gtest.h>

#include <sched.h>

namespace ps {
namespace {

TEST(Cpus, AQuotaIsWholeCpusRoundedUp) {
  EXPECT_EQ(cpus_of_quota("200000 100000\n"), 2u);  // docker --cpus 2
  EXPECT_EQ(cpus_of_quota("150000 100000"), 2u);    // CPUQuota=150%
  EXPECT_EQ(cpus_of_quota("50000 100000"), 1u);     // half a CPU: at least one
  EXPECT_EQ(cpus_of_quota("1600000 100000"), 16u);
}

TEST(Cpus, NoQuotaOrAnUnreadableOneLimitsNothing) {
  EXPECT_EQ(cpus_of_quota("max 100000"), std::nullopt);
  EXPECT_EQ(cpus_of_quota(""), std::nullopt);  // no cpu.max (cgroup v1, the root)
  EXPECT_EQ(cpus_of_quota("200000"), std::nullopt);
  EXPECT_EQ(cpus_of_quota("200000 0"), std::nullopt);
  EXPECT_EQ(cpus_of_quota("-1 100000"), std::nullopt);
  EXPECT_EQ(cpus_of_quota("2e5 100000"), std::nullopt);
}

TEST(Cpus, UsableCpusAreAtMostTheAffinityMask) {
  cpu_set_t mask;
  CPU_ZERO(&mask);
  ASSERT_EQ(sched_getaffinity(0, sizeof mask, &mask), 0);
  const auto usable = usable_cpus();
  EXPECT_GE(usable, 1u);
  EXPECT_LE(usable, static_cast<unsigned>(CPU_COUNT(&mask)));
}

}  // namespace
}  // namespace ps
