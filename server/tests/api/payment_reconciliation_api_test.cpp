// Reconciliation: our payments against the gateway's authorizations, with the
// real `pocketshop gateway` process. What it repairs (holds nobody will
// capture) and what it only reports (amounts that differ).
#include "api/checkout_test.h"
#include "core/random.h"

#include <gmock/gmock.h>

namespace ps::testing {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

class PaymentReconciliationApi : public CheckoutTest {
 protected:
  static constexpr Millis kWindow = 3600 * 1000;

  // As checkout does it: the gateway authorizes, then our commit fails, so
  // no payment of ours names the authorization.
  // (The gateway serves every test of this process: references are unique.)
  std::string authorize_without_recording(const std::string& prefix) {
    const auto reference = prefix + random_hex(8);
    const auto auth =
        gateway().authorize(2500, "USD", card_token(kApproves), reference, reference + "-attempt");
    EXPECT_TRUE(auth.approved);
    return auth.authorization_id;
  }

  payments::ReconciliationReport reconcile(Millis grace = 0) {
    return server().app().reconciler().run(now_millis() + 2000, kWindow, grace);
  }

  void set_payment(const std::string& assignment) {
    server().app().database().with_session(
        [&](db::Connection& sql) { sql.session() << "UPDATE payments SET " + assignment; });
  }
};
POCKETSHOP_API_TEST(PaymentReconciliationApi);

// The known gap: the gateway said yes, our commit failed. The hold is found
// by its reference and released, once; a recorded payment is left alone.
TEST_P(PaymentReconciliationApi, AnAuthorizationOurDatabaseNeverRecordedIsReleased) {
  fill_cart(buyer, mug, 1);
  const auto placed = checkout(buyer, checkout_body(kApproves));
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto order = placed.json().at("orders").at(0).at("id").as_int64();
  const auto orphan = authorize_without_recording("checkout-77-");
  const auto theirs = authorize_without_recording("someone-else-");

  const auto report = reconcile();
  EXPECT_THAT(report.released_unrecorded, Contains(orphan));
  EXPECT_THAT(report.released_unrecorded, Not(Contains(theirs)));  // not a checkout of ours
  EXPECT_THAT(report.released_unrecorded, Not(Contains(authorization_of(order))));
  EXPECT_THAT(report.differences, IsEmpty());
  EXPECT_EQ(gateway().state(orphan).status, "canceled");
  EXPECT_EQ(gateway().state(theirs).status, "requires_capture");
  EXPECT_EQ(at_gateway(order), (AtGateway{"requires_capture", 2500, 2500, 0, 0}));

  EXPECT_THAT(reconcile().released_unrecorded, Not(Contains(orphan)));  // once
  ASSERT_EQ(ship(clay, order).status, 200);  // the recorded one still captures
}

// A checkout may still be between the gateway's answer and its commit.
TEST_P(PaymentReconciliationApi, AYoungAuthorizationIsLeftToItsCheckout) {
  const auto young = authorize_without_recording("checkout-78-");
  EXPECT_THAT(reconcile(/*grace=*/60 * 1000).released_unrecorded, Not(Contains(young)));
  EXPECT_EQ(gateway().state(young).status, "requires_capture");
}

// Amounts that differ are reported for a person, never "repaired" by guess.
TEST_P(PaymentReconciliationApi, AmountsThatDifferAreReported) {
  fill_cart(buyer, mug, 1);
  const auto order =
      checkout(buyer, checkout_body(kApproves)).json().at("orders").at(0).at("id").as_int64();
  ASSERT_EQ(ship(clay, order).status, 200);
  set_payment("captured_cents = 0, released_cents = 2500");
  const auto report = reconcile();
  ASSERT_EQ(report.differences.size(), 1u);
  EXPECT_THAT(report.differences[0], HasSubstr(authorization_of(order)));
  EXPECT_THAT(report.differences[0], HasSubstr("captured 0 here, 2500 at the gateway"));
  EXPECT_THAT(report.released_finished, IsEmpty());
}

// Every order moved, by our records, but the gateway still holds the card:
// the rest is released.
TEST_P(PaymentReconciliationApi, AHoldOurRecordsHaveFinishedIsReleased) {
  fill_cart(buyer, mug, 1);
  const auto order =
      checkout(buyer, checkout_body(kApproves)).json().at("orders").at(0).at("id").as_int64();
  set_payment("released_cents = amount_cents");  // as data from before holds were tracked
  const auto report = reconcile();
  EXPECT_THAT(report.released_finished, Contains(authorization_of(order)));
  EXPECT_EQ(at_gateway(order).status, "canceled");
  EXPECT_THAT(reconcile().released_finished, IsEmpty());
}

}  // namespace
}  // namespace ps::testing
