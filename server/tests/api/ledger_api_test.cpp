// The ledger behind orders: a shipped order's sale splits its total between
// the platform's fee (a percentage plus a fixed fee, the shop's own or the
// platform's) and the vendor's pending earnings, which are released to its
// balance once the hold after delivery has passed; refunds, in parts or in
// full, take the money back with the fee in proportion; every business event
// posts once (also when requests race), and vendors read their own balance
// and statement only. After every scenario the books balance: each
// transaction sums to zero, the balances are the entries, and the ledger
// agrees with the orders and refunds it stands for.
#include "api/checkout_test.h"

#include "ledger/service.h"
#include "support/ledger_invariants.h"

#include <chrono>
#include <future>
#include <latch>
#include <optional>
#include <thread>
#include <vector>

namespace ps::testing {
namespace {

constexpr int kConcurrentRequests = 8;

class LedgerApi : public CheckoutTest {
 protected:
  void TearDown() override {
    const SqlNumber number = [this](const std::string& query) { return sql_number(query); };
    expect_ledger_balanced(number);
    if (postings_stand_for_orders) expect_ledger_agrees_with_orders(number);
    CheckoutTest::TearDown();
  }

  // False in tests that post to the ledger directly, without an order.
  bool postings_stand_for_orders = true;

  std::int64_t buy(std::int64_t product, long long quantity = 1) {
    fill_cart(buyer, product, quantity);
    const auto placed = checkout(buyer, checkout_body(kApproves));
    EXPECT_EQ(placed.status, 201) << placed.body;
    return placed.json().at("orders").at(0).at("id").as_int64();
  }

  long long ledger_balance(const std::string& account) {
    return sql_number("SELECT SUM(amount) FROM ledger_balances WHERE account = '" + account + "'");
  }
  long long transactions(const std::string& kind) {
    return sql_number("SELECT COUNT(*) FROM ledger_transactions WHERE kind = '" + kind + "'");
  }

  // The vendor's account: "balance" (available) or "pending".
  std::string vendor_account(const Account& vendor, const std::string& which = "balance") {
    const auto shop = client().get("/api/my/shop", vendor.access_token).json();
    return "vendor:" + std::to_string(shop.at("id").as_int64()) + ":" + which;
  }

  // What the vendor's balance endpoint says it is owed in the order's currency.
  long long balance(const Account& vendor) {
    const auto result = client().get("/api/my/balance", vendor.access_token);
    EXPECT_EQ(result.status, 200) << result.body;
    const auto json = result.json();
    long long owed = 0;
    for (const auto& line : json.at("balances").as_array())
      owed += line.at("balance_cents").as_int64();
    return owed;
  }

  // The vendor's balance line in its one currency (an empty object when none).
  boost::json::object balance_line(const Account& vendor) {
    const auto json = client().get("/api/my/balance", vendor.access_token).json();
    const auto& lines = json.at("balances").as_array();
    EXPECT_LE(lines.size(), 1u);
    return lines.empty() ? boost::json::object{} : lines.at(0).as_object();
  }
  long long pending(const Account& vendor) {
    const auto line = balance_line(vendor);
    return line.empty() ? 0 : line.at("pending_cents").as_int64();
  }
  long long available(const Account& vendor) {
    const auto line = balance_line(vendor);
    return line.empty() ? 0 : line.at("available_cents").as_int64();
  }

  // Releases what is due `days` from now (the task in the server would, then).
  int release_after(double days) {
    return server().app().ledger().release_due(now_millis() +
                                               static_cast<Millis>(days * kDayMillis));
  }

  HttpResult refund(const Account& vendor, std::int64_t order, const boost::json::object& body,
                    const std::string& key = {}) {
    Headers headers{{"Content-Type", "application/json"},
                    {"Authorization", "Bearer " + vendor.access_token}};
    if (!key.empty()) headers.emplace_back("Idempotency-Key", key);
    return client().request(boost::beast::http::verb::post,
                            "/api/orders/" + std::to_string(order) + "/refunds",
                            boost::json::serialize(body), headers);
  }
  HttpResult refund_amount(const Account& vendor, std::int64_t order, long long amount,
                           const std::string& key = {}) {
    return refund(vendor, order, {{"amount_cents", amount}, {"reason", "Partly damaged"}}, key);
  }

  boost::json::object order_json(const Account& who, std::int64_t order) {
    const auto result = client().get("/api/orders/" + std::to_string(order), who.access_token);
    EXPECT_EQ(result.status, 200) << result.body;
    return result.json().as_object();
  }

  std::string shop_slug(const Account& vendor) {
    return std::string(
        client().get("/api/my/shop", vendor.access_token).json().at("slug").as_string());
  }

  boost::json::value statement(const Account& vendor, const std::string& query = "") {
    const auto result = client().get("/api/my/statement" + query, vendor.access_token);
    EXPECT_EQ(result.status, 200) << result.body;
    return result.json();
  }

  // Sends the same request kConcurrentRequests times at once; returns the
  // statuses.
  std::vector<int> all_at_once(const std::function<HttpResult()>& request) {
    std::latch start(kConcurrentRequests);
    std::vector<std::future<int>> sent;
    for (int i = 0; i < kConcurrentRequests; ++i)
      sent.push_back(std::async(std::launch::async, [&] {
        start.arrive_and_wait();
        return request().status;
      }));
    std::vector<int> statuses;
    for (auto& one : sent) statuses.push_back(one.get());
    return statuses;
  }
};
POCKETSHOP_API_TEST(LedgerApi);

TEST_P(LedgerApi, AShippedOrderCreditsTheVendorItsTotalLessTheFee) {
  const auto order_id = buy(mug);  // 25.00
  EXPECT_EQ(balance(clay), 0);
  EXPECT_EQ(transactions("sale"), 0);  // paid is not captured: nothing moved yet
  ASSERT_EQ(ship(clay, order_id).status, 200);

  EXPECT_EQ(balance(clay), 2250);  // 10% of 2500 is the platform's
  EXPECT_EQ(ledger_balance("platform:fees"), -250);
  EXPECT_EQ(ledger_balance("gateway:clearing"), 2500);
  EXPECT_EQ(ledger_balance(vendor_account(clay, "pending")), -2250);  // held: not delivered
  EXPECT_EQ(ledger_balance(vendor_account(clay)), 0);
  EXPECT_EQ(pending(clay), 2250);
  EXPECT_EQ(available(clay), 0);
  EXPECT_EQ(balance(paper), 0);

  const auto lines = statement(clay);
  EXPECT_EQ(lines.at("total").as_int64(), 1);
  const auto& line = lines.at("items").at(0);
  EXPECT_EQ(line.at("kind").as_string(), "sale");
  EXPECT_EQ(line.at("order_id").as_int64(), order_id);
  EXPECT_EQ(line.at("gross_cents").as_int64(), 2500);
  EXPECT_EQ(line.at("fee_cents").as_int64(), 250);
  EXPECT_EQ(line.at("net_cents").as_int64(), 2250);
  EXPECT_EQ(line.at("balance_cents").as_int64(), 2250);
  EXPECT_FALSE(line.at("currency").as_string().empty());
  EXPECT_FALSE(line.at("created_at").as_string().empty());
  const auto shown = client().get("/api/my/balance", clay.access_token).json();
  EXPECT_EQ(shown.at("platform_fee_bps").as_int64(), 1000);
  EXPECT_EQ(shown.at("platform_fee_fixed_cents").as_int64(), 0);
  EXPECT_EQ(shown.at("payout_hold_days").as_int64(), server().config().payout_hold_days);
  EXPECT_EQ(shown.at("balances").at(0).at("paid_cents").as_int64(), 0);
  EXPECT_EQ(shown.at("balances").at(0).at("currency"), line.at("currency"));
}

TEST_P(LedgerApi, ARefundReversesTheSaleFeeIncluded) {
  const auto order_id = buy(mug);
  ASSERT_EQ(ship(clay, order_id).status, 200);
  ASSERT_EQ(act(clay, order_id, "deliver").status, 200);
  const auto refunded = act(clay, order_id, "refund", {{"reason", "Broken"}});
  ASSERT_EQ(refunded.status, 200) << refunded.body;

  EXPECT_EQ(balance(clay), 0);
  EXPECT_EQ(ledger_balance("platform:fees"), 0);
  EXPECT_EQ(ledger_balance("gateway:clearing"), 0);
  const auto lines = statement(clay);
  ASSERT_EQ(lines.at("total").as_int64(), 2);
  const auto& refund = lines.at("items").at(0);  // newest first
  EXPECT_EQ(refund.at("kind").as_string(), "refund");
  EXPECT_EQ(refund.at("order_id").as_int64(), order_id);
  EXPECT_EQ(refund.at("gross_cents").as_int64(), -2500);
  EXPECT_EQ(refund.at("fee_cents").as_int64(), -250);
  EXPECT_EQ(refund.at("net_cents").as_int64(), -2250);
  EXPECT_EQ(refund.at("balance_cents").as_int64(), 0);
  EXPECT_EQ(lines.at("items").at(1).at("balance_cents").as_int64(), 2250);
}

TEST_P(LedgerApi, CancelledOrdersPostNothing) {
  const auto order_id = buy(mug);
  ASSERT_EQ(act(buyer, order_id, "cancel").status, 200);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM ledger_transactions"), 0);
  EXPECT_EQ(statement(clay).at("total").as_int64(), 0);
  EXPECT_EQ(
      client().get("/api/my/balance", clay.access_token).json().at("balances").as_array().size(),
      0u);
}

TEST_P(LedgerApi, TheStatementPagesNewestFirstWithRunningBalances) {
  ASSERT_EQ(patch_json("/api/products/" + std::to_string(card), {{"price_cents", 399}},
                       paper.access_token)
                .status,
            200);
  std::vector<std::int64_t> orders;
  for (int i = 0; i < 3; ++i) {
    orders.push_back(buy(card));
    ASSERT_EQ(ship(paper, orders.back()).status, 200);
  }
  // 3.99 at 10% is 0.399: a fee of 40, rounded half up, 359 for the vendor.
  EXPECT_EQ(balance(paper), 3 * 359);
  const auto first_page = statement(paper, "?limit=2");
  EXPECT_EQ(first_page.at("total").as_int64(), 3);
  ASSERT_EQ(first_page.at("items").as_array().size(), 2u);
  EXPECT_EQ(first_page.at("items").at(0).at("order_id").as_int64(), orders[2]);
  EXPECT_EQ(first_page.at("items").at(0).at("fee_cents").as_int64(), 40);
  EXPECT_EQ(first_page.at("items").at(0).at("balance_cents").as_int64(), 3 * 359);
  EXPECT_EQ(first_page.at("items").at(1).at("balance_cents").as_int64(), 2 * 359);
  const auto second_page = statement(paper, "?limit=2&page=2");
  ASSERT_EQ(second_page.at("items").as_array().size(), 1u);
  EXPECT_EQ(second_page.at("items").at(0).at("order_id").as_int64(), orders[0]);
  EXPECT_EQ(second_page.at("items").at(0).at("balance_cents").as_int64(), 359);
  expect_problem(client().get("/api/my/statement?limit=0", paper.access_token), 422, "validation");
}

TEST_P(LedgerApi, OnlyTheVendorReadsItsBalanceAndStatement) {
  const auto order_id = buy(mug);
  ASSERT_EQ(ship(clay, order_id).status, 200);
  const auto shopless = sign_up("shopless@example.com", "vendor");
  for (const auto* path : {"/api/my/balance", "/api/my/statement"}) {
    expect_problem(client().get(path, buyer.access_token), 403, "forbidden");
    expect_problem(client().get(path), 401, "unauthorized");
    expect_problem(client().get(path, shopless.access_token), 409, "shop-required");
  }
  // Another vendor sees only its own books.
  EXPECT_EQ(statement(paper).at("total").as_int64(), 0);
  EXPECT_EQ(balance(paper), 0);
}

TEST_P(LedgerApi, ConcurrentShipsPostOneSale) {
  const auto order_id = buy(mug);
  const auto statuses = all_at_once([&] { return ship(clay, order_id); });
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), kConcurrentRequests - 1);
  EXPECT_EQ(transactions("sale"), 1);
  EXPECT_EQ(balance(clay), 2250);
}

TEST_P(LedgerApi, ConcurrentRefundsPostOneRefund) {
  const auto order_id = buy(mug);
  ASSERT_EQ(ship(clay, order_id).status, 200);
  const auto statuses = all_at_once([&] { return act(clay, order_id, "refund"); });
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), kConcurrentRequests - 1);
  EXPECT_EQ(transactions("refund"), 1);
  EXPECT_EQ(balance(clay), 0);
}

// The order's lock serializes the requests above before the ledger sees
// them; here the same event is posted from concurrent database transactions
// with nothing else in between, and it still posts once.
TEST_P(LedgerApi, ConcurrentPostingsOfOneEventPostOnce) {
  postings_stand_for_orders = false;
  auto& app = server().app();
  const ledger::LedgerTransaction event{
      .kind = "sale",
      .reference = "race",
      .currency = "EUR",
      .memo = "posted by every thread",
      .entries = {{"gateway:clearing", 1000}, {"platform:fees", -100}, {"vendor:0:balance", -900}}};
  std::latch start(kConcurrentRequests);
  std::vector<std::future<std::int64_t>> posted;
  for (int i = 0; i < kConcurrentRequests; ++i)
    posted.push_back(std::async(std::launch::async, [&] {
      start.arrive_and_wait();
      return app.database().transaction(
          [&](db::Connection& sql) { return app.ledger().post(sql, event).id; });
    }));
  std::vector<std::int64_t> ids;
  for (auto& one : posted) ids.push_back(one.get());
  for (const auto id : ids) EXPECT_EQ(id, ids.front());
  EXPECT_EQ(transactions("sale"), 1);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM ledger_entries"), 3);
  EXPECT_EQ(ledger_balance("vendor:0:balance"), -900);
  EXPECT_EQ(ledger_balance("gateway:clearing"), 1000);
}

TEST_P(LedgerApi, AnUnbalancedTransactionIsRefusedAndLeavesNoTrace) {
  auto& app = server().app();
  const ledger::LedgerTransaction unbalanced{
      .kind = "sale",
      .reference = "bad",
      .currency = "EUR",
      .entries = {{"gateway:clearing", 1000}, {"vendor:0:balance", -999}}};
  EXPECT_THROW(
      app.database().transaction([&](db::Connection& sql) { app.ledger().post(sql, unbalanced); }),
      std::logic_error);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM ledger_transactions"), 0);
}

// --- Fees: a percentage plus a fixed fee, the shop's own or the platform's.

class LedgerWithFixedFee : public LedgerApi {
 protected:
  void configure(Config& config) override { config.platform_fee_fixed_cents = 30; }

  void set_fee(const Account& vendor, std::optional<int> bps, std::optional<long long> fixed) {
    server().app().shops().set_fee_override(shop_slug(vendor), {bps, fixed});
  }
};
POCKETSHOP_API_TEST(LedgerWithFixedFee);

TEST_P(LedgerWithFixedFee, TheFeeIsThePercentagePlusTheFixedFeeShownToTheVendorOnly) {
  const auto order_id = buy(mug);                                              // 25.00
  EXPECT_TRUE(order_json(clay, order_id).at("platform_fee_cents").is_null());  // not captured
  ASSERT_EQ(ship(clay, order_id).status, 200);

  const auto seen_by_vendor = order_json(clay, order_id);
  EXPECT_EQ(seen_by_vendor.at("platform_fee_cents").as_int64(), 250 + 30);
  EXPECT_EQ(seen_by_vendor.at("vendor_net_cents").as_int64(), 2500 - 280);
  const auto seen_by_buyer = order_json(buyer, order_id);
  EXPECT_FALSE(seen_by_buyer.contains("platform_fee_cents"));
  EXPECT_FALSE(seen_by_buyer.contains("vendor_net_cents"));
  EXPECT_EQ(seen_by_buyer.at("refunded_cents").as_int64(), 0);
  const auto listed = client().get("/api/my/shop/orders", clay.access_token).json();
  EXPECT_EQ(listed.at("items").at(0).at("platform_fee_cents").as_int64(), 280);
  EXPECT_FALSE(client()
                   .get("/api/orders", buyer.access_token)
                   .json()
                   .at("items")
                   .at(0)
                   .as_object()
                   .contains("platform_fee_cents"));

  EXPECT_EQ(pending(clay), 2220);
  EXPECT_EQ(ledger_balance("platform:fees"), -280);
  const auto shown = client().get("/api/my/balance", clay.access_token).json();
  EXPECT_EQ(shown.at("platform_fee_fixed_cents").as_int64(), 30);
}

TEST_P(LedgerWithFixedFee, TheFeeIsNeverMoreThanTheOrder) {
  ASSERT_EQ(
      patch_json("/api/products/" + std::to_string(card), {{"price_cents", 20}}, paper.access_token)
          .status,
      200);
  const auto order_id = buy(card);  // 0.20: 2 + 30 would be more than all of it
  ASSERT_EQ(ship(paper, order_id).status, 200);
  const auto order = order_json(paper, order_id);
  EXPECT_EQ(order.at("platform_fee_cents").as_int64(), 20);
  EXPECT_EQ(order.at("vendor_net_cents").as_int64(), 0);
  EXPECT_EQ(pending(paper), 0);
  EXPECT_EQ(release_after(30), 0);  // delivered or not, nothing to release
}

TEST_P(LedgerWithFixedFee, AShopsOwnFeeReplacesTheDefaultAndOrdersKeepTheFeeTheyPaid) {
  set_fee(clay, 500, std::nullopt);  // 5%, and the platform's fixed fee
  const auto first = buy(mug);
  ASSERT_EQ(ship(clay, first).status, 200);
  EXPECT_EQ(order_json(clay, first).at("platform_fee_cents").as_int64(), 125 + 30);
  EXPECT_EQ(
      client().get("/api/my/balance", clay.access_token).json().at("platform_fee_bps").as_int64(),
      500);

  set_fee(clay, 2000, 0);
  const auto second = buy(mug);
  ASSERT_EQ(ship(clay, second).status, 200);
  EXPECT_EQ(order_json(clay, second).at("platform_fee_cents").as_int64(), 500);
  EXPECT_EQ(order_json(clay, first).at("platform_fee_cents").as_int64(), 155);  // as it was

  // A refund gives back the fee the order paid, not today's.
  ASSERT_EQ(act(clay, first, "refund").status, 200);
  EXPECT_EQ(ledger_balance("platform:fees"), -500);

  set_fee(clay, std::nullopt, std::nullopt);  // back to the platform's
  EXPECT_EQ(
      client().get("/api/my/balance", clay.access_token).json().at("platform_fee_bps").as_int64(),
      1000);
  EXPECT_THROW(server().app().shops().set_fee_override("no-such-shop", {}), ApiError);
  EXPECT_THROW(set_fee(clay, 5001, std::nullopt), ApiError);
  EXPECT_THROW(set_fee(clay, std::nullopt, -1), ApiError);
}

// --- Pending earnings, released after the hold.

TEST_P(LedgerApi, EarningsStayPendingUntilTheHoldAfterDeliveryHasPassed) {
  const auto shipped_only = buy(mug);
  const auto delivered = buy(mug);
  for (const auto order_id : {shipped_only, delivered}) ASSERT_EQ(ship(clay, order_id).status, 200);
  ASSERT_EQ(act(clay, delivered, "deliver").status, 200);
  EXPECT_EQ(pending(clay), 2 * 2250);

  EXPECT_EQ(release_after(6.9), 0);  // 7 days by default
  EXPECT_EQ(available(clay), 0);
  EXPECT_EQ(release_after(7.01), 1);
  EXPECT_EQ(pending(clay), 2250);  // the order not delivered stays pending
  EXPECT_EQ(available(clay), 2250);
  EXPECT_EQ(balance(clay), 2 * 2250);
  EXPECT_EQ(release_after(7.01), 0);  // released once
  EXPECT_EQ(release_after(365), 0);
  EXPECT_EQ(transactions("release"), 1);
  EXPECT_EQ(ledger_balance(vendor_account(clay)), -2250);

  // The statement shows sales and refunds; a release moves nothing it shows.
  const auto lines = statement(clay);
  EXPECT_EQ(lines.at("total").as_int64(), 2);
  EXPECT_EQ(lines.at("items").at(0).at("balance_cents").as_int64(), 2 * 2250);
}

TEST_P(LedgerApi, ConcurrentReleasesReleaseEachOrderOnce) {
  std::vector<std::int64_t> orders;
  for (int i = 0; i < 3; ++i) {
    orders.push_back(buy(mug));
    ASSERT_EQ(ship(clay, orders.back()).status, 200);
    ASSERT_EQ(act(clay, orders.back(), "deliver").status, 200);
  }
  std::latch start(kConcurrentRequests);
  std::vector<std::future<int>> releasing;
  for (int i = 0; i < kConcurrentRequests; ++i)
    releasing.push_back(std::async(std::launch::async, [&] {
      start.arrive_and_wait();
      return release_after(8);
    }));
  int released = 0;
  for (auto& one : releasing) released += one.get();
  EXPECT_EQ(released, 3);
  EXPECT_EQ(transactions("release"), 3);
  EXPECT_EQ(available(clay), 3 * 2250);
  EXPECT_EQ(pending(clay), 0);
}

class LedgerWithoutHold : public LedgerApi {
 protected:
  void configure(Config& config) override {
    config.payout_hold_days = 0;
    config.release_interval_seconds = 1;
  }
};
POCKETSHOP_API_TEST(LedgerWithoutHold);

TEST_P(LedgerWithoutHold, TheServersOwnTaskReleasesEarningsOnceDue) {
  const auto order_id = buy(mug);
  ASSERT_EQ(ship(clay, order_id).status, 200);
  ASSERT_EQ(act(clay, order_id, "deliver").status, 200);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (available(clay) == 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(available(clay), 2250);
  EXPECT_EQ(pending(clay), 0);
  EXPECT_EQ(transactions("release"), 1);
}

// --- Partial refunds.

TEST_P(LedgerApi, AVendorRefundsItemsOfAnOrder) {
  const auto order_id = buy(mug, 2);  // 50.00
  ASSERT_EQ(ship(clay, order_id).status, 200);
  const auto refunded =
      refund(clay, order_id,
             {{"items", {{{"product_id", mug}, {"quantity", 1}}}}, {"reason", "One broke"}});
  ASSERT_EQ(refunded.status, 201) << refunded.body;
  const auto json = refunded.json();
  EXPECT_EQ(json.at("refund").at("amount_cents").as_int64(), 2500);
  EXPECT_EQ(json.at("refund").at("fee_reversed_cents").as_int64(), 250);
  EXPECT_EQ(json.at("refund").at("items").at(0).at("quantity").as_int64(), 1);
  const auto& order = json.at("order");
  EXPECT_EQ(order.at("status").as_string(), "shipped");
  EXPECT_EQ(order.at("payment_status").as_string(), "captured");
  EXPECT_EQ(order.at("refunded_cents").as_int64(), 2500);
  EXPECT_EQ(order.at("platform_fee_cents").as_int64(), 250);
  EXPECT_EQ(order.at("vendor_net_cents").as_int64(), 2250);
  EXPECT_EQ(at_gateway(order_id).refunded, 2500);

  // The buyer sees the refund, not the fee.
  const auto seen_by_buyer = order_json(buyer, order_id);
  ASSERT_EQ(seen_by_buyer.at("refunds").as_array().size(), 1u);
  const auto& line = seen_by_buyer.at("refunds").at(0);
  EXPECT_EQ(line.at("amount_cents").as_int64(), 2500);
  EXPECT_EQ(line.at("reason").as_string(), "One broke");
  EXPECT_FALSE(line.at("created_at").as_string().empty());
  EXPECT_FALSE(line.as_object().contains("fee_reversed_cents"));

  // One mug is left to refund.
  expect_problem(refund(clay, order_id, {{"items", {{{"product_id", mug}, {"quantity", 2}}}}}), 409,
                 "refund-quantity-exceeded");
  ASSERT_EQ(refund(clay, order_id, {{"items", {{{"product_id", mug}, {"quantity", 1}}}}}).status,
            201);
  const auto done = order_json(clay, order_id);
  EXPECT_EQ(done.at("status").as_string(), "refunded");
  EXPECT_EQ(done.at("payment_status").as_string(), "refunded");
  EXPECT_EQ(done.at("platform_fee_cents").as_int64(), 0);
  EXPECT_EQ(done.at("vendor_net_cents").as_int64(), 0);
  EXPECT_EQ(balance(clay), 0);
}

TEST_P(LedgerApi, ARefundOfAnAmountIsRefusedBeyondWhatIsLeft) {
  const auto order_id = buy(mug);
  ASSERT_EQ(ship(clay, order_id).status, 200);
  expect_problem(refund_amount(clay, order_id, 2501), 409, "refund-exceeds-captured");
  ASSERT_EQ(refund_amount(clay, order_id, 1000).status, 201);
  const auto over = refund_amount(clay, order_id, 1501);
  expect_problem(over, 409, "refund-exceeds-captured");
  EXPECT_EQ(over.json().at("refundable_cents").as_int64(), 1500);
  ASSERT_EQ(refund_amount(clay, order_id, 1500).status, 201);
  EXPECT_EQ(order_json(clay, order_id).at("status").as_string(), "refunded");
  expect_problem(refund_amount(clay, order_id, 1), 409, "order-state");
  EXPECT_EQ(at_gateway(order_id).refunded, 2500);
  EXPECT_EQ(transactions("refund"), 2);
}

TEST_P(LedgerApi, ThreeOddRefundsGiveTheFeeBackExactly) {
  const auto order_id = buy(mug, 2);  // 50.00, a fee of 5.00
  ASSERT_EQ(ship(clay, order_id).status, 200);
  // 500 * 1111 / 5000 = 111.1 -> 111; through 2888: 288.8 -> 288 (177 more);
  // the last gives back the rest, 212: 500 in all.
  const std::vector<std::pair<long long, long long>> parts{{1111, 111}, {1777, 177}, {2112, 212}};
  long long fees_back = 0;
  for (const auto& [amount, fee_back] : parts) {
    const auto result = refund_amount(clay, order_id, amount);
    ASSERT_EQ(result.status, 201) << result.body;
    EXPECT_EQ(result.json().at("refund").at("fee_reversed_cents").as_int64(), fee_back);
    fees_back += fee_back;
    EXPECT_EQ(ledger_balance("platform:fees"), -(500 - fees_back));
  }
  EXPECT_EQ(fees_back, 500);
  EXPECT_EQ(ledger_balance("platform:fees"), 0);
  EXPECT_EQ(ledger_balance("gateway:clearing"), 0);
  EXPECT_EQ(balance(clay), 0);
  EXPECT_EQ(order_json(clay, order_id).at("status").as_string(), "refunded");
  const auto lines = statement(clay);
  EXPECT_EQ(lines.at("total").as_int64(), 4);
  EXPECT_EQ(lines.at("items").at(0).at("kind").as_string(), "refund");
  EXPECT_EQ(lines.at("items").at(0).at("order_id").as_int64(), order_id);
  EXPECT_EQ(lines.at("items").at(0).at("gross_cents").as_int64(), -2112);
  EXPECT_EQ(lines.at("items").at(0).at("fee_cents").as_int64(), -212);
  EXPECT_EQ(lines.at("items").at(0).at("net_cents").as_int64(), -1900);
  EXPECT_EQ(lines.at("items").at(0).at("balance_cents").as_int64(), 0);
}

TEST_P(LedgerApi, ARefundBeforeReleaseComesFromPendingAndAfterItFromAvailable) {
  const auto order_id = buy(mug, 2);  // 50.00: 45.00 for the vendor
  ASSERT_EQ(ship(clay, order_id).status, 200);
  ASSERT_EQ(act(clay, order_id, "deliver").status, 200);
  ASSERT_EQ(refund_amount(clay, order_id, 1000).status, 201);  // fee back 100
  EXPECT_EQ(pending(clay), 4500 - 900);
  EXPECT_EQ(available(clay), 0);

  EXPECT_EQ(release_after(8), 1);
  EXPECT_EQ(pending(clay), 0);
  EXPECT_EQ(available(clay), 3600);

  ASSERT_EQ(refund_amount(clay, order_id, 1000).status, 201);
  EXPECT_EQ(pending(clay), 0);
  EXPECT_EQ(available(clay), 2700);
  ASSERT_EQ(act(clay, order_id, "refund").status, 200);  // all that is left
  EXPECT_EQ(available(clay), 0);
  EXPECT_EQ(at_gateway(order_id).refunded, 5000);
  EXPECT_EQ(order_json(clay, order_id).at("refunds").as_array().size(), 3u);
}

// Before migration 013 a sale credited the vendor's balance and left no hold.
TEST_P(LedgerApi, AnOrderShippedBeforeHoldsExistedIsRefundedFromTheBalance) {
  const auto order_id = buy(mug);
  ASSERT_EQ(ship(clay, order_id).status, 200);
  const auto pending_account = vendor_account(clay, "pending");
  server().app().database().with_session([&](db::Connection& sql) {
    const auto balance_account = vendor_account(clay);
    sql.session() << "UPDATE ledger_entries SET account = :b WHERE account = :p",
        soci::use(balance_account), soci::use(pending_account);
    sql.session() << "UPDATE ledger_balances SET account = :b WHERE account = :p",
        soci::use(balance_account), soci::use(pending_account);
    sql.session() << "DELETE FROM ledger_holds";
  });
  EXPECT_EQ(available(clay), 2250);
  ASSERT_EQ(act(clay, order_id, "deliver").status, 200);
  EXPECT_EQ(release_after(8), 0);  // nothing held

  ASSERT_EQ(refund_amount(clay, order_id, 1000).status, 201);
  EXPECT_EQ(available(clay), 2250 - 900);
  EXPECT_EQ(pending(clay), 0);
  EXPECT_EQ(ledger_balance(pending_account), 0);
}

TEST_P(LedgerApi, TheWholeOrderRefundRefundsWhatIsLeft) {
  const auto order_id = buy(mug);
  ASSERT_EQ(ship(clay, order_id).status, 200);
  ASSERT_EQ(refund_amount(clay, order_id, 999).status, 201);
  const auto rest = act(clay, order_id, "refund", {{"reason", "Gave up"}});
  ASSERT_EQ(rest.status, 200) << rest.body;
  const auto order = rest.json();
  EXPECT_EQ(order.at("status").as_string(), "refunded");
  EXPECT_EQ(order.at("refunded_cents").as_int64(), 2500);
  EXPECT_EQ(order.at("refunds").at(1).at("amount_cents").as_int64(), 1501);
  EXPECT_EQ(order.at("refunds").at(1).at("reason").as_string(), "Gave up");
  EXPECT_EQ(ledger_balance("platform:fees"), 0);
  EXPECT_EQ(balance(clay), 0);
}

TEST_P(LedgerApi, BadRefundRequestsAreRefusedByName) {
  const auto unshipped = buy(mug);
  expect_problem(refund_amount(clay, unshipped, 100), 409, "order-state");
  const auto order_id = buy(card);
  ASSERT_EQ(ship(paper, order_id).status, 200);
  struct Case {
    const char* name;
    boost::json::object body;
    int status;
    const char* type;
  };
  const std::vector<Case> cases{
      {"neither items nor amount", {{"reason", "x"}}, 422, "validation"},
      {"both",
       {{"amount_cents", 100}, {"items", {{{"product_id", card}, {"quantity", 1}}}}},
       422,
       "validation"},
      {"amount zero", {{"amount_cents", 0}}, 422, "validation"},
      {"amount negative", {{"amount_cents", -5}}, 422, "validation"},
      {"amount text", {{"amount_cents", "100"}}, 422, "validation"},
      {"items empty", {{"items", boost::json::array{}}}, 422, "validation"},
      {"items not a list", {{"items", "card"}}, 422, "validation"},
      {"item without quantity", {{"items", {{{"product_id", card}}}}}, 422, "validation"},
      {"item quantity zero",
       {{"items", {{{"product_id", card}, {"quantity", 0}}}}},
       422,
       "validation"},
      {"item twice",
       {{"items",
         {{{"product_id", card}, {"quantity", 1}}, {{"product_id", card}, {"quantity", 1}}}}},
       422,
       "validation"},
      {"item not in the order",
       {{"items", {{{"product_id", mug}, {"quantity", 1}}}}},
       422,
       "validation"},
      {"reason too long",
       {{"amount_cents", 1}, {"reason", std::string(501, 'x')}},
       422,
       "validation"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    expect_problem(refund(paper, order_id, c.body), c.status, c.type);
  }
  const boost::json::object fine{{"amount_cents", 100}};
  expect_problem(refund(buyer, order_id, fine), 403, "forbidden");
  expect_problem(refund(clay, order_id, fine), 404, "not-found");
  expect_problem(refund_amount(paper, order_id, 100, std::string(256, 'k')), 422, "validation");
  const auto text = client().request(
      boost::beast::http::verb::post, "/api/orders/" + std::to_string(order_id) + "/refunds", "[",
      {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + paper.access_token}});
  expect_problem(text, 400, "bad-request");
  EXPECT_EQ(transactions("refund"), 0);
  EXPECT_EQ(at_gateway(order_id).refunded, 0);
}

TEST_P(LedgerApi, ARetryWithTheSameKeyFindsTheFirstRefund) {
  const auto order_id = buy(mug);
  ASSERT_EQ(ship(clay, order_id).status, 200);
  const auto first = refund_amount(clay, order_id, 700, "refund-1");
  ASSERT_EQ(first.status, 201) << first.body;
  const auto again = refund_amount(clay, order_id, 700, "refund-1");
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(again.json().at("refund").at("id"), first.json().at("refund").at("id"));
  expect_problem(refund_amount(clay, order_id, 800, "refund-1"), 422, "validation");
  EXPECT_EQ(at_gateway(order_id).refunded, 700);
  EXPECT_EQ(transactions("refund"), 1);
}

TEST_P(LedgerApi, ConcurrentRefundsWithOneKeyRefundOnce) {
  const auto order_id = buy(mug);
  ASSERT_EQ(ship(clay, order_id).status, 200);
  const auto statuses = all_at_once([&] { return refund_amount(clay, order_id, 1000, "same"); });
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), kConcurrentRequests);
  EXPECT_EQ(count("order_refunds"), 1);
  EXPECT_EQ(transactions("refund"), 1);
  EXPECT_EQ(at_gateway(order_id).refunded, 1000);
  EXPECT_EQ(balance(clay), 2250 - 900);
}

TEST_P(LedgerApi, ConcurrentRefundsForTheLastAmountRefundItOnce) {
  const auto order_id = buy(mug);
  ASSERT_EQ(ship(clay, order_id).status, 200);
  ASSERT_EQ(refund_amount(clay, order_id, 2000).status, 201);
  const auto statuses = all_at_once([&] { return refund_amount(clay, order_id, 400); });
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), kConcurrentRequests - 1);
  EXPECT_EQ(at_gateway(order_id).refunded, 2400);
  EXPECT_EQ(count("order_refunds"), 2);
  EXPECT_LE(at_gateway(order_id).refunded, at_gateway(order_id).received);
}

}  // namespace
}  // namespace ps::testing

namespace ps::testing {
namespace {

// "YYYY-MM-DD" of the UTC day `days` from today.
std::string day_from_today(int days) {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day day{today + std::chrono::days(days)};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

// The CSV's lines without their CRLF, and each line's cells (no quoted cells here).
std::vector<std::vector<std::string>> csv_rows(const std::string& csv) {
  std::vector<std::vector<std::string>> rows;
  std::size_t start = 0;
  while (start < csv.size()) {
    const auto end = csv.find("\r\n", start);
    EXPECT_NE(end, std::string::npos) << "a line without CRLF";
    if (end == std::string::npos) break;
    std::vector<std::string> cells;
    std::size_t cell = start;
    for (std::size_t comma; (comma = csv.find(',', cell)) < end; cell = comma + 1)
      cells.push_back(csv.substr(cell, comma - cell));
    cells.push_back(csv.substr(cell, end - cell));
    rows.push_back(std::move(cells));
    start = end + 2;
  }
  return rows;
}

TEST_P(LedgerApi, TheStatementExportsAsCsvForADateRangeWithRunningBalances) {
  const auto order_id = buy(mug, 2);  // 50.00
  ASSERT_EQ(ship(clay, order_id).status, 200);
  // The sale, three days ago: before the range exported below.
  server().app().database().with_session([&](db::Connection& sql) {
    sql.session() << "UPDATE ledger_transactions SET created_at = created_at - " << 3 * kDayMillis
                  << " WHERE kind = 'sale'";
  });
  ASSERT_EQ(refund(clay, order_id, {{"items", {{{"product_id", mug}, {"quantity", 1}}}}}).status,
            201);
  const auto from = day_from_today(-1), to = day_from_today(1);
  const auto query = "/api/my/statement.csv?from=" + from + "&to=" + to;

  const auto recent = client().get(query, clay.access_token);
  ASSERT_EQ(recent.status, 200) << recent.body;
  EXPECT_EQ(recent.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(recent.header("content-disposition"),
            "attachment; filename=\"statement-" + from + "-to-" + to + ".csv\"");
  auto rows = csv_rows(recent.body);
  ASSERT_EQ(rows.size(), 2u) << recent.body;
  EXPECT_EQ(rows[0], (std::vector<std::string>{"date", "kind", "order_id", "currency", "gross",
                                               "fee", "net", "balance"}));
  // The refund alone, its balance counted over the sale before the range too.
  ASSERT_EQ(rows[1].size(), 8u);
  EXPECT_EQ(rows[1][0].substr(0, 2), "20");
  EXPECT_EQ(rows[1][0].back(), 'Z');
  EXPECT_EQ((std::vector<std::string>(rows[1].begin() + 1, rows[1].end())),
            (std::vector<std::string>{"refund", std::to_string(order_id), "USD", "-25.00", "-2.50",
                                      "-22.50", "22.50"}));

  // Both lines, oldest first.
  const auto all = client().get("/api/my/statement.csv?from=" + day_from_today(-5) + "&to=" + to,
                                clay.access_token);
  ASSERT_EQ(all.status, 200) << all.body;
  rows = csv_rows(all.body);
  ASSERT_EQ(rows.size(), 3u) << all.body;
  EXPECT_EQ((std::vector<std::string>(rows[1].begin() + 1, rows[1].end())),
            (std::vector<std::string>{"sale", std::to_string(order_id), "USD", "50.00", "5.00",
                                      "45.00", "45.00"}));
  EXPECT_EQ(rows[2][1], "refund");

  // A range with nothing in it, and another vendor's books: the header alone.
  const auto header = "date,kind,order_id,currency,gross,fee,net,balance\r\n";
  EXPECT_EQ(client()
                .get("/api/my/statement.csv?from=" + day_from_today(2) + "&to=" + day_from_today(3),
                     clay.access_token)
                .body,
            header);
  EXPECT_EQ(client().get(query, paper.access_token).body, header);
}

TEST_P(LedgerApi, TheBuyerSeesTheCardItPaidWithAndTheVendorDoesNot) {
  const auto order_id = buy(mug, 2);
  const auto seen_by_buyer = order_json(buyer, order_id);
  ASSERT_TRUE(seen_by_buyer.contains("payment")) << seen_by_buyer;
  const auto& payment = seen_by_buyer.at("payment");
  EXPECT_EQ(payment.at("card_brand").as_string(), "visa");
  EXPECT_EQ(payment.at("card_last4").as_string(), "4242");
  EXPECT_EQ(payment.at("amount_cents").as_int64(), 5000);
  EXPECT_FALSE(order_json(clay, order_id).contains("payment"));
  // Lists leave it out.
  const auto listed = client().get("/api/orders", buyer.access_token).json();
  EXPECT_FALSE(listed.at("items").at(0).as_object().contains("payment"));
}

TEST_P(LedgerApi, BadStatementExportRangesAreRefusedByName) {
  const auto shopless = sign_up("shopless@example.com", "vendor");
  const std::string path = "/api/my/statement.csv?from=2026-01-01&to=2026-01-31";
  expect_problem(client().get(path, buyer.access_token), 403, "forbidden");
  expect_problem(client().get(path), 401, "unauthorized");
  expect_problem(client().get(path, shopless.access_token), 409, "shop-required");
  ASSERT_EQ(client().get(path, clay.access_token).status, 200);
  ASSERT_EQ(
      client().get("/api/my/statement.csv?from=2024-01-01&to=2024-12-31", clay.access_token).status,
      200);  // 366 days: a leap year at most

  const std::pair<const char*, const char*> refused[] = {
      {"", "from"},
      {"?from=2026-01-01", "to"},
      {"?to=2026-01-01", "from"},
      {"?from=2026-02-30&to=2026-03-01", "from"},
      {"?from=2026-1-01&to=2026-03-01", "from"},
      {"?from=2026-01-01&to=2026-13-01", "to"},
      {"?from=+026-01-01&to=2026-03-01", "from"},
      {"?from=2026-01-01T00:00&to=2026-03-01", "from"},
      {"?from=2026-03-02&to=2026-03-01", "to"},
      {"?from=2025-01-01&to=2026-01-02", "to"},  // 367 days
  };
  for (const auto& [query, field] : refused) {
    const auto result =
        client().get(std::string("/api/my/statement.csv") + query, clay.access_token);
    expect_problem(result, 422, "validation");
    EXPECT_TRUE(result.json().at("errors").as_object().contains(field)) << query << result.body;
  }
}

}  // namespace
}  // namespace ps::testing
