// Checkout and orders as the card gateway sees them: which authorization each
// order draws on, what is captured, released and refunded, what happens to an
// authorization when the checkout fails after it, and what the
// Idempotency-Key's stored fingerprint may depend on. The gateway is the real
// `pocketshop gateway` process, asked over HTTP.

#include "api/checkout_test.h"

namespace ps::testing {
namespace {

class CheckoutPayments : public CheckoutTest {
 protected:
  // A real fault after the card is authorized: the database refuses new orders.
  void refuse_orders() {
    run_script(sqlite() ? "CREATE TRIGGER refuse_orders BEFORE INSERT ON orders "
                          "BEGIN SELECT RAISE(ABORT, 'orders are refused'); END;"
                        : "CREATE FUNCTION refuse_orders() RETURNS trigger LANGUAGE plpgsql AS "
                          "$$ BEGIN RAISE EXCEPTION 'orders are refused'; END $$; "
                          "CREATE TRIGGER refuse_orders BEFORE INSERT ON orders "
                          "FOR EACH ROW EXECUTE FUNCTION refuse_orders();");
  }

  void accept_orders() {
    run_script(sqlite() ? "DROP TRIGGER refuse_orders;"
                        : "DROP TRIGGER refuse_orders ON orders; DROP FUNCTION refuse_orders();");
  }

  // PostgreSQL only: the connection dies while it commits a new order, so
  // the server cannot know whether the COMMIT landed (it does not).
  void cut_off_commits() {
    run_script(
        "CREATE FUNCTION cut_off_commit() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(5); "
        "RETURN NULL; END $$; "
        "CREATE CONSTRAINT TRIGGER cut_off_commit AFTER INSERT ON orders "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cut_off_commit();");
  }

  void let_commits_through() {
    run_script("DROP TRIGGER cut_off_commit ON orders; DROP FUNCTION cut_off_commit();");
  }

  std::int64_t first_order(const HttpResult& checkout) {
    return checkout.json().at("orders").at(0).at("id").as_int64();
  }

  // The stored fingerprints of the caller's keys, in key order.
  std::vector<std::string> fingerprints() {
    std::vector<std::string> result;
    server().app().database().with_session(
        [&](db::Connection& sql) {
          soci::rowset<std::string> rows =
              (sql.session().prepare
               << "SELECT request_hmac FROM idempotency_keys ORDER BY idempotency_key");
          result.assign(rows.begin(), rows.end());
        });
    return result;
  }

 private:
  bool sqlite() { return server().app().database().dialect() == db::Dialect::sqlite; }

  void run_script(const std::string& script) {
    auto& database = server().app().database();
    database.with_session([&](db::Connection& sql) { database.execute_script(sql, script); });
  }
};
POCKETSHOP_API_TEST(CheckoutPayments);

TEST_P(CheckoutPayments, EachOrderMovesItsOwnAmountAtTheGateway) {
  fill_cart(buyer, mug, 2);
  fill_cart(buyer, card, 3);
  const auto placed = checkout(buyer, checkout_body(kApproves));
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto mug_order = placed.json().at("orders").at(0).at("id").as_int64();   // 50.00
  const auto card_order = placed.json().at("orders").at(1).at("id").as_int64();  // 12.00
  ASSERT_EQ(authorization_of(mug_order), authorization_of(card_order));          // one payment
  EXPECT_EQ(at_gateway(mug_order), (AtGateway{"requires_capture", 6200, 6200, 0, 0}));

  ASSERT_EQ(ship(clay, mug_order).status, 200);  // a partial capture: the rest stays held
  EXPECT_EQ(at_gateway(mug_order), (AtGateway{"requires_capture", 6200, 1200, 5000, 0}));
  ASSERT_EQ(act(buyer, card_order, "cancel").status, 200);  // the last order lets the hold go
  EXPECT_EQ(at_gateway(mug_order), (AtGateway{"succeeded", 6200, 0, 5000, 0}));
  ASSERT_EQ(act(clay, mug_order, "refund", {{"reason", "Arrived broken"}}).status, 200);
  EXPECT_EQ(at_gateway(mug_order), (AtGateway{"succeeded", 6200, 0, 5000, 5000}));
}

// Cancelling one order of two keeps the hold for the other until it ships:
// a card hold cannot shrink, so the last order's capture is the final one.
TEST_P(CheckoutPayments, TheLastOrderToShipCapturesFinally) {
  fill_cart(buyer, mug, 1);
  fill_cart(buyer, card, 1);
  const auto placed = checkout(buyer, checkout_body(kApproves));
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto mug_order = first_order(placed);
  const auto card_order = placed.json().at("orders").at(1).at("id").as_int64();
  ASSERT_EQ(act(buyer, mug_order, "cancel").status, 200);
  EXPECT_EQ(at_gateway(card_order), (AtGateway{"requires_capture", 2900, 2900, 0, 0}));
  ASSERT_EQ(ship(paper, card_order).status, 200);
  EXPECT_EQ(at_gateway(card_order), (AtGateway{"succeeded", 2900, 0, 400, 0}));
}

TEST_P(CheckoutPayments, BuyersSharingAnIdempotencyKeyAreEachCharged) {
  const auto other = sign_up("other@example.com");
  fill_cart(buyer, mug, 1);
  fill_cart(other, card, 2);
  const auto first = checkout(buyer, checkout_body(kApproves), "shared-key");
  const auto second = checkout(other, checkout_body(kApproves), "shared-key");
  ASSERT_EQ(first.status, 201) << first.body;
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_NE(first.json().at("payment").at("id"), second.json().at("payment").at("id"));

  const auto mug_order = first_order(first), card_order = first_order(second);
  EXPECT_NE(authorization_of(mug_order), authorization_of(card_order));
  EXPECT_EQ(at_gateway(mug_order), (AtGateway{"requires_capture", 2500, 2500, 0, 0}));
  EXPECT_EQ(at_gateway(card_order), (AtGateway{"requires_capture", 800, 800, 0, 0}));
  ASSERT_EQ(ship(paper, card_order).status, 200);
  EXPECT_EQ(at_gateway(card_order), (AtGateway{"succeeded", 800, 0, 800, 0}));
  EXPECT_EQ(at_gateway(mug_order), (AtGateway{"requires_capture", 2500, 2500, 0, 0}));
}

// The order insert fails after the card was authorized: nothing may be kept,
// and the authorization must be given back.
TEST_P(CheckoutPayments, AFailureAfterAuthorizingVoidsItAndKeepsNothing) {
  fill_cart(buyer, mug, 2);
  fill_cart(buyer, card, 1);
  refuse_orders();
  const auto failed = checkout(buyer, checkout_body(kApproves, "987"));
  expect_problem(failed, 500, "internal");
  for (const char* secret : {"4242", "987", "refused"})
    EXPECT_EQ(without_random_ids(failed.body).find(secret), std::string::npos)
        << secret << " in " << failed.body;

  EXPECT_EQ(inventory(mug), 3);
  EXPECT_EQ(inventory(card), 50);
  EXPECT_EQ(cart_items(buyer), 3);
  for (const char* table : {"orders", "order_items", "payments", "checkouts"})
    EXPECT_EQ(count(table), 0) << table;
  const auto authorizations = gateway_authorizations();
  ASSERT_EQ(authorizations.size(), 1u);
  EXPECT_EQ(gateway().state(authorizations[0]), (AtGateway{"canceled", 5400, 0, 0, 0}));

  accept_orders();
  const auto retried = checkout(buyer, checkout_body(kApproves, "987"));
  ASSERT_EQ(retried.status, 201) << retried.body;
  EXPECT_EQ(inventory(mug), 1);
  EXPECT_EQ(cart_items(buyer), 0);
  EXPECT_EQ(at_gateway(first_order(retried)), (AtGateway{"requires_capture", 5400, 5400, 0, 0}));
}

// A lost COMMIT may have kept the orders, which will capture their
// authorization when shipped: it is not released on a guess. The key's
// retry then finds out (here: nothing was kept, so it is placed now).
TEST_P(CheckoutPayments, ACommitCutOffKeepsTheAuthorization) {
  if (GetParam() == Backend::sqlite) GTEST_SKIP() << "an SQLite connection cannot be cut off";
  fill_cart(buyer, mug, 1);
  cut_off_commits();
  const auto cut_off_body = checkout_body(kApproves);  // the retry sends the same token
  const auto cut_off = checkout(buyer, cut_off_body, "cut-off");
  expect_problem(cut_off, 503, "database-unavailable");
  EXPECT_EQ(cut_off.json().at("type").as_string(), "/problems/database-unavailable");
  const auto authorizations = gateway_authorizations();
  ASSERT_EQ(authorizations.size(), 1u);
  EXPECT_EQ(gateway().state(authorizations[0]), (AtGateway{"requires_capture", 2500, 2500, 0, 0}));

  let_commits_through();
  const auto retried = checkout(buyer, cut_off_body, "cut-off");
  ASSERT_EQ(retried.status, 201) << retried.body;
  EXPECT_EQ(count("orders"), 1);
  EXPECT_EQ(inventory(mug), 2);
}

// The first attempt's authorization was released; the key's retry must not
// get it back, but a fresh one it can capture.
TEST_P(CheckoutPayments, ARetryAfterAFailureGetsAFreshAuthorization) {
  fill_cart(buyer, mug, 1);
  refuse_orders();
  const auto body = checkout_body(kApproves);  // a retry sends the same token
  expect_problem(checkout(buyer, body, "retry-key"), 500, "internal");
  const auto released = gateway_authorizations();
  ASSERT_EQ(released.size(), 1u);
  accept_orders();

  // The token was spent on the released authorization: the buyer's browser
  // tokenizes the card again, and the key's retry with it is placed.
  expect_problem(checkout(buyer, body, "retry-key"), 422, "payment-token-invalid");
  const auto retried = checkout(buyer, checkout_body(kApproves), "retry-key");
  ASSERT_EQ(retried.status, 201) << retried.body;
  const auto order = first_order(retried);
  EXPECT_NE(released[0], authorization_of(order));
  EXPECT_EQ(at_gateway(order), (AtGateway{"requires_capture", 2500, 2500, 0, 0}));
  const auto shipped = ship(clay, order);
  EXPECT_EQ(shipped.status, 200) << shipped.body;
  EXPECT_EQ(at_gateway(order), (AtGateway{"succeeded", 2500, 0, 2500, 0}));
}

// So the same request, however its JSON is spelled, replays the first
// answer; another token (or address) is another request.
TEST_P(CheckoutPayments, TheSameRequestSpelledDifferentlyIsReplayed) {
  fill_cart(buyer, mug, 1);
  const auto token = card_token(kApproves);
  const auto first = checkout(buyer, checkout_body_with_token(token), "key-1");
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string respelled = R"({ "shipping_address": {"country": "GB", "postal_code": "LS1 1AA",
      "city": "Leeds", "line1": "1 High Street", "name": "Sam Buyer"},
    "payment_token": ")" + token +
                                R"(" })";
  const auto again = checkout_text(buyer, respelled, "key-1");
  EXPECT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.body, first.body);

  expect_problem(checkout(buyer, checkout_body(kApproves), "key-1"), 422, "validation");
  auto elsewhere = checkout_body_with_token(token);
  elsewhere["shipping_address"].as_object()["city"] = "York";
  expect_problem(checkout(buyer, elsewhere, "key-1"), 422, "validation");
  EXPECT_EQ(count("payments"), 1);
  EXPECT_EQ(gateway_authorizations().size(), 1u);
}

}  // namespace
}  // namespace ps::testing
