// Checkout and orders as the card gateway sees them: which authorization each
// order draws on, what is captured, released and refunded, what happens to an
// authorization when the checkout fails after it, and what the
// Idempotency-Key's stored fingerprint may depend on.

#include "api/checkout_test.h"

namespace ps::testing {
namespace {

using Ledger = payments::MockPaymentProvider::Ledger;

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
  EXPECT_EQ(ledger_of(mug_order), (Ledger{6200, 0, 0, 0}));

  ASSERT_EQ(ship(clay, mug_order).status, 200);
  EXPECT_EQ(ledger_of(mug_order), (Ledger{6200, 5000, 0, 0}));
  ASSERT_EQ(act(buyer, card_order, "cancel").status, 200);
  EXPECT_EQ(ledger_of(mug_order), (Ledger{6200, 5000, 1200, 0}));
  ASSERT_EQ(act(clay, mug_order, "refund", {{"reason", "Arrived broken"}}).status, 200);
  EXPECT_EQ(ledger_of(mug_order), (Ledger{6200, 5000, 1200, 5000}));
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
  EXPECT_EQ(ledger_of(mug_order), (Ledger{2500, 0, 0, 0}));
  EXPECT_EQ(ledger_of(card_order), (Ledger{800, 0, 0, 0}));
  ASSERT_EQ(ship(paper, card_order).status, 200);
  EXPECT_EQ(ledger_of(card_order), (Ledger{800, 800, 0, 0}));
  EXPECT_EQ(ledger_of(mug_order), (Ledger{2500, 0, 0, 0}));
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
  const auto authorizations = gateway().ledgers();
  ASSERT_EQ(authorizations.size(), 1u);
  EXPECT_EQ(authorizations.begin()->second, (Ledger{5400, 0, 5400, 0}));

  accept_orders();
  const auto retried = checkout(buyer, checkout_body(kApproves, "987"));
  ASSERT_EQ(retried.status, 201) << retried.body;
  EXPECT_EQ(inventory(mug), 1);
  EXPECT_EQ(cart_items(buyer), 0);
  EXPECT_EQ(ledger_of(first_order(retried)), (Ledger{5400, 0, 0, 0}));
}

// A lost COMMIT may have kept the orders, which will capture their
// authorization when shipped: it is not released on a guess. The key's
// retry then finds out (here: nothing was kept, so it is placed now).
TEST_P(CheckoutPayments, ACommitCutOffKeepsTheAuthorization) {
  if (GetParam() == Backend::sqlite) GTEST_SKIP() << "an SQLite connection cannot be cut off";
  fill_cart(buyer, mug, 1);
  cut_off_commits();
  const auto cut_off = checkout(buyer, checkout_body(kApproves), "cut-off");
  expect_problem(cut_off, 503, "database-unavailable");
  EXPECT_EQ(cut_off.json().at("type").as_string(), "/problems/database-unavailable");
  const auto authorizations = gateway().ledgers();
  ASSERT_EQ(authorizations.size(), 1u);
  EXPECT_EQ(authorizations.begin()->second, (Ledger{2500, 0, 0, 0}));

  let_commits_through();
  const auto retried = checkout(buyer, checkout_body(kApproves), "cut-off");
  ASSERT_EQ(retried.status, 201) << retried.body;
  EXPECT_EQ(count("orders"), 1);
  EXPECT_EQ(inventory(mug), 2);
}

// The first attempt's authorization was released; the key's retry must not
// get it back, but a fresh one it can capture.
TEST_P(CheckoutPayments, ARetryAfterAFailureGetsAFreshAuthorization) {
  fill_cart(buyer, mug, 1);
  refuse_orders();
  expect_problem(checkout(buyer, checkout_body(kApproves), "retry-key"), 500, "internal");
  const auto released = gateway().ledgers();
  ASSERT_EQ(released.size(), 1u);
  accept_orders();

  const auto retried = checkout(buyer, checkout_body(kApproves), "retry-key");
  ASSERT_EQ(retried.status, 201) << retried.body;
  const auto order = first_order(retried);
  EXPECT_EQ(released.count(authorization_of(order)), 0u);
  EXPECT_EQ(ledger_of(order), (Ledger{2500, 0, 0, 0}));
  const auto shipped = ship(clay, order);
  EXPECT_EQ(shipped.status, 200) << shipped.body;
  EXPECT_EQ(ledger_of(order), (Ledger{2500, 2500, 0, 0}));
}

// The fingerprint that tells "the same request" from another is a function of
// what is stored anyway (card brand, last four, expiry; the address), so it
// reveals nothing more about the card: two requests that differ only in the
// other digits of the number and in the CVC have one fingerprint.
TEST_P(CheckoutPayments, TheKeysFingerprintIgnoresTheCvcAndTheHiddenDigits) {
  fill_cart(buyer, card, 1);
  ASSERT_EQ(checkout(buyer, checkout_body(kApproves, "123"), "key-a").status, 201);
  fill_cart(buyer, card, 1);
  ASSERT_EQ(checkout(buyer, checkout_body("4111 1111 1117 4242", "9876"), "key-b").status, 201);
  const auto stored = fingerprints();
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0], stored[1]);
}

// So the same card details, however the JSON is spelled, replay the first
// answer; another last four (or address) is another request.
TEST_P(CheckoutPayments, TheSameRequestSpelledDifferentlyIsReplayed) {
  fill_cart(buyer, mug, 1);
  const auto first = checkout(buyer, checkout_body(kApproves), "key-1");
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string respelled = R"({ "shipping_address": {"country": "GB", "postal_code": "LS1 1AA",
      "city": "Leeds", "line1": "1 High Street", "name": "Sam Buyer"},
    "card": {"cvc": "321", "exp_year": 2099, "exp_month": 12, "number": "4242-4242-4242-4242"} })";
  const auto again = checkout_text(buyer, respelled, "key-1");
  EXPECT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.body, first.body);

  expect_problem(checkout(buyer, checkout_body("4111 1111 1111 1111"), "key-1"), 422, "validation");
  auto elsewhere = checkout_body(kApproves);
  elsewhere["shipping_address"].as_object()["city"] = "York";
  expect_problem(checkout(buyer, elsewhere, "key-1"), 422, "validation");
  EXPECT_EQ(count("payments"), 1);
}

}  // namespace
}  // namespace ps::testing
