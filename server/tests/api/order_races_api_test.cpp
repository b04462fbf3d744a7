// Two changes to one order at the same moment: exactly one may win, and only
// the winner may move money at the gateway.

#include "api/checkout_test.h"

#include <functional>
#include <future>
#include <latch>

namespace ps::testing {
namespace {

constexpr int kRounds = 8;

class OrderRaces : public CheckoutTest {
 protected:
  void SetUp() override {
    CheckoutTest::SetUp();
    ASSERT_EQ(
        patch_json("/api/products/" + std::to_string(mug), {{"inventory", 1000}}, clay.access_token)
            .status,
        200);
  }

  // One checkout of a mug (25.00) and a card (4.00): the races are on the
  // card's order, and the mug's leaves enough authorized that the gateway
  // would let both sides of a race through.
  struct Placed {
    std::int64_t mug_order = 0, card_order = 0;
  };
  Placed place() {
    fill_cart(buyer, mug, 1);
    fill_cart(buyer, card, 1);
    const auto placed = checkout(buyer, checkout_body(kApproves));
    EXPECT_EQ(placed.status, 201) << placed.body;
    const auto orders = placed.json().at("orders");
    return {orders.at(0).at("id").as_int64(), orders.at(1).at("id").as_int64()};
  }

  // Sends both requests at once; exactly one must succeed, the other is a 409.
  void race(const std::function<HttpResult()>& one, const std::function<HttpResult()>& other) {
    std::latch start(2);
    auto run = [&](const std::function<HttpResult()>& request) {
      return std::async(std::launch::async, [&start, &request] {
        start.arrive_and_wait();
        return request();
      });
    };
    auto first = run(one), second = run(other);
    const auto a = first.get(), b = second.get();
    EXPECT_EQ((a.status == 200) + (b.status == 200), 1) << a.body << "\n" << b.body;
    EXPECT_EQ((a.status == 409) + (b.status == 409), 1) << a.body << "\n" << b.body;
  }

  // The gateway moved exactly what the orders' final states say.
  void expect_gateway_matches(const Placed& placed) {
    long long captured = 0, released = 0, refunded = 0;
    for (const auto id : {placed.mug_order, placed.card_order}) {
      const auto order =
          client().get("/api/orders/" + std::to_string(id), buyer.access_token).json();
      const auto status = order.at("payment_status").as_string();
      const auto total = order.at("total_cents").as_int64();
      if (status == "captured" || status == "refunded") captured += total;
      if (status == "voided") released += total;
      if (status == "refunded") refunded += total;
    }
    // The hold cannot shrink: it lasts, whole, until every order has moved.
    const bool settled = captured + released == 2900;
    const AtGateway expected{
        settled ? (captured > 0 ? "succeeded" : "canceled") : "requires_capture", 2900,
        settled ? 0 : 2900 - captured, captured, refunded};
    EXPECT_EQ(at_gateway(placed.mug_order), expected);
  }

  HttpResult cancel(const Account& who, std::int64_t order) {
    return act(who, order, "cancel", {{"reason", "Changed my mind"}});
  }
  HttpResult refund(std::int64_t order) { return act(paper, order, "refund"); }
};
POCKETSHOP_API_TEST(OrderRaces);

TEST_P(OrderRaces, ShipAgainstCancel) {
  for (int round = 0; round < kRounds; ++round) {
    const auto placed = place();
    race([&] { return ship(paper, placed.card_order); },
         [&] { return cancel(buyer, placed.card_order); });
    expect_gateway_matches(placed);
  }
}

TEST_P(OrderRaces, CancelAgainstCancel) {
  for (int round = 0; round < kRounds; ++round) {
    const auto placed = place();
    race([&] { return cancel(buyer, placed.card_order); },
         [&] { return cancel(paper, placed.card_order); });
    expect_gateway_matches(placed);
  }
}

TEST_P(OrderRaces, ShipAgainstShip) {
  for (int round = 0; round < kRounds; ++round) {
    const auto placed = place();
    race([&] { return ship(paper, placed.card_order); },
         [&] { return ship(paper, placed.card_order); });
    expect_gateway_matches(placed);
  }
}

TEST_P(OrderRaces, RefundAgainstRefund) {
  for (int round = 0; round < kRounds; ++round) {
    const auto placed = place();
    ASSERT_EQ(ship(clay, placed.mug_order).status, 200);  // captured: room for two refunds
    ASSERT_EQ(ship(paper, placed.card_order).status, 200);
    race([&] { return refund(placed.card_order); }, [&] { return refund(placed.card_order); });
    expect_gateway_matches(placed);
  }
}

}  // namespace
}  // namespace ps::testing
