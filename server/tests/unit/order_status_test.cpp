#include "orders/model.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

namespace ps::orders {
namespace {

using S = OrderStatus;

TEST(OrderStatus, NamesRoundTrip) {
  for (const auto status : all_order_statuses())
    EXPECT_EQ(parse_order_status(to_string(status)), status) << to_string(status);
  EXPECT_EQ(all_order_statuses().size(), 6u);
  EXPECT_FALSE(parse_order_status("Paid"));
  EXPECT_FALSE(parse_order_status(""));
  for (const auto status : {PaymentStatus::authorized, PaymentStatus::captured,
                            PaymentStatus::voided, PaymentStatus::refunded})
    EXPECT_EQ(parse_payment_status(to_string(status)), status);
  EXPECT_FALSE(parse_payment_status("settled"));
}

// The whole table, both ways: exactly these moves are allowed.
TEST(OrderStatus, OnlyTheLifecycleMovesAreAllowed) {
  const std::set<std::pair<S, S>> expected{
      {S::paid, S::processing},   {S::paid, S::shipped},       {S::processing, S::shipped},
      {S::shipped, S::delivered}, {S::paid, S::cancelled},     {S::processing, S::cancelled},
      {S::shipped, S::refunded},  {S::delivered, S::refunded},
  };
  for (const auto from : all_order_statuses())
    for (const auto to : all_order_statuses())
      EXPECT_EQ(allowed(from, to), expected.contains({from, to}))
          << to_string(from) << " -> " << to_string(to);
}

TEST(OrderStatus, OnlyOrdersNotYetShippedCanBeCancelled) {
  std::set<S> can_cancel;
  for (const auto status : all_order_statuses())
    if (cancellable(status)) can_cancel.insert(status);
  EXPECT_EQ(can_cancel, (std::set<S>{S::paid, S::processing}));
}

}  // namespace
}  // namespace ps::orders
