#include "core/random.h"

#include <gtest/gtest.h>

#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace ps {
namespace {

TEST(Random, UniqueIdsAreSixteenHexDigits) {
  const auto id = unique_id_hex();
  EXPECT_EQ(id.size(), 16u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
}

// Each thread seeds its own generator: no two threads, and no two calls,
// hand out the same id.
TEST(Random, UniqueIdsDifferAcrossCallsAndThreads) {
  constexpr int kThreads = 4, kIdsEach = 20000;
  std::mutex mutex;
  std::set<std::string> ids;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&] {
      std::vector<std::string> mine;
      for (int i = 0; i < kIdsEach; ++i) mine.push_back(unique_id_hex());
      std::lock_guard lock(mutex);
      ids.insert(mine.begin(), mine.end());
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kThreads * kIdsEach));
}

}  // namespace
}  // namespace ps
