// The job queue's pure rules: backoff, statuses and how errors are kept.
#include "jobs/model.h"

#include <gtest/gtest.h>

namespace ps::jobs {
namespace {

TEST(Jobs, BackoffDoublesUpToTheLimit) {
  EXPECT_EQ(retry_delay(1, 1000, 60'000), 1000);
  EXPECT_EQ(retry_delay(2, 1000, 60'000), 2000);
  EXPECT_EQ(retry_delay(5, 1000, 60'000), 16'000);
  EXPECT_EQ(retry_delay(7, 1000, 60'000), 60'000);
  EXPECT_EQ(retry_delay(1'000'000, 1000, 60'000), 60'000);  // no overflow
}

TEST(Jobs, StatusesReadBack) {
  for (const auto status :
       {JobStatus::queued, JobStatus::running, JobStatus::done, JobStatus::dead})
    EXPECT_EQ(parse_job_status(to_string(status)), status);
  EXPECT_FALSE(parse_job_status("finished"));
}

TEST(Jobs, ErrorsAreKeptShortAndEscaped) {
  EXPECT_EQ(short_error("plain"), "plain");
  EXPECT_EQ(short_error("a\nb\x1b[0m\\"), "a\\u{a}b\\u{1b}[0m\\\\");
  EXPECT_EQ(short_error("bad \xff byte"), "bad \\xff byte");
  EXPECT_EQ(short_error("\u202eevil"), "\\u{202e}evil");
  EXPECT_EQ(short_error(std::string(1000, 'x')).size(), 500u);
  EXPECT_EQ(short_error("\u00e9\u00e9\u00e9", 5), "\u00e9\u00e9");  // never half a character
}

}  // namespace
}  // namespace ps::jobs
