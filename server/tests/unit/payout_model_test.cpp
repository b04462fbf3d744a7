#include "payouts/model.h"

#include <gtest/gtest.h>

namespace ps::payouts {
namespace {

using S = PayoutStatus;

// 2026-12-05 12:00 UTC, a Saturday.
constexpr Millis kSaturdayNoon = 1'796'472'000'000;

TEST(PayoutModel, NamesRoundTrip) {
  for (const auto status : {S::pending, S::in_transit, S::paid, S::failed})
    EXPECT_EQ(parse_payout_status(to_string(status)), status) << to_string(status);
  for (const auto schedule :
       {PayoutSchedule::manual, PayoutSchedule::daily, PayoutSchedule::weekly})
    EXPECT_EQ(parse_schedule(to_string(schedule)), schedule) << to_string(schedule);
  EXPECT_FALSE(parse_schedule("hourly"));
  EXPECT_FALSE(parse_schedule("Daily"));
  EXPECT_FALSE(parse_payout_status(""));
}

TEST(PayoutModel, StatusesMoveForwardOnly) {
  EXPECT_TRUE(allowed(S::pending, S::in_transit));
  EXPECT_TRUE(allowed(S::pending, S::paid));  // the event overtook the job
  EXPECT_TRUE(allowed(S::pending, S::failed));
  EXPECT_TRUE(allowed(S::in_transit, S::paid));
  EXPECT_TRUE(allowed(S::in_transit, S::failed));
  EXPECT_FALSE(allowed(S::in_transit, S::pending));
  EXPECT_FALSE(allowed(S::paid, S::failed));
  EXPECT_FALSE(allowed(S::failed, S::paid));
  EXPECT_FALSE(allowed(S::paid, S::paid));
}

TEST(PayoutModel, PeriodsAreUtcDaysAndWeeksFromMonday) {
  EXPECT_EQ(period_key(PayoutSchedule::daily, kSaturdayNoon), "daily:2026-12-05");
  EXPECT_EQ(period_key(PayoutSchedule::daily, kSaturdayNoon + kDayMillis / 2 - 1),
            "daily:2026-12-05");
  EXPECT_EQ(period_key(PayoutSchedule::daily, kSaturdayNoon + kDayMillis / 2), "daily:2026-12-06");
  EXPECT_EQ(period_key(PayoutSchedule::weekly, kSaturdayNoon), "weekly:2026-11-30");
  EXPECT_EQ(period_key(PayoutSchedule::weekly, kSaturdayNoon + kDayMillis), "weekly:2026-11-30");
  EXPECT_EQ(period_key(PayoutSchedule::weekly, kSaturdayNoon + 2 * kDayMillis),
            "weekly:2026-12-07");
  EXPECT_EQ(period_key(PayoutSchedule::weekly, kSaturdayNoon - 5 * kDayMillis),
            "weekly:2026-11-30");
  EXPECT_EQ(period_key(PayoutSchedule::weekly, kSaturdayNoon - 6 * kDayMillis),
            "weekly:2026-11-23");
}

TEST(PayoutModel, FailureCodesReadAsReasons) {
  EXPECT_EQ(failure_reason("account_closed"), "the bank account has been closed");
  EXPECT_EQ(failure_reason("invalid_account_number"), "the account number is not valid");
  EXPECT_EQ(failure_reason("transfer_resource_missing"),
            "the payment gateway refused the transfer to your payout account");
  EXPECT_EQ(failure_reason("something_new"), "the bank or the payment gateway refused it");
}

}  // namespace
}  // namespace ps::payouts
