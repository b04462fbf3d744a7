// The pure rules of webhook events: the Stripe-Signature check, reading an
// event, the snapshot and dispute it carries, and the exact proportional split.
#include "payments/events.h"
#include "payments/webhook_signature.h"
#include "support/stripe_signature.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <climits>
#include <numeric>

namespace ps::payments {
namespace {

TEST(WebhookSignature, ChecksTheMacAndTheTime) {
  const std::string secret = "whsec_unit", body = R"({"id":"evt_1"})";
  const std::int64_t now = 1'700'000'000;
  const auto mac = testing::hmac_sha256_hex(secret, std::to_string(now) + "." + body);
  const auto header = "t=" + std::to_string(now) + ",v1=" + mac;
  EXPECT_EQ(check_signature(header, body, secret, now), SignatureCheck::valid);
  EXPECT_EQ(check_signature(header, body, secret, now + 300), SignatureCheck::valid);
  EXPECT_EQ(check_signature(header, body, secret, now + 301), SignatureCheck::stale);
  EXPECT_EQ(check_signature(header, body, secret, now - 301), SignatureCheck::stale);
  EXPECT_EQ(check_signature(header, body + "x", secret, now), SignatureCheck::mismatch);
  EXPECT_EQ(check_signature(header, body, "whsec_other", now), SignatureCheck::mismatch);
  EXPECT_EQ(check_signature("t=" + std::to_string(now) + ", v1=" + mac, body, secret, now),
            SignatureCheck::valid);  // a space after the comma
  EXPECT_EQ(check_signature("v1=" + mac, body, secret, now), SignatureCheck::malformed);
  EXPECT_EQ(check_signature("t=" + std::to_string(now), body, secret, now),
            SignatureCheck::malformed);
  EXPECT_EQ(check_signature("t=-9223372036854775808,v1=" + mac, body, secret, now),
            SignatureCheck::mismatch);
  EXPECT_EQ(check_signature("t=99999999999999999999,v1=" + mac, body, secret, now),
            SignatureCheck::malformed);
  std::string upper = mac;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(check_signature("t=" + std::to_string(now) + ",v1=" + upper, body, secret, now),
            SignatureCheck::valid);  // hex is hex
  // An authentic but ancient signature is stale, never "valid".
  const auto old = "t=1,v1=" + testing::hmac_sha256_hex(secret, "1." + body);
  EXPECT_EQ(check_signature(old, body, secret, now), SignatureCheck::stale);
}

TEST(PaymentEvents, ReadsEventsAndTheirFamilies) {
  const auto event = parse_event(
      R"({"id":"evt_1","type":"charge.refunded","created":1700000000,"account":"acct_1",)"
      R"("data":{"object":{"id":"ch_1","payment_intent":"pi_1","amount_captured":500,)"
      R"("amount_refunded":200}}})");
  ASSERT_TRUE(event.has_value());
  EXPECT_EQ(event->account, "acct_1");
  EXPECT_EQ(family_of(event->type), EventFamily::charge);
  const auto snapshot = snapshot_of(*event);
  ASSERT_TRUE(snapshot.has_value());
  EXPECT_EQ(snapshot->payment_intent, "pi_1");
  EXPECT_EQ(snapshot->amount_received, 500);
  EXPECT_EQ(snapshot->amount_refunded, 200);
  EXPECT_FALSE(snapshot->status.has_value());
  EXPECT_EQ(snapshot->event_created, 1'700'000'000'000);

  EXPECT_EQ(family_of("charge.dispute.created"), EventFamily::dispute_created);
  EXPECT_EQ(family_of("charge.dispute.closed"), EventFamily::dispute_closed);
  EXPECT_EQ(family_of("charge.dispute.funds_reinstated"), EventFamily::dispute_closed);
  EXPECT_EQ(family_of("charge.dispute.updated"), EventFamily::other);
  EXPECT_EQ(family_of("payment_intent.canceled"), EventFamily::payment_intent);
  EXPECT_EQ(family_of("payout.failed"), EventFamily::payout);
  EXPECT_EQ(family_of("account.updated"), EventFamily::other);
  EXPECT_FALSE(parse_event(R"({"id":"evt_1","type":"x","created":-1,"data":{"object":{}}})"));
  EXPECT_FALSE(parse_event(R"({"id":"","type":"x","created":1,"data":{"object":{}}})"));
  EXPECT_FALSE(
      parse_event(R"({"id":"e","type":"x","created":1,"account":5,"data":{"object":{}}})"));
}

TEST(PaymentEvents, ReadsADisputeAndItsOutcome) {
  const auto closed =
      parse_event(R"({"id":"evt_1","type":"charge.dispute.closed","created":1,"data":{"object":)"
                  R"({"id":"du_1","object":"dispute","amount":700,"currency":"usd",)"
                  R"("payment_intent":"pi_1","status":"won"}}})");
  ASSERT_TRUE(closed.has_value());
  const auto dispute = dispute_of(*closed);
  ASSERT_TRUE(dispute.has_value());
  EXPECT_EQ(dispute->id, "du_1");
  EXPECT_EQ(dispute->payment_intent, "pi_1");
  EXPECT_EQ(dispute->amount, 700);
  EXPECT_EQ(dispute->status, "won");
  // Not a dispute event, or one without its payment: nothing to apply.
  auto other = *closed;
  other.type = "charge.refunded";
  EXPECT_FALSE(dispute_of(other));
  auto without_intent = *closed;
  without_intent.object.erase("payment_intent");
  EXPECT_FALSE(dispute_of(without_intent));
}

TEST(PaymentEvents, SplitsExactlyWithTheRemainderToTheLargest) {
  EXPECT_EQ(split_in_proportion(1001, {2500, 400}), (std::vector<long long>{863, 138}));
  EXPECT_EQ(split_in_proportion(10, {1, 1, 1}), (std::vector<long long>{4, 3, 3}));
  EXPECT_EQ(split_in_proportion(10, {1, 3, 3}), (std::vector<long long>{1, 5, 4}));
  EXPECT_EQ(split_in_proportion(7, {0, 0}), (std::vector<long long>{7, 0}));
  EXPECT_EQ(split_in_proportion(7, {0, 5}), (std::vector<long long>{0, 7}));
  EXPECT_TRUE(split_in_proportion(7, {}).empty());
  // No product overflows: near the largest amounts and weights.
  const auto shares = split_in_proportion(LLONG_MAX, {LLONG_MAX, LLONG_MAX / 3});
  EXPECT_EQ(std::accumulate(shares.begin(), shares.end(), static_cast<__int128>(0)),
            static_cast<__int128>(LLONG_MAX));
  EXPECT_THROW(split_in_proportion(1, {-1, 2}), std::invalid_argument);
}

}  // namespace
}  // namespace ps::payments
