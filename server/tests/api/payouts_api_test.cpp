// Payouts: a vendor connects an account at the (real, test-mode) gateway and
// is paid its available balance, on request or on a schedule; the payout
// takes the balance in one transaction with its ledger posting and its job,
// the job transfers and pays out at the gateway, and the gateway's events
// finish it: paid, or failed with the money back in the balance. Concurrent
// requests and runs pay once and never overdraw, and after every scenario
// the books balance and agree with the orders and payouts. What each order
// earned (gross, fee, refunds, the fee they gave back, net) is read from the
// ledger, with where its money stands: pending, available, in a payout, paid.
#include "api/checkout_test.h"
#include "support/card_tokens.h"
#include "support/gateway_process.h"
#include "support/ledger_invariants.h"
#include "support/stripe_signature.h"

#include <sodium.h>

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <future>
#include <latch>
#include <mutex>
#include <numeric>
#include <thread>

namespace ps::testing {
namespace {

namespace json = boost::json;

constexpr const char* kSecret = "whsec_payouts_tests_0123456789";
constexpr int kConcurrentRequests = 8;

std::string signature(const std::string& body) { return stripe_signature(kSecret, body); }

class PayoutsApi : public CheckoutTest {
 protected:
  void configure(Config& config) override {
    config.payment_webhook_secret = kSecret;
    config.job_workers = 0;  // the tests run the jobs
  }

  void TearDown() override {
    const SqlNumber number = [this](const std::string& query) { return sql_number(query); };
    expect_ledger_balanced(number);
    expect_ledger_agrees_with_orders(number);
    expect_payouts_sound();
    CheckoutTest::TearDown();
  }

  // Beyond the ledger's invariants: no vendor is overdrawn by payouts, and
  // no order is covered by two payouts that stand.
  void expect_payouts_sound() {
    EXPECT_EQ(sql_number("SELECT COUNT(*) FROM ledger_balances WHERE account LIKE "
                         "'vendor:%:balance' AND amount > 0"),
              0);  // never overdrawn
    EXPECT_EQ(sql_number("SELECT COUNT(*) FROM (SELECT po.order_id FROM payout_orders po JOIN "
                         "payouts p ON p.id = po.payout_id WHERE p.status <> 'failed' "
                         "GROUP BY po.order_id HAVING COUNT(*) > 1) twice"),
              0);
  }

  // An order of the product, shipped, delivered and past its hold.
  std::int64_t earn(const Account& vendor, std::int64_t product) {
    const auto order = delivered_order(buyer, vendor, product);
    server().app().ledger().release_due(now_millis() + 30 * kDayMillis);
    return order;
  }

  HttpResult connect(const Account& vendor, const std::string& failure = {}) {
    json::object body;
    if (!failure.empty()) body["test_payout_failure"] = failure;
    return client().post_json("/api/my/payout-account", body, vendor.access_token);
  }

  HttpResult settings(const Account& vendor, const json::object& body) {
    return client().request(
        boost::beast::http::verb::put, "/api/my/payout-settings", json::serialize(body),
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + vendor.access_token}});
  }

  HttpResult request_payout(const Account& vendor, const std::string& key = {}) {
    Headers headers{{"Content-Type", "application/json"},
                    {"Authorization", "Bearer " + vendor.access_token}};
    if (!key.empty()) headers.emplace_back("Idempotency-Key", key);
    return client().request(boost::beast::http::verb::post, "/api/my/payouts", "{}", headers);
  }

  json::object balance_line(const Account& vendor) {
    const auto answer = client().get("/api/my/balance", vendor.access_token).json();
    const auto& lines = answer.at("balances").as_array();
    return lines.empty() ? json::object{} : lines.at(0).as_object();
  }

  json::array payouts(const Account& vendor) {
    const auto answer = client().get("/api/my/payouts", vendor.access_token);
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.json().at("items").as_array();
  }

  int run_jobs() { return run_due_jobs_but_mail(); }

  // The vendor's one payout, for its one earned order (22.50 net), failed
  // with failure_code: its money is available again (one reversal posted),
  // and the next payout covers the order again.
  void expect_failed_and_given_back(const Account& vendor, std::int64_t order,
                                    const std::string& failure_code) {
    const auto listed = payouts(vendor);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed.at(0).at("status").as_string(), "failed");
    EXPECT_EQ(listed.at(0).at("failure_code").as_string(), failure_code);
    EXPECT_EQ(listed.at(0).at("failure_reason").as_string(), payouts::failure_reason(failure_code));
    EXPECT_EQ(listed.at(0).at("order_ids"), json::value(json::array{order}));
    const auto line = balance_line(vendor);
    EXPECT_EQ(line.at("available_cents").as_int64(), 2250);
    EXPECT_EQ(line.at("paid_cents").as_int64(), 0);
    EXPECT_EQ(sql_number("SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'payout_reversal'"),
              1);
    // The vendor is told, by the bell and by mail, with the reason.
    const auto told = notifications_of(vendor, "payout_failed");
    ASSERT_EQ(told.size(), 1u);
    EXPECT_EQ(told[0].at("title").as_string(), "Payout of $22.50 failed");
    EXPECT_EQ(told[0].at("body").as_string(), "Not paid: " + payouts::failure_reason(failure_code) +
                                                  ". The money is back in your balance.");
    std::vector<OutboxMail> mails;
    for (const auto& mail : mails_to(vendor.email))
      if (mail.kind == "payout_failed") mails.push_back(mail);
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_NE(mails[0].text_body.find("Reason code"), std::string::npos) << mails[0].text_body;
    EXPECT_NE(mails[0].text_body.find(failure_code), std::string::npos) << mails[0].text_body;
    const auto retry = request_payout(vendor);
    ASSERT_EQ(retry.status, 201) << retry.body;
    EXPECT_EQ(retry.json().at("order_ids"), json::value(json::array{order}));
  }

  // What the gateway would post: for each payout it has, its payout.paid or
  // payout.failed event, delivered signed to our webhook; then the jobs run.
  void deliver_payout_events(const Account& vendor) {
    const auto account = std::string(client()
                                         .get("/api/my/payout-account", vendor.access_token)
                                         .json()
                                         .at("gateway_account_id")
                                         .as_string());
    for (const auto& listed : payouts(vendor)) {
      const auto& id = listed.at("gateway_payout_id");
      if (!id.is_string()) continue;
      const auto at_gateway = test_gateway().get("/v1/payouts/" + std::string(id.as_string()),
                                                 {{"Stripe-Account", account}});
      ASSERT_EQ(at_gateway.status, 200) << at_gateway.body;
      const auto object = at_gateway.json().as_object();
      const std::string status(object.at("status").as_string());
      ASSERT_TRUE(status == "paid" || status == "failed") << status;
      const auto body =
          json::serialize(json::object{{"id", "evt_" + std::string(id.as_string()) + "_" + status},
                                       {"object", "event"},
                                       {"created", unix_now()},
                                       {"type", "payout." + status},
                                       {"account", account},
                                       {"data", {{"object", object}}}});
      for (int delivery = 0; delivery < 2; ++delivery) {  // at least once: twice
        const auto answer = client().request(
            boost::beast::http::verb::post, "/api/payments/webhook", body,
            {{"Content-Type", "application/json"}, {"Stripe-Signature", signature(body)}});
        ASSERT_EQ(answer.status, 200) << answer.body;
      }
    }
    run_jobs();
  }

  HttpResult refund_amount(const Account& vendor, std::int64_t order, long long amount) {
    return client().request(
        boost::beast::http::verb::post, "/api/orders/" + std::to_string(order) + "/refunds",
        json::serialize(json::object{{"amount_cents", amount}}),
        {{"Content-Type", "application/json"},
         {"Authorization", "Bearer " + vendor.access_token},
         {"Idempotency-Key", "refund-" + std::to_string(order) + "-" + std::to_string(amount)}});
  }

  HttpResult earnings_of(const Account& who, std::int64_t order) {
    return client().get("/api/my/earnings/orders/" + std::to_string(order), who.access_token);
  }

  json::object order_earnings_page(const Account& vendor, const std::string& query = {}) {
    const auto answer = client().get("/api/my/earnings/orders" + query, vendor.access_token);
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.json().as_object();
  }

  std::vector<int> all_at_once(const std::function<int()>& request) {
    std::latch start(kConcurrentRequests);
    std::vector<std::future<int>> sent;
    for (int i = 0; i < kConcurrentRequests; ++i)
      sent.push_back(std::async(std::launch::async, [&] {
        start.arrive_and_wait();
        return request();
      }));
    std::vector<int> statuses;
    for (auto& one : sent) statuses.push_back(one.get());
    return statuses;
  }
};
POCKETSHOP_API_TEST(PayoutsApi);

TEST_P(PayoutsApi, AVendorConnectsOneAccountAndSetsItsSchedule) {
  const auto none = client().get("/api/my/payout-account", clay.access_token);
  EXPECT_EQ(none.status, 200) << none.body;
  EXPECT_EQ(none.body, "null");
  expect_problem(request_payout(clay), 409, "payout-account-required");
  const auto first = connect(clay);
  ASSERT_EQ(first.status, 200) << first.body;
  const std::string account(first.json().at("gateway_account_id").as_string());
  EXPECT_TRUE(account.starts_with("acct_")) << account;
  EXPECT_EQ(first.json().at("schedule").as_string(), "manual");
  const auto again = connect(clay);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json().at("gateway_account_id").as_string(), account);
  const auto at_gateway = test_gateway().get("/v1/accounts/" + account);
  ASSERT_EQ(at_gateway.status, 200) << at_gateway.body;
  EXPECT_EQ(at_gateway.json().at("email").as_string(), "clay@example.com");

  const auto weekly = settings(clay, {{"schedule", "weekly"}, {"minimum_cents", 1000}});
  ASSERT_EQ(weekly.status, 200) << weekly.body;
  EXPECT_EQ(weekly.json().at("schedule").as_string(), "weekly");
  EXPECT_EQ(weekly.json().at("minimum_cents").as_int64(), 1000);
  EXPECT_EQ(
      client().get("/api/my/payout-account", clay.access_token).json().at("schedule").as_string(),
      "weekly");
  expect_problem(settings(clay, {{"schedule", "hourly"}}), 422, "validation");
  expect_problem(settings(clay, {{"schedule", "daily"}, {"minimum_cents", -1}}), 422, "validation");
  expect_problem(settings(paper, {{"schedule", "daily"}}), 409, "payout-account-required");
  expect_problem(connect(buyer), 403, "forbidden");
  expect_problem(client().get("/api/my/payouts"), 401, "unauthorized");
}

TEST_P(PayoutsApi, APayoutOnRequestPaysTheAvailableBalanceAndListsItsOrders) {
  ASSERT_EQ(connect(clay).status, 200);
  const auto first = earn(clay, mug);
  const auto second = earn(clay, mug);
  EXPECT_EQ(balance_line(clay).at("available_cents").as_int64(), 2 * 2250);

  ASSERT_EQ(settings(clay, {{"schedule", "manual"}, {"minimum_cents", 5000}}).status, 200);
  const auto below = request_payout(clay);
  expect_problem(below, 409, "payout-below-minimum");
  EXPECT_EQ(below.json().at("available_cents").as_int64(), 4500);
  ASSERT_EQ(settings(clay, {{"schedule", "manual"}, {"minimum_cents", 1000}}).status, 200);

  const auto made = request_payout(clay);
  ASSERT_EQ(made.status, 201) << made.body;
  const auto payout = made.json().as_object();
  EXPECT_EQ(payout.at("amount_cents").as_int64(), 4500);
  EXPECT_EQ(payout.at("status").as_string(), "pending");
  EXPECT_EQ(payout.at("order_ids"), json::value(json::array{first, second}));
  auto line = balance_line(clay);
  EXPECT_EQ(line.at("available_cents").as_int64(), 0);
  EXPECT_EQ(line.at("paid_cents").as_int64(), 4500);
  expect_problem(request_payout(clay), 409, "payout-below-minimum");  // nothing left

  EXPECT_EQ(run_jobs(), 1);
  auto listed = payouts(clay);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed.at(0).at("status").as_string(), "in_transit");
  EXPECT_TRUE(listed.at(0).at("gateway_transfer_id").as_string().starts_with("tr_"));
  EXPECT_TRUE(listed.at(0).at("gateway_payout_id").as_string().starts_with("po_"));

  deliver_payout_events(clay);
  listed = payouts(clay);
  EXPECT_EQ(listed.at(0).at("status").as_string(), "paid");
  EXPECT_EQ(listed.at(0).at("order_ids"), json::value(json::array{first, second}));
  // The vendor is told once, by mail and in the bell, however often the event comes.
  deliver_payout_events(clay);
  std::vector<OutboxMail> sent;
  for (auto& mail : mails_to(clay.email))
    if (mail.kind == "payout_paid") sent.push_back(mail);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].subject, "Payout sent: $45.00");
  EXPECT_EQ(client()
                .get("/api/me/notifications", clay.access_token)
                .json()
                .at("items")
                .at(0)
                .at("kind")
                .as_string(),
            "payout_paid");
  line = balance_line(clay);
  EXPECT_EQ(line.at("paid_cents").as_int64(), 4500);
  EXPECT_EQ(line.at("available_cents").as_int64(), 0);

  // A later order is the next payout's alone.
  const auto third = earn(clay, mug);
  ASSERT_EQ(settings(clay, {{"schedule", "manual"}, {"minimum_cents", 0}}).status, 200);
  const auto next = request_payout(clay);
  ASSERT_EQ(next.status, 201) << next.body;
  EXPECT_EQ(next.json().at("order_ids"), json::value(json::array{third}));
  EXPECT_EQ(next.json().at("amount_cents").as_int64(), 2250);
}

TEST_P(PayoutsApi, ConcurrentRequestsWithOneKeyPayOnce) {
  ASSERT_EQ(connect(clay).status, 200);
  earn(clay, mug);
  const auto statuses = all_at_once([&] { return request_payout(clay, "payout-key-1").status; });
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), kConcurrentRequests - 1);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM payouts"), 1);
  const auto replay = request_payout(clay, "payout-key-1");
  EXPECT_EQ(replay.status, 200);
  EXPECT_EQ(replay.json().at("amount_cents").as_int64(), 2250);
  EXPECT_EQ(run_jobs(), 1);
  EXPECT_EQ(run_jobs(), 0);
}

TEST_P(PayoutsApi, ConcurrentRequestsWithOtherKeysNeverOverdraw) {
  ASSERT_EQ(connect(clay).status, 200);
  earn(clay, mug);
  int n = 0;
  std::mutex mutex;
  const auto statuses = all_at_once([&] {
    std::string key;
    {
      std::lock_guard lock(mutex);
      key = "key-" + std::to_string(++n);
    }
    return request_payout(clay, key).status;
  });
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), kConcurrentRequests - 1);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM payouts"), 1);
  EXPECT_EQ(balance_line(clay).at("available_cents").as_int64(), 0);
  EXPECT_EQ(balance_line(clay).at("paid_cents").as_int64(), 2250);
}

TEST_P(PayoutsApi, AFailedPayoutReturnsTheMoneyToTheBalance) {
  ASSERT_EQ(connect(clay, "account_closed").status, 200);
  const auto order = earn(clay, mug);
  ASSERT_EQ(request_payout(clay).status, 201);
  EXPECT_EQ(run_jobs(), 1);
  deliver_payout_events(clay);

  expect_failed_and_given_back(clay, order, "account_closed");
}

// A transfer the gateway refuses for good (its account is gone) moves no
// money and cannot succeed later: the payout fails at once, its money back in
// the balance, and its job is done rather than retried until it dies.
TEST_P(PayoutsApi, ATransferTheGatewayRefusesFailsThePayoutAtOnce) {
  ASSERT_EQ(connect(clay).status, 200);
  const auto order = earn(clay, mug);
  server().app().database().with_session([](db::Connection& sql) {
    sql.session() << "UPDATE payout_accounts SET gateway_account_id = 'acct_gone'";
  });
  ASSERT_EQ(request_payout(clay).status, 201);
  EXPECT_EQ(run_jobs(), 1);

  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM jobs WHERE kind = 'payout' AND status = 'done'"), 1);
  EXPECT_EQ(run_jobs(), 0);
  expect_failed_and_given_back(clay, order, "transfer_resource_missing");
}

TEST_P(PayoutsApi, ScheduledRunsMakeOnePayoutPerPeriodEvenWhenConcurrent) {
  ASSERT_EQ(connect(clay).status, 200);
  ASSERT_EQ(connect(paper).status, 200);
  ASSERT_EQ(settings(clay, {{"schedule", "daily"}, {"minimum_cents", 0}}).status, 200);
  // paper stays manual: never paid by the schedule.
  earn(clay, mug);
  earn(paper, card);
  const auto now = now_millis();
  const auto created = all_at_once([&] { return server().app().payouts().create_scheduled(now); });
  EXPECT_EQ(std::accumulate(created.begin(), created.end(), 0), 1);
  EXPECT_EQ(server().app().run_payouts(now), 0);  // the same day again: nothing new
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM payouts"), 1);
  EXPECT_EQ(payouts(clay).at(0).at("status").as_string(), "in_transit");
  EXPECT_TRUE(payouts(clay).at(0).at("scheduled").as_bool());
  EXPECT_EQ(payouts(paper).size(), 0u);

  // The next day's earnings are the next day's payout.
  earn(clay, mug);
  EXPECT_EQ(server().app().run_payouts(now + kDayMillis), 1);
  EXPECT_EQ(server().app().run_payouts(now + kDayMillis), 0);
  EXPECT_EQ(payouts(clay).size(), 2u);
}

// The default fee is 10%: a 25.00 mug earns 22.50. A refund of 10.00 gives
// back 1.00 of the fee (10.00 / 25.00 of it), so the vendor loses 9.00.
TEST_P(PayoutsApi, EachOrderShowsWhatItEarnedAfterRefundsAndWhereItsMoneyStands) {
  ASSERT_EQ(connect(clay).status, 200);
  const auto partly = earn(clay, mug);
  const auto fully = earn(clay, mug);
  ASSERT_EQ(refund_amount(clay, partly, 1000).status, 201);
  ASSERT_EQ(refund_amount(clay, fully, 2500).status, 201);
  fill_cart(buyer, mug, 1);
  const auto placed = checkout(buyer, checkout_body(kApproves));
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto held = placed.json().at("orders").at(0).at("id").as_int64();
  ASSERT_EQ(ship(clay, held).status, 200);

  auto page = order_earnings_page(clay);
  EXPECT_EQ(page.at("total").as_int64(), 3);
  auto items = page.at("items").as_array();
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items.at(0).at("order_id").as_int64(), held);  // newest sale first
  EXPECT_EQ(items.at(1).at("order_id").as_int64(), fully);
  EXPECT_EQ(items.at(2).at("order_id").as_int64(), partly);
  const struct {
    std::int64_t order;
    long long gross, fee, refunded, fee_returned, net;
    std::string status;
  } expected[] = {
      {held, 2500, 250, 0, 0, 2250, "pending"},
      {fully, 2500, 250, 2500, 250, 0, "available"},
      {partly, 2500, 250, 1000, 100, 1350, "available"},
  };
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    const auto& want = expected[i];
    const auto& got = items.at(i).as_object();
    SCOPED_TRACE("order " + std::to_string(want.order));
    EXPECT_EQ(got.at("currency").as_string(), "USD");
    EXPECT_EQ(got.at("gross_cents").as_int64(), want.gross);
    EXPECT_EQ(got.at("fee_cents").as_int64(), want.fee);
    EXPECT_EQ(got.at("refunded_cents").as_int64(), want.refunded);
    EXPECT_EQ(got.at("fee_returned_cents").as_int64(), want.fee_returned);
    EXPECT_EQ(got.at("net_cents").as_int64(), want.net);
    EXPECT_EQ(got.at("status").as_string(), want.status);
    EXPECT_TRUE(got.at("payout_id").is_null());
    EXPECT_EQ(got.at("available_at").is_null(), want.order == held);  // not delivered yet
    // One order's own answer is its item of the list.
    const auto one = earnings_of(clay, want.order);
    ASSERT_EQ(one.status, 200) << one.body;
    EXPECT_EQ(one.json(), items.at(i));
  }
  // The orders' nets are what the vendor is owed.
  const auto line = balance_line(clay);
  EXPECT_EQ(line.at("available_cents").as_int64(), 1350 + 0);
  EXPECT_EQ(line.at("pending_cents").as_int64(), 2250);

  page = order_earnings_page(clay, "?limit=2&page=2");
  EXPECT_EQ(page.at("pages").as_int64(), 2);
  ASSERT_EQ(page.at("items").as_array().size(), 1u);
  EXPECT_EQ(page.at("items").at(0).at("order_id").as_int64(), partly);

  // The payout covers the released orders: in a payout, then paid out.
  const auto made = request_payout(clay);
  ASSERT_EQ(made.status, 201) << made.body;
  const auto payout_id = made.json().at("id").as_int64();
  auto partly_now = earnings_of(clay, partly).json();
  EXPECT_EQ(partly_now.at("status").as_string(), "in_payout");
  EXPECT_EQ(partly_now.at("payout_id").as_int64(), payout_id);
  EXPECT_EQ(earnings_of(clay, held).json().at("status").as_string(), "pending");
  EXPECT_EQ(run_jobs(), 1);
  deliver_payout_events(clay);
  items = order_earnings_page(clay).at("items").as_array();
  EXPECT_EQ(items.at(0).at("status").as_string(), "pending");
  for (std::size_t i : {1u, 2u}) {
    EXPECT_EQ(items.at(i).at("status").as_string(), "paid_out");
    EXPECT_EQ(items.at(i).at("payout_id").as_int64(), payout_id);
  }
  EXPECT_EQ(items.at(2).at("net_cents").as_int64(), 1350);  // a payout changes no figure
}

TEST_P(PayoutsApi, AVendorReadsOnlyItsOwnShopsCapturedOrders) {
  const auto order = earn(clay, mug);
  fill_cart(buyer, card, 1);
  const auto placed = checkout(buyer, checkout_body(kApproves));
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto not_shipped = placed.json().at("orders").at(0).at("id").as_int64();

  const struct {
    std::string name;
    const Account* who;
    std::string path;
    int status;
    std::string type;
  } cases[] = {
      {"the owner", &clay, "/api/my/earnings/orders/" + std::to_string(order), 200, ""},
      {"another vendor", &paper, "/api/my/earnings/orders/" + std::to_string(order), 404,
       "not-found"},
      {"a buyer", &buyer, "/api/my/earnings/orders/" + std::to_string(order), 403, "forbidden"},
      {"a guest", nullptr, "/api/my/earnings/orders/" + std::to_string(order), 401, "unauthorized"},
      {"a buyer's list", &buyer, "/api/my/earnings/orders", 403, "forbidden"},
      {"not captured yet", &paper, "/api/my/earnings/orders/" + std::to_string(not_shipped), 404,
       "not-found"},
      {"no such order", &clay, "/api/my/earnings/orders/999999", 404, "not-found"},
      {"not an id", &clay, "/api/my/earnings/orders/abc", 404, "not-found"},
      {"a bad page", &clay, "/api/my/earnings/orders?page=0", 422, "validation"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto answer = client().get(c.path, c.who ? c.who->access_token : std::string());
    if (c.status == 200)
      EXPECT_EQ(answer.status, 200) << answer.body;
    else
      expect_problem(answer, c.status, c.type);
  }
  EXPECT_EQ(order_earnings_page(paper).at("total").as_int64(), 0);
  EXPECT_EQ(order_earnings_page(clay).at("total").as_int64(), 1);
}

}  // namespace
}  // namespace ps::testing
