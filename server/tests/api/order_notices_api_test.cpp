// What buyers and vendors are told of an order's events: the mails written to
// the outbox (with the shop's brand, the items and amounts, never card data)
// and the bell's notifications, each written only when its event commits.
#include "api/checkout_test.h"

#include <future>
#include <latch>

namespace ps::testing {
namespace {

using Mails = std::vector<OutboxMail>;

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// The mails of one kind, oldest first.
Mails of_kind(const Mails& mails, std::string_view kind) {
  Mails found;
  for (const auto& mail : mails)
    if (mail.kind == kind) found.push_back(mail);
  return found;
}

class OrderNotices : public CheckoutTest {
 protected:
  std::int64_t buy_mug() {
    fill_cart(buyer, mug, 1);
    const auto placed = checkout(buyer, checkout_body(kApproves));
    EXPECT_EQ(placed.status, 201) << placed.body;
    return placed.json().at("orders").at(0).at("id").as_int64();
  }

  boost::json::object bell(const Account& who, const std::string& query = "") {
    const auto result = client().get("/api/me/notifications" + query, who.access_token);
    EXPECT_EQ(result.status, 200) << result.body;
    return result.json().as_object();
  }

  long long unread(const Account& who) {
    return client()
        .get("/api/me/notifications/unread-count", who.access_token)
        .json()
        .at("unread")
        .as_int64();
  }
};
POCKETSHOP_API_TEST(OrderNotices);

TEST_P(OrderNotices, ACheckoutSendsTheBuyerAReceiptAndEachVendorTheirNewOrder) {
  fill_cart(buyer, mug, 2);
  fill_cart(buyer, card, 1);
  const auto placed = checkout(buyer, checkout_body(kApproves));
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto mug_order = placed.json().at("orders").at(0).at("id").as_int64();

  const auto receipts = of_kind(mails_to(buyer.email), "order_placed");
  ASSERT_EQ(receipts.size(), 2u);  // one per shop, in that shop's name
  EXPECT_TRUE(contains(receipts[0].subject, "Clay Studio")) << receipts[0].subject;
  EXPECT_TRUE(contains(receipts[0].text_body, "Mug × 2")) << receipts[0].text_body;
  EXPECT_TRUE(contains(receipts[0].text_body, "$50.00")) << receipts[0].text_body;
  EXPECT_TRUE(contains(receipts[1].subject, "Paper Goods")) << receipts[1].subject;

  const auto clay_mails = of_kind(mails_to(clay.email), "new_order");
  ASSERT_EQ(clay_mails.size(), 1u);
  EXPECT_EQ(clay_mails[0].kind, "new_order");
  EXPECT_TRUE(contains(clay_mails[0].text_body, "Mug × 2"));
  EXPECT_TRUE(contains(clay_mails[0].text_body, "1 High Street"));  // where to ship it
  EXPECT_FALSE(contains(clay_mails[0].text_body, "Card"));          // the other shop's item
  for (const auto& mail : mails_to(buyer.email)) {
    EXPECT_FALSE(contains(mail.text_body, "4242 4242"));
    EXPECT_FALSE(contains(mail.text_body, "tok_"));
  }

  EXPECT_EQ(unread(buyer), 0);
  ASSERT_EQ(unread(clay), 1);
  const auto item = bell(clay).at("items").at(0);
  EXPECT_EQ(item.at("kind").as_string(), "new_order");
  EXPECT_EQ(item.at("link").as_string(), "/orders/" + std::to_string(mug_order));
  EXPECT_TRUE(item.at("read_at").is_null());
}

TEST_P(OrderNotices, ShippingDeliveryAndRefundsTellTheBuyerWithTheAmounts) {
  const auto order = buy_mug();
  const auto shipped =
      act(clay, order, "ship", {{"carrier", "UPS"}, {"tracking_number", "1Z 999/AA"}});
  ASSERT_EQ(shipped.status, 200) << shipped.body;
  const std::string tracking = "https://www.ups.com/track?tracknum=1Z%20999%2FAA";
  EXPECT_EQ(shipped.json().at("tracking_url").as_string(), tracking);
  const auto shipped_mails = of_kind(mails_to(buyer.email), "order_shipped");
  ASSERT_EQ(shipped_mails.size(), 1u);
  EXPECT_TRUE(contains(shipped_mails[0].text_body, tracking)) << shipped_mails[0].text_body;

  ASSERT_EQ(act(clay, order, "deliver").status, 200);
  const auto delivered = of_kind(mails_to(buyer.email), "order_delivered");
  ASSERT_EQ(delivered.size(), 1u);
  EXPECT_TRUE(contains(delivered[0].text_body, "review")) << delivered[0].text_body;

  const auto refund = act(clay, order, "refunds", {{"amount_cents", 700}, {"reason", "Chipped"}});
  ASSERT_EQ(refund.status, 201) << refund.body;
  const auto refunds = of_kind(mails_to(buyer.email), "order_refunded");
  ASSERT_EQ(refunds.size(), 1u);
  EXPECT_TRUE(contains(refunds[0].subject, "$7.00")) << refunds[0].subject;
  EXPECT_TRUE(contains(refunds[0].text_body, "$25.00")) << refunds[0].text_body;  // order total
  EXPECT_TRUE(contains(refunds[0].text_body, "Chipped"));

  const auto items = bell(buyer).at("items").as_array();
  ASSERT_EQ(items.size(), 3u);  // newest first
  EXPECT_EQ(items[0].at("kind").as_string(), "refund");
  EXPECT_EQ(items[1].at("kind").as_string(), "order_delivered");
  EXPECT_EQ(items[2].at("kind").as_string(), "order_shipped");
  EXPECT_EQ(unread(buyer), 3);
}

TEST_P(OrderNotices, ACancellationTellsTheOtherPartyAndTheBuyerWhatWasReleased) {
  const auto by_buyer = buy_mug();
  ASSERT_EQ(act(buyer, by_buyer, "cancel").status, 200);
  EXPECT_EQ(unread(buyer), 0);
  EXPECT_EQ(bell(clay, "?unread=true").at("items").at(0).at("kind").as_string(), "order_cancelled");
  auto cancelled = of_kind(mails_to(buyer.email), "order_cancelled");
  ASSERT_EQ(cancelled.size(), 1u);
  EXPECT_TRUE(contains(cancelled[0].text_body, "$25.00 held on your card has been released"))
      << cancelled[0].text_body;

  const auto by_vendor = buy_mug();
  ASSERT_EQ(act(clay, by_vendor, "cancel", {{"reason", "Out of glaze"}}).status, 200);
  EXPECT_EQ(unread(buyer), 1);
  cancelled = of_kind(mails_to(buyer.email), "order_cancelled");
  ASSERT_EQ(cancelled.size(), 2u);
  EXPECT_TRUE(contains(cancelled[1].text_body, "Out of glaze"));
}

TEST_P(OrderNotices, AnEventThatFailsTellsNoOne) {
  const auto order = buy_mug();
  server().app().database().with_session([](db::Connection& sql) {
    sql.session() << "UPDATE payments SET authorization_id = 'pi_thegatewaylostthis'";
  });
  expect_problem(ship(clay, order), 502, "payment-gateway");
  EXPECT_TRUE(of_kind(mails_to(buyer.email), "order_shipped").empty());
  EXPECT_EQ(unread(buyer), 0);
}

TEST_P(OrderNotices, TwoIdenticalShipRequestsAtOnceTellTheBuyerOnce) {
  const auto order = buy_mug();
  std::latch start(2);
  auto send = [&] {
    return std::async(std::launch::async, [&] {
      start.arrive_and_wait();
      return ship(clay, order);
    });
  };
  auto first = send(), second = send();
  const auto a = first.get(), b = second.get();
  EXPECT_EQ((a.status == 200) + (b.status == 200), 1) << a.body << "\n" << b.body;
  EXPECT_EQ(of_kind(mails_to(buyer.email), "order_shipped").size(), 1u);
  EXPECT_EQ(unread(buyer), 1);
}

TEST_P(OrderNotices, TheBellMarksItemsReadOnlyForItsOwner) {
  ASSERT_EQ(act(buyer, buy_mug(), "cancel").status, 200);
  ASSERT_EQ(act(buyer, buy_mug(), "cancel").status, 200);
  const auto items = bell(clay).at("items").as_array();
  ASSERT_EQ(items.size(), 4u);  // two new orders and their cancellations
  const auto first = std::to_string(items[0].at("id").as_int64());

  expect_problem(
      client().post_json("/api/me/notifications/" + first + "/read", {}, buyer.access_token), 404,
      "not-found");
  expect_problem(client().post_json("/api/me/notifications/" + first + "/read", {}, ""), 401,
                 "unauthorized");
  expect_problem(client().get("/api/me/notifications?unread=maybe", clay.access_token), 422,
                 "validation");
  EXPECT_EQ(unread(clay), 4);
  EXPECT_EQ(
      client().post_json("/api/me/notifications/" + first + "/read", {}, clay.access_token).status,
      204);
  EXPECT_EQ(
      client().post_json("/api/me/notifications/" + first + "/read", {}, clay.access_token).status,
      204);
  EXPECT_EQ(unread(clay), 3);
  EXPECT_FALSE(bell(clay).at("items").at(0).at("read_at").is_null());
  EXPECT_EQ(bell(clay, "?unread=true").at("items").as_array().size(), 3u);

  // Two "mark all read" at once (two open tabs): each unread item is counted once.
  std::latch start(2);
  auto mark_all = [&] {
    return std::async(std::launch::async, [&] {
      start.arrive_and_wait();
      return client().post_json("/api/me/notifications/read", {}, clay.access_token);
    });
  };
  auto one = mark_all(), other = mark_all();
  const auto a = one.get(), b = other.get();
  ASSERT_EQ(a.status, 200) << a.body;
  ASSERT_EQ(b.status, 200) << b.body;
  EXPECT_EQ(a.json().at("marked").as_int64() + b.json().at("marked").as_int64(), 3);
  EXPECT_EQ(unread(clay), 0);
}

}  // namespace
}  // namespace ps::testing
