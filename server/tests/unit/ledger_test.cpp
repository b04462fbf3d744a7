// The ledger's pure rules: the platform fee's rounding, what may be posted,
// and the entries of a sale and of its refund.
#include "ledger/model.h"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

namespace ps::ledger {
namespace {

long long sum(const LedgerTransaction& transaction) {
  long long total = 0;
  for (const auto& entry : transaction.entries) total += entry.amount;
  return total;
}

TEST(FeeFor, RoundsHalfUpInThePlatformsFavour) {
  EXPECT_EQ(fee_for(0, 1000), 0);
  EXPECT_EQ(fee_for(1, 1000), 0);   // 0.1
  EXPECT_EQ(fee_for(4, 1000), 0);   // 0.4
  EXPECT_EQ(fee_for(5, 1000), 1);   // 0.5: the half goes up
  EXPECT_EQ(fee_for(14, 1000), 1);  // 1.4
  EXPECT_EQ(fee_for(15, 1000), 2);  // 1.5
  EXPECT_EQ(fee_for(1, 5000), 1);   // 0.5
  EXPECT_EQ(fee_for(1, 4999), 0);   // 0.4999
  EXPECT_EQ(fee_for(2500, 1000), 250);
  EXPECT_EQ(fee_for(2999, 250), 75);  // 74.975
  EXPECT_EQ(fee_for(2939, 250), 73);  // 73.475
  EXPECT_EQ(fee_for(12345, 0), 0);
  EXPECT_EQ(fee_for(12345, 10000), 12345);
}

TEST(FeeFor, IsExactForTheLargestAmounts) {
  constexpr long long kMax = std::numeric_limits<long long>::max();  // 9223372036854775807
  EXPECT_EQ(fee_for(kMax, 10000), kMax);
  EXPECT_EQ(fee_for(kMax, 5000), 4611686018427387904);  // ...903.5, half up
  EXPECT_EQ(fee_for(kMax, 1000), 922337203685477581);   // ...580.7
  EXPECT_EQ(fee_for(kMax, 1), 922337203685478);         // ...477.58
  EXPECT_EQ(fee_for(kMax - 1, 5000), 4611686018427387903);
}

TEST(FeeFor, RefusesNegativeAmountsAndRatesOutOfRange) {
  EXPECT_THROW(fee_for(-1, 1000), std::invalid_argument);
  EXPECT_THROW(fee_for(100, -1), std::invalid_argument);
  EXPECT_THROW(fee_for(100, 10001), std::invalid_argument);
}

LedgerTransaction transaction(std::vector<Entry> entries) {
  return {.kind = "sale", .reference = "7", .currency = "EUR", .entries = std::move(entries)};
}

TEST(CheckPostable, AcceptsBalancedEntries) {
  EXPECT_NO_THROW(check_postable(transaction({{"a", 100}, {"b", -100}})));
  EXPECT_NO_THROW(check_postable(transaction({{"a", 100}, {"b", -10}, {"c", -90}})));
}

TEST(CheckPostable, RefusesWhatCannotBeALedgerTransaction) {
  EXPECT_THROW(check_postable(transaction({{"a", 100}, {"b", -99}})), std::logic_error);
  EXPECT_THROW(check_postable(transaction({{"a", 0}})), std::logic_error);
  EXPECT_THROW(check_postable(transaction({})), std::logic_error);
  EXPECT_THROW(check_postable(transaction({{"a", 100}, {"b", -100}, {"c", 0}})), std::logic_error);
  EXPECT_THROW(check_postable(transaction({{"", 100}, {"b", -100}})), std::logic_error);
  constexpr long long kMax = std::numeric_limits<long long>::max();
  EXPECT_THROW(check_postable(transaction({{"a", kMax}, {"b", kMax}, {"c", 2}})),
               std::logic_error);  // wraps around to zero without the overflow check
  auto no_currency = transaction({{"a", 1}, {"b", -1}});
  no_currency.currency.clear();
  EXPECT_THROW(check_postable(no_currency), std::logic_error);
  auto no_reference = transaction({{"a", 1}, {"b", -1}});
  no_reference.reference.clear();
  EXPECT_THROW(check_postable(no_reference), std::logic_error);
}

TEST(SaleOf, SplitsTheTotalBetweenThePlatformAndTheVendor) {
  const auto sale = sale_of(42, 3, 2900, "EUR", 290).value();
  EXPECT_EQ(sale.kind, kinds::kSale);
  EXPECT_EQ(sale.reference, "42");
  EXPECT_EQ(sale.currency, "EUR");
  ASSERT_EQ(sale.entries.size(), 3u);
  EXPECT_EQ(sale.entries[0].account, "gateway:clearing");
  EXPECT_EQ(sale.entries[0].amount, 2900);
  EXPECT_EQ(sale.entries[1].account, "platform:fees");
  EXPECT_EQ(sale.entries[1].amount, -290);
  EXPECT_EQ(sale.entries[2].account, "vendor:3:pending");
  EXPECT_EQ(sale.entries[2].amount, -2610);
  EXPECT_NO_THROW(check_postable(sale));
}

TEST(SaleOf, LeavesOutZeroLinesAndZeroTotals) {
  const auto no_fee = sale_of(1, 3, 500, "EUR", 0).value();
  ASSERT_EQ(no_fee.entries.size(), 2u);
  EXPECT_EQ(no_fee.entries[1].account, "vendor:3:pending");
  EXPECT_NO_THROW(check_postable(no_fee));

  const auto all_fee = sale_of(1, 3, 1, "EUR", 1).value();  // a fee of all of it
  ASSERT_EQ(all_fee.entries.size(), 2u);
  EXPECT_EQ(all_fee.entries[1].account, "platform:fees");
  EXPECT_NO_THROW(check_postable(all_fee));

  EXPECT_FALSE(sale_of(1, 3, 0, "EUR", 0));
}

TEST(FeeOf, AddsTheFixedFeeAndNeverExceedsTheTotal) {
  EXPECT_EQ(fee_of(2500, {.bps = 1000, .fixed_cents = 30}), 280);
  EXPECT_EQ(fee_of(399, {.bps = 1000, .fixed_cents = 0}), 40);  // 39.9 rounds up
  EXPECT_EQ(fee_of(20, {.bps = 1000, .fixed_cents = 30}), 20);  // capped at the total
  EXPECT_EQ(fee_of(0, {.bps = 1000, .fixed_cents = 30}), 0);
  const long long largest = std::numeric_limits<long long>::max();
  EXPECT_EQ(fee_of(largest, {.bps = 10000, .fixed_cents = largest}), largest);  // no overflow
  EXPECT_THROW(fee_of(100, {.bps = 1000, .fixed_cents = -1}), std::invalid_argument);
}

TEST(FeeReversedThrough, GivesBackTheFeeInProportionAndAllOfItAtTheEnd) {
  // A fee of 283 on 2530, refunded in three odd parts.
  long long reversed = 0, refunded = 0;
  for (const long long part : {777LL, 1001LL, 752LL}) {
    refunded += part;
    const long long through = fee_reversed_through(283, 2530, refunded);
    EXPECT_GE(through, reversed);
    EXPECT_LE(through, 283);
    reversed = through;
  }
  EXPECT_EQ(reversed, 283);
  EXPECT_EQ(fee_reversed_through(283, 2530, 777), 86);  // 86.9 rounds down
  EXPECT_EQ(fee_reversed_through(0, 0, 0), 0);
  const long long largest = std::numeric_limits<long long>::max();
  EXPECT_EQ(fee_reversed_through(largest, largest, largest), largest);  // no overflow
  EXPECT_THROW(fee_reversed_through(10, 100, 101), std::invalid_argument);
  EXPECT_THROW(fee_reversed_through(101, 100, 1), std::invalid_argument);
}

TEST(RefundOf, TakesTheAmountFromTheVendorAndTheFeeFromThePlatform) {
  const auto refund = refund_of(refund_reference(42, 7), "vendor:3:pending", "EUR", 1000, 100);
  EXPECT_EQ(refund.kind, kinds::kRefund);
  EXPECT_EQ(refund.reference, "42/7");
  ASSERT_EQ(refund.entries.size(), 3u);
  EXPECT_EQ(refund.entries[0].account, "gateway:clearing");
  EXPECT_EQ(refund.entries[0].amount, -1000);
  EXPECT_EQ(refund.entries[1].account, "platform:fees");
  EXPECT_EQ(refund.entries[1].amount, 100);
  EXPECT_EQ(refund.entries[2].account, "vendor:3:pending");
  EXPECT_EQ(refund.entries[2].amount, 900);
  EXPECT_EQ(sum(refund), 0);
  EXPECT_NO_THROW(check_postable(refund));
  EXPECT_EQ(refund_of("1/2", "vendor:3:balance", "EUR", 5, 0).entries.size(), 2u);
}

TEST(ReleaseOf, MovesWhatIsLeftOfAHoldFromPendingToTheBalance) {
  const auto release =
      release_of({.reference = "42", .shop_id = 3, .currency = "EUR", .amount = 900});
  ASSERT_TRUE(release);
  EXPECT_EQ(release->kind, kinds::kRelease);
  EXPECT_EQ(release->reference, "42");
  ASSERT_EQ(release->entries.size(), 2u);
  EXPECT_EQ(release->entries[0].account, "vendor:3:pending");
  EXPECT_EQ(release->entries[0].amount, 900);
  EXPECT_EQ(release->entries[1].account, "vendor:3:balance");
  EXPECT_EQ(release->entries[1].amount, -900);
  EXPECT_NO_THROW(check_postable(*release));
  EXPECT_FALSE(release_of({.reference = "43", .shop_id = 3, .currency = "EUR", .amount = 0}));
}

}  // namespace
}  // namespace ps::ledger
