// The ledger behind orders: a shipped order's sale splits its total between
// the platform's fee and the vendor's balance, a refund reverses it, every
// business event posts once (also when requests race), and vendors read
// their own balance and statement only. After every scenario the books
// balance: each transaction sums to zero and the balances are the entries.
#include "api/checkout_test.h"

#include "ledger/service.h"

#include <future>
#include <latch>
#include <vector>

namespace ps::testing {
namespace {

constexpr int kConcurrentRequests = 8;

class LedgerApi : public CheckoutTest {
 protected:
  void TearDown() override {
    expect_books_balance();
    CheckoutTest::TearDown();
  }

  std::int64_t buy(std::int64_t product, long long quantity = 1) {
    fill_cart(buyer, product, quantity);
    const auto placed = checkout(buyer, checkout_body(kApproves));
    EXPECT_EQ(placed.status, 201) << placed.body;
    return placed.json().at("orders").at(0).at("id").as_int64();
  }

  long long sql_number(const std::string& query) {
    long long n = 0;
    server().app().database().with_session([&](db::Connection& sql) {
      soci::indicator indicator = soci::i_ok;
      sql.session() << query, soci::into(n, indicator);
      if (indicator != soci::i_ok) n = 0;
    });
    return n;
  }

  // The invariants, in SQL over the tables themselves.
  void expect_books_balance() {
    EXPECT_EQ(sql_number("SELECT COUNT(*) FROM (SELECT transaction_id FROM ledger_entries "
                         "GROUP BY transaction_id HAVING SUM(amount) <> 0) unbalanced"),
              0);
    EXPECT_EQ(
        sql_number("SELECT COUNT(*) FROM ledger_transactions t WHERE "
                   "(SELECT COUNT(*) FROM ledger_entries e WHERE e.transaction_id = t.id) < 2"),
        0);
    EXPECT_EQ(sql_number("SELECT COUNT(*) FROM ledger_balances b WHERE b.amount <> "
                         "(SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e JOIN "
                         "ledger_transactions t ON t.id = e.transaction_id "
                         "WHERE e.account = b.account AND t.currency = b.currency)"),
              0);
    EXPECT_EQ(sql_number("SELECT COUNT(*) FROM (SELECT DISTINCT e.account, t.currency FROM "
                         "ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id) "
                         "moved WHERE NOT EXISTS (SELECT 1 FROM ledger_balances b WHERE "
                         "b.account = moved.account AND b.currency = moved.currency)"),
              0);
  }

  long long ledger_balance(const std::string& account) {
    return sql_number("SELECT SUM(amount) FROM ledger_balances WHERE account = '" + account + "'");
  }
  long long transactions(const std::string& kind) {
    return sql_number("SELECT COUNT(*) FROM ledger_transactions WHERE kind = '" + kind + "'");
  }

  std::string vendor_account(const Account& vendor) {
    const auto shop = client().get("/api/my/shop", vendor.access_token).json();
    return "vendor:" + std::to_string(shop.at("id").as_int64()) + ":balance";
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
  EXPECT_EQ(ledger_balance(vendor_account(clay)), -2250);
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

}  // namespace
}  // namespace ps::testing
