#include "payments/mock_provider.h"

#include <gtest/gtest.h>

namespace ps::payments {
namespace {

CardDetails card(std::string number) { return {std::move(number), 12, 2099, "123"}; }

TEST(MockPayments, TestCardsBehaveLikeAGateway) {
  MockPaymentProvider gateway;
  const auto approved = gateway.authorize(1000, "USD", card("4242424242424242"), "");
  EXPECT_TRUE(approved.approved);
  EXPECT_EQ(approved.card_last4, "4242");
  EXPECT_EQ(gateway.authorize(1000, "USD", card("4000000000000002"), "").decline_code,
            "card_declined");
  EXPECT_EQ(gateway.authorize(1000, "USD", card("4000000000009995"), "").decline_code,
            "insufficient_funds");
  EXPECT_EQ(gateway.authorize(1000, "USD", {"4242424242424242", 1, 2001, "123"}, "").decline_code,
            "expired_card");
  EXPECT_EQ(gateway.authorize(1000, "USD", {"4242424242424242", 1, 2099, "12"}, "").decline_code,
            "incorrect_cvc");
}

TEST(MockPayments, AnIdempotencyKeyAuthorizesOnce) {
  MockPaymentProvider gateway;
  const auto first = gateway.authorize(1000, "USD", card("4242424242424242"), "k");
  const auto second = gateway.authorize(1000, "USD", card("4242424242424242"), "k");
  EXPECT_EQ(first.authorization_id, second.authorization_id);
}

// As a real gateway does, and why checkout never reuses a key for a new attempt.
TEST(MockPayments, AKeyRepeatsItsAnswerEvenAfterARelease) {
  MockPaymentProvider gateway;
  const auto first = gateway.authorize(1000, "USD", card("4242424242424242"), "k");
  gateway.release(first.authorization_id, 1000);
  const auto again = gateway.authorize(1000, "USD", card("4242424242424242"), "k");
  EXPECT_EQ(again.authorization_id, first.authorization_id);
  EXPECT_THROW(gateway.capture(again.authorization_id, 1000), PaymentError);
  const auto fresh = gateway.authorize(1000, "USD", card("4242424242424242"), "k2");
  EXPECT_NO_THROW(gateway.capture(fresh.authorization_id, 1000));
}

TEST(MockPayments, LedgerRefusesWhatAGatewayWould) {
  MockPaymentProvider gateway;
  const auto id = gateway.authorize(1000, "USD", card("4242424242424242"), "").authorization_id;
  gateway.capture(id, 600);
  gateway.release(id, 400);
  EXPECT_THROW(gateway.capture(id, 1), PaymentError);  // nothing left to capture
  gateway.refund(id, 600);
  EXPECT_THROW(gateway.refund(id, 1), PaymentError);
  EXPECT_THROW(gateway.capture("no-such-authorization", 1), PaymentError);
  const auto ledger = gateway.ledger(id);
  EXPECT_EQ(ledger.captured, 600);
  EXPECT_EQ(ledger.released, 400);
  EXPECT_EQ(ledger.refunded, 600);
}

}  // namespace
}  // namespace ps::payments
