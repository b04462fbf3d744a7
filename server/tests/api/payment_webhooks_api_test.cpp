// The gateway's webhook events: Stripe's signature scheme (computed here
// with libsodium, as the protocol says, not with the server's code), the
// event recorded once however often it is delivered, its job applying it
// once, snapshots that ignore older events, and disputes taken back from the
// vendors with the books still balanced.
#include "api/checkout_test.h"
#include "support/card_tokens.h"
#include "support/gateway_process.h"
#include "support/ledger_invariants.h"
#include "support/race.h"
#include "support/stripe_signature.h"

#include <soci/soci.h>
#include <sodium.h>

#include <gmock/gmock.h>
#include <boost/json.hpp>

#include <chrono>
#include <future>
#include <thread>

namespace ps::testing {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;

constexpr const char* kSecret = "whsec_test_0123456789abcdef";

std::string signature(const std::string& body, std::int64_t t = unix_now(),
                      const std::string& secret = kSecret) {
  return stripe_signature(secret, body, t);
}

std::string event_body(const std::string& id, const std::string& type, std::int64_t created,
                       const json::object& object) {
  return json::serialize(json::object{{"id", id},
                                      {"object", "event"},
                                      {"api_version", "2024-06-20"},
                                      {"created", created},
                                      {"type", type},
                                      {"livemode", false},
                                      {"data", {{"object", object}}}});
}

class PaymentWebhooksApi : public CheckoutTest {
 protected:
  void configure(Config& config) override {
    config.payment_webhook_secret = kSecret;
    config.job_workers = 0;  // the tests run the jobs
  }

  void TearDown() override {
    const SqlNumber number = [this](const std::string& query) { return sql_number(query); };
    expect_ledger_balanced(number);
    expect_ledger_agrees_with_orders(number);
    CheckoutTest::TearDown();
  }

  HttpResult deliver(const std::string& body, const std::optional<std::string>& header) {
    Headers headers{{"Content-Type", "application/json; charset=utf-8"}};
    if (header) headers.emplace_back("Stripe-Signature", *header);
    return client().request(boost::beast::http::verb::post, "/api/payments/webhook", body, headers);
  }
  HttpResult deliver(const std::string& body) { return deliver(body, signature(body)); }

  int run_jobs() { return run_due_jobs_but_mail(); }

  std::string sql_text(const std::string& query) {
    std::string text;
    server().app().database().with_session([&](db::Connection& sql) {
      soci::indicator indicator = soci::i_ok;
      sql.session() << query, soci::into(text, indicator);
      if (indicator != soci::i_ok) text.clear();
    });
    return text;
  }
  std::string payment_column(std::int64_t order_id, const std::string& column) {
    return sql_text("SELECT CAST(p." + column +
                    " AS TEXT) FROM payments p JOIN orders o ON o.payment_id = p.id WHERE o.id = " +
                    std::to_string(order_id));
  }
  long long processed(const std::string& event_id) {
    return sql_number("SELECT COUNT(*) FROM payment_events WHERE id = '" + event_id +
                      "' AND processed_at IS NOT NULL");
  }
  long long ledger_balance(const std::string& account) {
    return sql_number("SELECT COALESCE(SUM(amount), 0) FROM ledger_balances WHERE account LIKE '" +
                      account + "' AND account NOT LIKE '%:payouts'");
  }
  // The vendor's accounts, pending and available ("vendor:<shop>:%"): what
  // the ledger owes them is minus their sum.
  std::string vendor_account(const Account& vendor) {
    const auto shop = client().get("/api/my/shop", vendor.access_token).json();
    return "vendor:" + std::to_string(shop.at("id").as_int64()) + ":%";
  }
  // One dispute of clay's order, whatever events carried it: the order's
  // hold and the vendor's pending account both keep `held` (what the dispute
  // left), and the vendor was told once.
  void expect_disputed_once(std::int64_t order, long long held) {
    const auto shop =
        sql_text("SELECT CAST(shop_id AS TEXT) FROM orders WHERE id = " + std::to_string(order));
    EXPECT_EQ(ledger_balance("vendor:" + shop + ":pending"), -held);
    EXPECT_EQ(sql_number("SELECT amount FROM ledger_holds WHERE reference = '" +
                         std::to_string(order) + "'"),
              held);
    EXPECT_EQ(notifications_of(clay, "payment_disputed").size(), 1u);
  }
  // What the vendor's earnings of the order say (GET /api/my/earnings/orders/{id}).
  boost::json::value earnings_of(const Account& vendor, std::int64_t order) {
    const auto response =
        client().get("/api/my/earnings/orders/" + std::to_string(order), vendor.access_token);
    EXPECT_EQ(response.status, 200) << response.body;
    return response.json();
  }
  // The vendor (clay or paper) of the shop the order is from.
  const Account& vendor_of(std::int64_t order) {
    const auto clays =
        client().get("/api/my/earnings/orders/" + std::to_string(order), clay.access_token);
    return clays.status == 200 ? clay : paper;
  }
  // Runs the two due jobs (two payment events) at once, as two runners or
  // instances would: `hold_query` (a SELECT ... FOR UPDATE) holds a row in
  // another transaction until both jobs wait for a lock, then lets go.
  void run_two_jobs_at_once(const std::string& hold_query) {
    auto& database = server().app().database();
    auto& jobs = server().app().jobs();
    const auto first = jobs.claim(), second = jobs.claim();
    ASSERT_TRUE(first && second);
    ASSERT_EQ(first->kind, "payment_event");
    ASSERT_EQ(second->kind, "payment_event");
    std::promise<void> held, release;
    std::thread holder([&] {
      database.transaction([&](db::Connection& sql) {
        long long value = 0;
        sql.session() << hold_query, soci::into(value);
        held.set_value();
        release.get_future().wait();
      });
    });
    held.get_future().wait();
    auto run_first = std::async(std::launch::async, [&] { return jobs.run(*first); });
    auto run_second = std::async(std::launch::async, [&] { return jobs.run(*second); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    long long waiting = 0;
    while ((waiting = sql_number("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = "
                                 "current_database() AND wait_event_type = 'Lock'")) < 2 &&
           std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EXPECT_EQ(waiting, 2) << "both jobs wait for a lock";
    release.set_value();
    holder.join();
    EXPECT_TRUE(run_first.get());
    EXPECT_TRUE(run_second.get());
  }

  // The test gateway's event of `type` about `intent`'s dispute, as it
  // would have posted it (the shop's test server is not its webhook target).
  std::string gateway_dispute_event(const std::string& type, const std::string& intent) {
    const auto events = test_gateway().get("/v1/events?type=" + type + "&limit=100").json();
    for (const auto& event : events.at("data").as_array())
      if (event.at("data").at("object").at("payment_intent") == intent.c_str())
        return json::serialize(event);
    ADD_FAILURE() << "the gateway sent no " << type << " for " << intent;
    return {};
  }
  // Clay's order, paid with the card whose buyer disputes it and shipped
  // (captured): the gateway opened the dispute, and its event is applied.
  std::int64_t disputed_order() {
    fill_cart(buyer, mug, 1);
    const auto placed = checkout(buyer, checkout_body(kDisputed));
    EXPECT_EQ(placed.status, 201) << placed.body;
    if (placed.status != 201) return 0;
    const auto order = placed.json().at("orders").at(0).at("id").as_int64();
    EXPECT_EQ(ship(clay, order).status, 200);
    const auto opened = gateway_dispute_event("charge.dispute.created", authorization_of(order));
    EXPECT_EQ(deliver(opened).status, 200);
    run_jobs();
    return order;
  }
  HttpResult answer_dispute(const Account& who, std::int64_t order,
                            const json::object& body = {
                                {"explanation", "Delivered on time, tracked; see the tracking."}}) {
    return client().post_json("/api/orders/" + std::to_string(order) + "/dispute/evidence", body,
                              who.access_token);
  }
  json::object gateway_dispute(const std::string& intent) {
    const auto opened = json::parse(gateway_dispute_event("charge.dispute.created", intent));
    const std::string id(opened.at("data").at("object").at("id").as_string());
    return test_gateway().get("/v1/disputes/" + id).json().as_object();
  }

  std::string currency_of(std::int64_t order_id) {
    return sql_text("SELECT currency FROM orders WHERE id = " + std::to_string(order_id));
  }

  // Orders bought in one checkout: one per shop.
  std::vector<std::int64_t> buy(const std::vector<std::int64_t>& products) {
    for (const auto product : products) fill_cart(buyer, product, 1);
    const auto placed = checkout(buyer, checkout_body(kApproves));
    EXPECT_EQ(placed.status, 201) << placed.body;
    std::vector<std::int64_t> orders;
    if (placed.status != 201) return orders;
    const auto answer = placed.json();
    for (const auto& order : answer.at("orders").as_array())
      orders.push_back(order.at("id").as_int64());
    return orders;
  }

  std::string dispute(const std::string& event_id, const std::string& dispute_id,
                      const std::string& intent, long long amount, const std::string& currency,
                      const std::string& type = "charge.dispute.created",
                      const std::string& status = "needs_response") {
    return event_body(event_id, type, unix_now(),
                      {{"id", dispute_id},
                       {"object", "dispute"},
                       {"amount", amount},
                       {"currency", currency},
                       {"charge", "ch_test"},
                       {"payment_intent", intent},
                       {"reason", "fraudulent"},
                       {"status", status}});
  }
  // The dispute's outcome, as charge.dispute.closed (or `type`) brings it.
  std::string dispute_closed(const std::string& event_id, const std::string& dispute_id,
                             const std::string& intent, long long amount,
                             const std::string& currency, const std::string& outcome,
                             const std::string& type = "charge.dispute.closed") {
    return dispute(event_id, dispute_id, intent, amount, currency, type, outcome);
  }
  // A won dispute's two events (closed, then funds_reinstated), delivered.
  void deliver_won(const std::string& dispute_id, const std::string& intent, long long amount,
                   const std::string& currency) {
    ASSERT_EQ(
        deliver(dispute_closed(dispute_id + "_closed", dispute_id, intent, amount, currency, "won"))
            .status,
        200);
    ASSERT_EQ(deliver(dispute_closed(dispute_id + "_reinstated", dispute_id, intent, amount,
                                     currency, "won", "charge.dispute.funds_reinstated"))
                  .status,
              200);
  }
  long long postings(const std::string& kind) {
    return sql_number("SELECT COUNT(*) FROM ledger_transactions WHERE kind = '" + kind + "'");
  }
  std::vector<OutboxMail> mails_of_kind(const std::string& to, const std::string& kind) {
    std::vector<OutboxMail> found;
    for (auto& mail : mails_to(to))
      if (mail.kind == kind) found.push_back(std::move(mail));
    return found;
  }
};
POCKETSHOP_API_TEST(PaymentWebhooksApi);

TEST_P(PaymentWebhooksApi, AnEventIsRecordedAtOnceAndAppliedByItsJob) {
  const auto order = buy({mug}).at(0);
  const auto intent = authorization_of(order);
  const auto body = event_body("evt_1", "payment_intent.amount_capturable_updated", unix_now(),
                               {{"id", intent},
                                {"object", "payment_intent"},
                                {"status", "requires_capture"},
                                {"amount_capturable", 2500},
                                {"amount_received", 0}});
  const auto delivered = deliver(body);
  ASSERT_EQ(delivered.status, 200) << delivered.body;
  EXPECT_EQ(delivered.json().at("id").as_string(), "evt_1");
  EXPECT_EQ(delivered.json().at("duplicate").as_bool(), false);
  EXPECT_EQ(count("payment_events"), 1);
  EXPECT_EQ(processed("evt_1"), 0);  // the answer did not wait for the effects
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM jobs WHERE kind = 'payment_event' AND "
                       "dedupe_key = 'payment_event:evt_1' AND status = 'queued'"),
            1);
  EXPECT_EQ(sql_text("SELECT payload FROM payment_events WHERE id = 'evt_1'"), body);

  EXPECT_EQ(run_jobs(), 1);
  EXPECT_EQ(processed("evt_1"), 1);
  EXPECT_EQ(payment_column(order, "gateway_status"), "requires_capture");
  EXPECT_EQ(payment_column(order, "amount_capturable"), "2500");
  EXPECT_EQ(payment_column(order, "amount_received"), "0");
  EXPECT_EQ(payment_column(order, "amount_refunded"), "");  // no event said yet
}

TEST_P(PaymentWebhooksApi, OnlyAFreshSignatureWithOurSecretIsTaken) {
  const auto body = event_body("evt_sig", "customer.created", unix_now(), {{"id", "cus_1"}});
  const auto now = unix_now();
  const auto good = hmac_sha256_hex(kSecret, std::to_string(now) + "." + body);
  struct Case {
    std::string name;
    std::optional<std::string> header;
    int status;
    std::string type;
  };
  const std::vector<Case> refused{
      {"no header", std::nullopt, 400, "webhook-signature-invalid"},
      {"empty header", "", 400, "webhook-signature-invalid"},
      {"no v1", "t=" + std::to_string(now), 400, "webhook-signature-invalid"},
      {"no t", "v1=" + good, 400, "webhook-signature-invalid"},
      {"not a number", "t=now,v1=" + good, 400, "webhook-signature-invalid"},
      {"another secret", signature(body, now, "whsec_other"), 400, "webhook-signature-invalid"},
      {"another body", signature(body + " ", now), 400, "webhook-signature-invalid"},
      {"another t", "t=" + std::to_string(now + 1) + ",v1=" + good, 400,
       "webhook-signature-invalid"},
      {"v0 only", "t=" + std::to_string(now) + ",v0=" + good, 400, "webhook-signature-invalid"},
      {"cut short", "t=" + std::to_string(now) + ",v1=" + good.substr(0, 63), 400,
       "webhook-signature-invalid"},
      // The exact edges (300 s in, 301 s out) are the unit test's, on a fixed
      // clock; here the server reads its own clock seconds after `now` was
      // taken (a busy machine, a second boundary), so the cases keep 10 s
      // clear of the edge: 301 s ahead could be 300 s ahead by then.
      {"310 s old", signature(body, now - 310), 400, "webhook-timestamp-out-of-tolerance"},
      {"310 s ahead", signature(body, now + 310), 400, "webhook-timestamp-out-of-tolerance"},
  };
  for (const auto& refusal : refused) {
    SCOPED_TRACE(refusal.name);
    expect_problem(deliver(body, refusal.header), refusal.status, refusal.type);
  }
  EXPECT_EQ(count("payment_events"), 0);
  EXPECT_EQ(count("jobs WHERE kind <> 'mail.send'"), 0);

  // Several v1 values (a secret being rolled): one of them matching is enough.
  const auto rolled = "t=" + std::to_string(now) + ",v1=" + hmac_sha256_hex("whsec_old", "x") +
                      ",v0=ignored,v1=" + good;
  EXPECT_EQ(deliver(body, rolled).status, 200);
  const auto signed_at = unix_now() - 290;  // old, but inside the tolerance
  const auto late = event_body("evt_late", "customer.created", signed_at, {{"id", "cus_2"}});
  EXPECT_EQ(deliver(late, signature(late, signed_at)).status, 200);
  EXPECT_EQ(count("payment_events"), 2);
}

TEST_P(PaymentWebhooksApi, WhatIsNotAnEventIsRefused) {
  for (const std::string& body :
       {std::string("not json"), std::string("[]"),
        std::string(R"({"id": "evt_x", "type": "charge.captured", "created": 1})"),
        std::string(R"({"id": 7, "type": "a.b", "created": 1, "data": {"object": {}}})"),
        std::string(R"({"id": "evt_x", "type": "a.b", "created": "1", "data": {"object": {}}})"),
        std::string(R"({"id": "evt x", "type": "a.b", "created": 1, "data": {"object": {}}})"),
        std::string(R"({"id": "evt_x", "type": "a.b", "created": 1, "data": {"object": 1}})")}) {
    SCOPED_TRACE(body);
    expect_problem(deliver(body), 400, "webhook-event-malformed");
  }
  EXPECT_EQ(count("payment_events"), 0);
}

TEST_P(PaymentWebhooksApi, ARedeliveredEventChangesNothing) {
  const auto order = buy({mug}).at(0);
  const auto body = event_body("evt_again", "payment_intent.succeeded", unix_now(),
                               {{"id", authorization_of(order)},
                                {"object", "payment_intent"},
                                {"status", "succeeded"},
                                {"amount_capturable", 0},
                                {"amount_received", 2500}});
  ASSERT_EQ(deliver(body).status, 200);
  const auto again = deliver(body, signature(body, unix_now() - 10));  // signed anew
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json().at("duplicate").as_bool(), true);
  EXPECT_EQ(count("payment_events"), 1);
  EXPECT_EQ(count("jobs WHERE kind <> 'mail.send'"), 1);
  EXPECT_EQ(run_jobs(), 1);
  EXPECT_EQ(deliver(body).json().at("duplicate").as_bool(), true);
  EXPECT_EQ(run_jobs(), 0);
  EXPECT_EQ(payment_column(order, "gateway_status"), "succeeded");
}

TEST_P(PaymentWebhooksApi, AnOlderEventDoesNotOverwriteANewerOne) {
  const auto order = buy({mug}).at(0);
  const auto intent = authorization_of(order);
  const auto t = unix_now();
  const auto newer = event_body("evt_newer", "payment_intent.succeeded", t,
                                {{"id", intent},
                                 {"object", "payment_intent"},
                                 {"status", "succeeded"},
                                 {"amount_capturable", 0},
                                 {"amount_received", 2500}});
  const auto older = event_body("evt_older", "payment_intent.amount_capturable_updated", t - 60,
                                {{"id", intent},
                                 {"object", "payment_intent"},
                                 {"status", "requires_capture"},
                                 {"amount_capturable", 2500},
                                 {"amount_received", 0}});
  const auto refund = event_body("evt_refund", "charge.refunded", t + 5,
                                 {{"id", "ch_1"},
                                  {"object", "charge"},
                                  {"payment_intent", intent},
                                  {"amount_captured", 2500},
                                  {"amount_refunded", 700}});
  ASSERT_EQ(deliver(newer).status, 200);
  ASSERT_EQ(deliver(older).status, 200);
  EXPECT_EQ(run_jobs(), 2);
  EXPECT_EQ(payment_column(order, "gateway_status"), "succeeded");
  EXPECT_EQ(payment_column(order, "amount_capturable"), "0");
  EXPECT_EQ(payment_column(order, "amount_received"), "2500");
  EXPECT_EQ(processed("evt_older"), 1);  // recorded and processed, without effect

  ASSERT_EQ(deliver(refund).status, 200);
  EXPECT_EQ(run_jobs(), 1);
  EXPECT_EQ(payment_column(order, "gateway_status"), "succeeded");  // a charge does not say
  EXPECT_EQ(payment_column(order, "amount_refunded"), "700");
  EXPECT_EQ(payment_column(order, "gateway_event_created"), std::to_string((t + 5) * 1000));
}

TEST_P(PaymentWebhooksApi, ADisputeTakesItsAmountBackFromTheVendorOnce) {
  const auto order = buy({mug}).at(0);
  ASSERT_EQ(ship(clay, order).status, 200);  // captured: 2250 owed to the vendor
  const auto vendor = vendor_account(clay);
  ASSERT_EQ(ledger_balance(vendor), -2250);
  const auto currency = currency_of(order);
  const auto body = dispute("evt_dispute", "du_1", authorization_of(order), 2500, currency);
  ASSERT_EQ(deliver(body).status, 200);
  EXPECT_EQ(run_jobs(), 1);

  EXPECT_EQ(ledger_balance(vendor), 250);  // the vendor now owes the fee the platform kept
  EXPECT_EQ(ledger_balance("gateway:clearing"), 0);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'dispute' AND "
                       "reference = 'du_1'"),
            1);
  EXPECT_EQ(processed("evt_dispute"), 1);

  // Delivered again, and sent again under another event id: posted once.
  EXPECT_EQ(deliver(body).json().at("duplicate").as_bool(), true);
  ASSERT_EQ(
      deliver(dispute("evt_dispute_2", "du_1", authorization_of(order), 2500, currency)).status,
      200);
  EXPECT_EQ(run_jobs(), 1);
  EXPECT_EQ(ledger_balance(vendor), 250);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'dispute'"), 1);

  // The vendor is told once, by the bell and by mail.
  const auto told = notifications_of(clay, "payment_disputed");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].at("title").as_string(),
            "Payment for order #" + std::to_string(order) + " disputed");
  EXPECT_EQ(told[0].at("link").as_string(), "/orders/" + std::to_string(order));
  const auto mails = mails_of_kind("clay@example.com", "payment_disputed");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_THAT(mails[0].text_body,
              ::testing::HasSubstr("25.00 has been taken back from the earnings of Clay Studio"));
}

// A dispute for part of an order, sent again under another event id, takes
// its amount from the order's held earnings once: the hold and the pending
// account still agree (TearDown's invariants), and releasing them pays the
// rest.
TEST_P(PaymentWebhooksApi, APartialDisputeSentTwiceTakesItsAmountOnce) {
  const auto order = buy({mug}).at(0);
  ASSERT_EQ(ship(clay, order).status, 200);  // 2250 pending for the vendor
  const auto currency = currency_of(order);
  for (const std::string event : {"evt_part_1", "evt_part_2"}) {
    ASSERT_EQ(deliver(dispute(event, "du_part", authorization_of(order), 1000, currency)).status,
              200);
    EXPECT_EQ(run_jobs(), 1);
  }
  expect_disputed_once(order, 1250);
}

// Two events of one dispute applied at once (two job runners, or two
// instances): the second waits for the first, then finds the dispute posted.
// The test holds the order's hold until both jobs wait: without the
// payment's lock, both would then take their amount from it.
TEST_P(PaymentWebhooksApi, TwoEventsOfOneDisputeAppliedAtOnceTakeItsAmountOnce) {
  if (server().app().database().dialect() != db::Dialect::postgres)
    GTEST_SKIP() << "SQLite applies one event at a time (one writer)";
  const auto order = buy({mug}).at(0);
  ASSERT_EQ(ship(clay, order).status, 200);  // 2250 held for the vendor
  const auto currency = currency_of(order);
  server().app().jobs().run_due();  // the order's mails: then only the two events' jobs are due
  for (const std::string event : {"evt_at_once_1", "evt_at_once_2"})
    ASSERT_EQ(deliver(dispute(event, "du_at_once", authorization_of(order), 1000, currency)).status,
              200);
  run_two_jobs_at_once("SELECT amount FROM ledger_holds WHERE reference = '" +
                       std::to_string(order) + "' FOR UPDATE");
  expect_disputed_once(order, 1250);
}

// The bank decided for the shop: what the dispute took is the vendor's
// again, where it was taken from (the order's held earnings), once however
// many of the dispute's events say so (closed, funds_reinstated, again);
// the vendor is told, and the statement shows it.
TEST_P(PaymentWebhooksApi, ADisputeWonGivesTheVendorBackWhatItTookOnce) {
  const auto order = buy({mug}).at(0);
  ASSERT_EQ(ship(clay, order).status, 200);  // 2250 held for the vendor
  const auto vendor = vendor_account(clay);
  const auto currency = currency_of(order), intent = authorization_of(order);
  ASSERT_EQ(deliver(dispute("evt_opened", "du_won", intent, 2500, currency)).status, 200);
  EXPECT_EQ(run_jobs(), 1);
  ASSERT_EQ(ledger_balance(vendor), 250);

  deliver_won("du_won", intent, 2500, currency);
  EXPECT_EQ(run_jobs(), 2);
  EXPECT_EQ(processed("du_won_closed") + processed("du_won_reinstated"), 2);
  EXPECT_EQ(postings("dispute_won"), 1);
  EXPECT_EQ(ledger_balance(vendor), -2250);  // owed the whole sale again
  EXPECT_EQ(ledger_balance("gateway:clearing"), 2500);
  expect_disputed_once(order, 2250);  // held again, until it is released
  EXPECT_EQ(sql_text("SELECT status FROM payment_disputes WHERE id = 'du_won'"), "won");

  const auto told = notifications_of(clay, "dispute_won");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].at("title").as_string(), "Dispute of order #" + std::to_string(order) + " won");
  const auto mails = mails_of_kind("clay@example.com", "dispute_won");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_THAT(mails[0].text_body,
              ::testing::HasSubstr("25.00 taken back is in your earnings again"));

  // One statement line per posting: the dispute (the vendor's 2250 held and
  // the 250 fee) and its reversal, each with the vendor's share as gross.
  const auto statement = client().get("/api/my/statement", clay.access_token).json();
  const auto& lines = statement.at("items").as_array();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].at("kind"), "dispute_won");
  EXPECT_EQ(lines[0].at("order_id"), order);
  EXPECT_EQ(lines[0].at("gross_cents"), 2500);
  EXPECT_EQ(lines[0].at("net_cents"), 2500);
  EXPECT_EQ(lines[0].at("balance_cents"), 2250);
  EXPECT_EQ(lines[1].at("kind"), "dispute");
  EXPECT_EQ(lines[1].at("order_id"), order);
  EXPECT_EQ(lines[1].at("gross_cents"), -2500);
  EXPECT_EQ(lines[1].at("balance_cents"), -250);
  EXPECT_EQ(statement.at("total"), 3);

  // A late closed event of the same dispute, under yet another id: nothing more.
  ASSERT_EQ(
      deliver(dispute_closed("evt_won_again", "du_won", intent, 2500, currency, "won")).status,
      200);
  EXPECT_EQ(run_jobs(), 1);
  EXPECT_EQ(postings("dispute_won"), 1);
  EXPECT_EQ(notifications_of(clay, "dispute_won").size(), 1u);
}

// The bank decided for the buyer: the clawback stands, and the vendor is told once.
TEST_P(PaymentWebhooksApi, ADisputeLostKeepsItsClawbackAndIsToldOnce) {
  const auto order = buy({mug}).at(0);
  ASSERT_EQ(ship(clay, order).status, 200);
  const auto vendor = vendor_account(clay);
  const auto currency = currency_of(order), intent = authorization_of(order);
  ASSERT_EQ(deliver(dispute("evt_opened", "du_lost", intent, 2500, currency)).status, 200);
  for (const std::string event : {"evt_lost_1", "evt_lost_2"})
    ASSERT_EQ(deliver(dispute_closed(event, "du_lost", intent, 2500, currency, "lost")).status,
              200);
  EXPECT_EQ(run_jobs(), 3);
  EXPECT_EQ(ledger_balance(vendor), 250);
  EXPECT_EQ(postings("dispute"), 1);
  EXPECT_EQ(postings("dispute_won"), 0);
  EXPECT_EQ(sql_text("SELECT status FROM payment_disputes WHERE id = 'du_lost'"), "lost");
  const auto told = notifications_of(clay, "dispute_lost");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].at("body").as_string().find("25.00 stays with the buyer") != std::string::npos,
            true);
  EXPECT_EQ(mails_of_kind("clay@example.com", "dispute_lost").size(), 1u);
  // Won after lost (a gateway's mistake): the first outcome stands.
  ASSERT_EQ(
      deliver(dispute_closed("evt_won_late", "du_lost", intent, 2500, currency, "won")).status,
      200);
  EXPECT_EQ(run_jobs(), 1);
  EXPECT_EQ(postings("dispute_won"), 0);
  EXPECT_EQ(ledger_balance(vendor), 250);
  const auto earnings = earnings_of(clay, order);
  EXPECT_EQ(earnings.at("disputed_cents"), 2500);
  EXPECT_EQ(earnings.at("net_cents"), -250);
}

// The order's earnings (and the order page's "you keep") count what its
// dispute takes back while it holds it (here part of the order), and no
// more once the bank decides for the shop; its other figures stay the
// sale's and the refunds'.
TEST_P(PaymentWebhooksApi, AnOrdersEarningsCountWhatItsDisputeHoldsBack) {
  const auto order = buy({mug}).at(0);
  ASSERT_EQ(ship(clay, order).status, 200);  // 2500, a 250 fee: 2250 earned
  const auto currency = currency_of(order), intent = authorization_of(order);
  ASSERT_EQ(earnings_of(clay, order).at("disputed_cents"), 0);
  ASSERT_EQ(deliver(dispute("evt_part_open", "du_part_won", intent, 1000, currency)).status, 200);
  EXPECT_EQ(run_jobs(), 1);

  const auto order_path = "/api/orders/" + std::to_string(order);
  const auto seen = client().get(order_path, clay.access_token).json();
  EXPECT_EQ(seen.at("vendor_net_cents"), 1250);  // the order page's "you keep"
  EXPECT_EQ(seen.at("dispute").at("taken_back_cents"), 1000);
  auto earnings = earnings_of(clay, order);
  EXPECT_EQ(earnings.at("gross_cents"), 2500);
  EXPECT_EQ(earnings.at("fee_cents"), 250);
  EXPECT_EQ(earnings.at("refunded_cents"), 0);
  EXPECT_EQ(earnings.at("disputed_cents"), 1000);
  EXPECT_EQ(earnings.at("net_cents"), 1250);
  const auto listed =
      client().get("/api/my/earnings/orders", clay.access_token).json().at("items").at(0);
  EXPECT_EQ(listed.at("order_id"), order);
  EXPECT_EQ(listed.at("disputed_cents"), 1000);

  deliver_won("du_part_won", intent, 1000, currency);
  EXPECT_EQ(run_jobs(), 2);
  earnings = earnings_of(clay, order);
  EXPECT_EQ(earnings.at("disputed_cents"), 0);
  EXPECT_EQ(earnings.at("net_cents"), 2250);
  EXPECT_EQ(client().get(order_path, clay.access_token).json().at("vendor_net_cents"), 2250);
}

// Events come in any order: an outcome before the opening takes back first,
// then applies the outcome; the opening, when it comes, changes nothing.
TEST_P(PaymentWebhooksApi, AnOutcomeBeforeItsOpeningTakesBackThenGivesBack) {
  const auto order = buy({mug}).at(0);
  ASSERT_EQ(ship(clay, order).status, 200);
  const auto vendor = vendor_account(clay);
  const auto currency = currency_of(order), intent = authorization_of(order);
  ASSERT_EQ(
      deliver(dispute_closed("evt_won_first", "du_late", intent, 1000, currency, "won")).status,
      200);
  EXPECT_EQ(run_jobs(), 1);
  ASSERT_EQ(deliver(dispute("evt_opened_late", "du_late", intent, 1000, currency)).status, 200);
  EXPECT_EQ(run_jobs(), 1);
  EXPECT_EQ(postings("dispute"), 1);
  EXPECT_EQ(postings("dispute_won"), 1);
  EXPECT_EQ(ledger_balance(vendor), -2250);
  expect_disputed_once(order, 2250);
  EXPECT_EQ(notifications_of(clay, "dispute_won").size(), 1u);
}

// Earnings released while the dispute was open: what was taken from them is
// given back to the balance (the hold is gone), and the vendor can be paid it.
TEST_P(PaymentWebhooksApi, ADisputeWonAfterTheReleaseGivesBackToTheBalance) {
  const auto order = buy({mug}).at(0);
  ASSERT_EQ(ship(clay, order).status, 200);
  ASSERT_EQ(act(clay, order, "deliver").status, 200);
  const auto currency = currency_of(order), intent = authorization_of(order);
  ASSERT_EQ(deliver(dispute("evt_opened", "du_released", intent, 1000, currency)).status, 200);
  EXPECT_EQ(run_jobs(), 1);  // 1000 of the 2250 held taken back: 1250 held
  constexpr Millis kTwoMonths = 60LL * 24 * 3600 * 1000;  // past any hold
  EXPECT_EQ(server().app().ledger().release_due(now_millis() + kTwoMonths), 1);
  const auto shop =
      sql_text("SELECT CAST(shop_id AS TEXT) FROM orders WHERE id = " + std::to_string(order));
  ASSERT_EQ(ledger_balance("vendor:" + shop + ":balance"), -1250);

  ASSERT_EQ(deliver(dispute_closed("evt_won", "du_released", intent, 1000, currency, "won")).status,
            200);
  EXPECT_EQ(run_jobs(), 1);
  EXPECT_EQ(ledger_balance("vendor:" + shop + ":pending"), 0);
  EXPECT_EQ(ledger_balance("vendor:" + shop + ":balance"), -2250);
  const auto balances = client().get("/api/my/balance", clay.access_token).json();
  EXPECT_EQ(balances.at("balances").at(0).at("available_cents"), 2250);
}

// The two events of a won dispute (closed, funds_reinstated) applied at once:
// the second waits for the payment, then finds the dispute closed.
TEST_P(PaymentWebhooksApi, TwoOutcomesOfOneDisputeAppliedAtOnceGiveBackOnce) {
  if (server().app().database().dialect() != db::Dialect::postgres)
    GTEST_SKIP() << "SQLite applies one event at a time (one writer)";
  const auto order = buy({mug}).at(0);
  ASSERT_EQ(ship(clay, order).status, 200);
  const auto currency = currency_of(order), intent = authorization_of(order);
  ASSERT_EQ(deliver(dispute("evt_opened", "du_twice", intent, 1000, currency)).status, 200);
  EXPECT_EQ(run_jobs(), 1);
  server().app().jobs().run_due();  // the mails: then only the two events' jobs are due
  deliver_won("du_twice", intent, 1000, currency);
  run_two_jobs_at_once("SELECT id FROM payments WHERE authorization_id = '" + intent +
                       "' FOR UPDATE");
  EXPECT_EQ(postings("dispute_won"), 1);
  expect_disputed_once(order, 2250);
  EXPECT_EQ(notifications_of(clay, "dispute_won").size(), 1u);
}

// The order's vendor sees the dispute and answers it once: the explanation
// goes to the gateway with the order's items and tracking; the bank's
// decision comes back by the gateway's events.
TEST_P(PaymentWebhooksApi, TheVendorAnswersADisputeOnceAndTheBankDecides) {
  const auto order = disputed_order();
  ASSERT_NE(order, 0);
  const auto path = "/api/orders/" + std::to_string(order);
  const auto seen = client().get(path, clay.access_token).json();
  const auto& dispute = seen.at("dispute");
  EXPECT_EQ(dispute.at("status"), "open");
  EXPECT_EQ(dispute.at("taken_back_cents"), 2500);  // 2250 held and the 250 fee
  EXPECT_TRUE(dispute.at("evidence_due_by").is_string());
  EXPECT_TRUE(dispute.at("evidence_submitted_at").is_null());
  EXPECT_FALSE(client().get(path, buyer.access_token).json().as_object().contains("dispute"));

  // Only the shop's vendor answers, with something to say.
  expect_problem(answer_dispute(paper, order), 404, "not-found");
  expect_problem(answer_dispute(buyer, order), 403, "forbidden");
  expect_problem(answer_dispute(clay, order, {}), 422, "validation");
  expect_problem(answer_dispute(clay, order, {{"explanation", "short"}}), 422, "validation");
  expect_problem(answer_dispute(clay, order, {{"explanation", 42}}), 422, "validation");
  const auto evidence_path = path + "/dispute/evidence";
  expect_problem(client().post_json(evidence_path, {{"explanation", "No token sent with it."}}, ""),
                 401, "unauthorized");
  expect_problem(client().request(boost::beast::http::verb::post, evidence_path, "{not json",
                                  {{"Content-Type", "application/json"},
                                   {"Authorization", "Bearer " + clay.access_token}}),
                 400, "bad-request");
  expect_problem(answer_dispute(clay, order, {{"explanation", std::string(5001, 'x')}}), 422,
                 "validation");

  // The test gateway decides for the shop on "winning_evidence".
  const auto answered = answer_dispute(clay, order, {{"explanation", "winning_evidence"}});
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_TRUE(answered.json().at("dispute").at("evidence_submitted_at").is_string());
  const auto intent = authorization_of(order);
  const auto at_gateway = gateway_dispute(intent);
  EXPECT_EQ(at_gateway.at("status"), "won");
  const auto& evidence = at_gateway.at("evidence");
  EXPECT_EQ(evidence.at("uncategorized_text"), "winning_evidence");
  EXPECT_EQ(evidence.at("shipping_carrier"), "DHL");
  EXPECT_EQ(evidence.at("shipping_tracking_number"), "JD0001");
  EXPECT_EQ(evidence.at("product_description"), "1 × Mug");
  expect_problem(answer_dispute(clay, order), 409, "dispute-evidence-sent");

  ASSERT_EQ(deliver(gateway_dispute_event("charge.dispute.closed", intent)).status, 200);
  run_jobs();
  const auto decided = client().get(path, clay.access_token).json().at("dispute");
  EXPECT_EQ(decided.at("status"), "won");
  EXPECT_TRUE(decided.at("closed_at").is_string());
  EXPECT_EQ(ledger_balance(vendor_account(clay)), -2250);
  expect_problem(answer_dispute(clay, order), 409, "dispute-not-open");
}

TEST_P(PaymentWebhooksApi, AnOrderWithoutADisputeHasNoneToAnswer) {
  const auto order = buy({mug}).at(0);
  ASSERT_EQ(ship(clay, order).status, 200);
  EXPECT_FALSE(client()
                   .get("/api/orders/" + std::to_string(order), clay.access_token)
                   .json()
                   .as_object()
                   .contains("dispute"));
  expect_problem(answer_dispute(clay, order), 409, "dispute-not-open");
}

// A double-clicked "Send to the bank": one answer reaches the gateway.
TEST_P(PaymentWebhooksApi, ConcurrentAnswersToADisputeSendOne) {
  const auto order = disputed_order();
  ASSERT_NE(order, 0);
  const auto seen = race([&](int) { return answer_dispute(clay, order); });
  EXPECT_EQ(seen.at("200"), 1);
  EXPECT_EQ(seen.at("200") + seen.at("409 /problems/dispute-evidence-sent"), kRacers);
  const auto at_gateway = gateway_dispute(authorization_of(order));
  EXPECT_EQ(at_gateway.at("evidence_details").at("submission_count"), 1);
  EXPECT_EQ(at_gateway.at("status"), "under_review");
}

TEST_P(PaymentWebhooksApi, ADisputeOverSeveralShopsIsSplitInProportion) {
  const auto orders = buy({mug, card});  // 2500 + 400 in one payment
  ASSERT_EQ(orders.size(), 2u);
  for (const auto order : orders) {
    auto shipped = ship(clay, order);
    if (shipped.status != 200) shipped = ship(paper, order);
    ASSERT_EQ(shipped.status, 200) << shipped.body;
  }
  const auto clay_account = vendor_account(clay), paper_account = vendor_account(paper);
  const auto clay_before = ledger_balance(clay_account);
  const auto paper_before = ledger_balance(paper_account);
  const auto clearing_before = ledger_balance("gateway:clearing");

  // 1001 over 2500:400 is 862.93 and 138.07: 862 and 138, the cent left to the larger.
  ASSERT_EQ(deliver(dispute("evt_split", "du_split", authorization_of(orders[0]), 1001,
                            currency_of(orders[0])))
                .status,
            200);
  EXPECT_EQ(run_jobs(), 1);
  EXPECT_EQ(ledger_balance(clay_account) - clay_before, 863);
  EXPECT_EQ(ledger_balance(paper_account) - paper_before, 138);
  EXPECT_EQ(ledger_balance("gateway:clearing") - clearing_before, -1001);

  // Each vendor sees its own share on its own order, and the statement's
  // dispute line names that order.
  for (const auto order : orders) {
    const auto& vendor = vendor_of(order);
    const bool clays = &vendor == &clay;
    EXPECT_EQ(earnings_of(vendor, order).at("disputed_cents"), clays ? 863 : 138);
    const auto line =
        client().get("/api/my/statement", vendor.access_token).json().at("items").at(0);
    EXPECT_EQ(line.at("kind"), "dispute");
    EXPECT_EQ(line.at("order_id"), order);
    EXPECT_EQ(line.at("gross_cents"), clays ? -863 : -138);
  }
}

// Disputes posted before their entries named their orders (migration 033)
// are given them by it: the payment's order of each vendor's shop.
TEST_P(PaymentWebhooksApi, TheMigrationNamesTheOrdersOfDisputesPostedBeforeIt) {
  const auto orders = buy({mug, card});
  ASSERT_EQ(orders.size(), 2u);
  for (const auto order : orders) {
    auto shipped = ship(clay, order);
    if (shipped.status != 200) shipped = ship(paper, order);
    ASSERT_EQ(shipped.status, 200) << shipped.body;
  }
  const auto intent = authorization_of(orders[0]), currency = currency_of(orders[0]);
  ASSERT_EQ(deliver(dispute("evt_before", "du_before", intent, 1001, currency)).status, 200);
  deliver_won("du_before", intent, 1001, currency);
  EXPECT_EQ(run_jobs(), 3);
  const std::string named_entries = "SELECT COUNT(*) FROM ledger_entries WHERE order_id IN (" +
                                    std::to_string(orders[0]) + ", " + std::to_string(orders[1]) +
                                    ")";
  const auto named = sql_number(named_entries);
  ASSERT_GE(named, 4);  // each vendor's share, taken and given back

  auto& app = server().app();
  app.database().with_session([&](db::Connection& sql) {
    sql.session() << "DROP INDEX ledger_entries_order";
    sql.session() << "ALTER TABLE ledger_entries DROP COLUMN order_id";
    sql.session() << "DELETE FROM schema_migrations WHERE version = 33";
  });
  EXPECT_EQ(app.migrate(), 1);
  EXPECT_EQ(sql_number(named_entries), named);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM ledger_entries WHERE order_id IS NOT NULL"), named);
  for (const auto order : orders) {
    const auto& vendor = vendor_of(order);
    EXPECT_EQ(earnings_of(vendor, order).at("disputed_cents"), 0);  // won
    const auto lines = client().get("/api/my/statement", vendor.access_token).json().at("items");
    EXPECT_EQ(lines.at(0).at("order_id"), order);  // dispute_won
    EXPECT_EQ(lines.at(1).at("order_id"), order);  // dispute
  }
}

TEST_P(PaymentWebhooksApi, ADisputeThatCannotBeAppliedLeavesNothingAndIsRetried) {
  const auto order = buy({mug}).at(0);
  ASSERT_EQ(ship(clay, order).status, 200);
  ASSERT_EQ(deliver(dispute("evt_bad", "du_bad", authorization_of(order), 2500, "xxx")).status,
            200);
  EXPECT_EQ(run_jobs(), 1);
  EXPECT_EQ(processed("evt_bad"), 0);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'dispute'"), 0);
  EXPECT_EQ(
      sql_number("SELECT attempts FROM jobs WHERE status = 'queued' AND kind = 'payment_event'"),
      1);
  EXPECT_NE(sql_text("SELECT last_error FROM jobs WHERE kind = 'payment_event'").find("xxx"),
            std::string::npos);
}

TEST_P(PaymentWebhooksApi, OtherEventsAndPayoutsWeDoNotKnowAreProcessedWithoutEffect) {
  ASSERT_EQ(
      deliver(event_body("evt_other", "customer.created", unix_now(), {{"id", "cus_1"}})).status,
      200);
  const auto payout = event_body("evt_payout", "payout.paid", unix_now(),
                                 {{"id", "po_1"}, {"object", "payout"}, {"amount", 1000}});
  ASSERT_EQ(deliver(payout).status, 200);
  EXPECT_EQ(run_jobs(), 2);
  EXPECT_EQ(processed("evt_other"), 1);
  // The payouts feature applies payout events; one about a payout that is
  // none of ours changes nothing.
  EXPECT_EQ(processed("evt_payout"), 1);
  EXPECT_EQ(count("payouts"), 0);
  EXPECT_EQ(
      sql_number("SELECT COUNT(*) FROM jobs WHERE status = 'done' AND kind = 'payment_event'"), 2);
  // An event about a payment we do not know changes nothing and is processed.
  ASSERT_EQ(deliver(event_body("evt_unknown", "payment_intent.succeeded", unix_now(),
                               {{"id", "pi_unknown"}, {"status", "succeeded"}}))
                .status,
            200);
  EXPECT_EQ(run_jobs(), 1);
  EXPECT_EQ(processed("evt_unknown"), 1);
}

TEST_P(PaymentWebhooksApi, ABodyOverTheLimitIsRefusedUnread) {
  json::object object{{"id", "cus_big"}, {"padding", std::string(300 * 1024, 'x')}};
  const auto body = event_body("evt_big", "customer.created", unix_now(), object);
  expect_problem(deliver(body), 413, "payload-too-large");
  EXPECT_EQ(count("payment_events"), 0);
}

// The real test gateway (`pocketshop gateway`, its own process) posting to
// this shop: its signatures are taken, and a disputed capture's events (one
// of our payments made to stand for its intent) apply as above.
class GatewayWebhooksApi : public PaymentWebhooksApi {
 protected:
  void configure(Config& config) override {
    PaymentWebhooksApi::configure(config);
    config.payment_webhook_secret = GatewayProcess::kWebhookSecret;
  }
};
POCKETSHOP_API_TEST(GatewayWebhooksApi);

TEST_P(GatewayWebhooksApi, TheGatewaysEventsOfADisputedCaptureApply) {
  const auto order = buy({mug}).at(0);
  ASSERT_EQ(ship(clay, order).status, 200);
  const auto vendor = vendor_account(clay);
  std::string currency = currency_of(order);
  for (auto& c : currency) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));

  GatewayProcess gateway("http://127.0.0.1:" + std::to_string(server().port()) +
                         "/api/payments/webhook");
  const auto token = gateway.post("/v1/tokens",
                                  form_encode({{"card[number]", "4000000000000259"},
                                               {"card[exp_month]", "12"},
                                               {"card[exp_year]", "2034"},
                                               {"card[cvc]", "123"}}),
                                  {}, GatewayProcess::kPublishableKey);
  ASSERT_EQ(token.status, 200) << token.body;
  const auto authorized = gateway.post(
      "/v1/payment_intents", form_encode({{"amount", "2500"},
                                          {"currency", currency},
                                          {"capture_method", "manual"},
                                          {"confirm", "true"},
                                          {"payment_method_data[type]", "card"},
                                          {"payment_method_data[card][token]",
                                           std::string(token.json().at("id").as_string())}}));
  ASSERT_EQ(authorized.status, 200) << authorized.body;
  const std::string intent(authorized.json().at("id").as_string());
  server().app().database().with_session([&](db::Connection& sql) {
    sql.session() << "UPDATE payments SET authorization_id = :intent", soci::use(intent);
  });
  ASSERT_EQ(gateway.post("/v1/payment_intents/" + intent + "/capture", "").status, 200);

  const std::string dispute_recorded =
      "SELECT COUNT(*) FROM payment_events WHERE type = 'charge.dispute.created'";
  for (int i = 0; i < 200 && sql_number(dispute_recorded) == 0; ++i)
    std::this_thread::sleep_for(50ms);
  ASSERT_EQ(sql_number(dispute_recorded), 1) << gateway.log();
  EXPECT_GE(run_jobs(), 4);  // authorized, captured, succeeded, disputed
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM payment_events WHERE processed_at IS NULL"), 0);
  EXPECT_EQ(payment_column(order, "gateway_status"), "succeeded");
  EXPECT_EQ(payment_column(order, "amount_received"), "2500");
  EXPECT_EQ(payment_column(order, "amount_capturable"), "0");
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'dispute'"), 1);
  EXPECT_EQ(ledger_balance(vendor), 250);
  EXPECT_EQ(ledger_balance("gateway:clearing"), 0);

  // The platform answers the dispute at the gateway; the test gateway's
  // "winning_evidence" wins it, and its events give the vendor the money back.
  const auto dispute_id = sql_text("SELECT id FROM payment_disputes");
  ASSERT_FALSE(dispute_id.empty());
  const auto answered =
      gateway.post("/v1/disputes/" + dispute_id,
                   form_encode({{"evidence[uncategorized_text]", "winning_evidence"},
                                {"evidence[shipping_tracking_number]", "JD0001"}}));
  ASSERT_EQ(answered.status, 200) << answered.body;
  const std::string reinstated =
      "SELECT COUNT(*) FROM payment_events WHERE type = 'charge.dispute.funds_reinstated'";
  for (int i = 0; i < 200 && sql_number(reinstated) == 0; ++i) std::this_thread::sleep_for(50ms);
  ASSERT_EQ(sql_number(reinstated), 1) << gateway.log();
  EXPECT_GE(run_jobs(), 2);  // updated, closed, funds_reinstated
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM payment_events WHERE processed_at IS NULL"), 0);
  EXPECT_EQ(sql_text("SELECT status FROM payment_disputes"), "won");
  EXPECT_EQ(ledger_balance(vendor), -2250);
  EXPECT_EQ(ledger_balance("gateway:clearing"), 2500);
}

class PaymentWebhooksUnconfiguredApi : public ApiTest {};
POCKETSHOP_API_TEST(PaymentWebhooksUnconfiguredApi);

TEST_P(PaymentWebhooksUnconfiguredApi, WithoutASecretTheEndpointIsUnavailable) {
  const auto body = event_body("evt_1", "customer.created", unix_now(), {{"id", "cus_1"}});
  const auto result = client().request(boost::beast::http::verb::post, "/api/payments/webhook",
                                       body, {{"Stripe-Signature", signature(body)}});
  expect_problem(result, 503, "webhooks-not-configured");
}

class PaymentWebhooksRunnerApi : public CheckoutTest {
 protected:
  void configure(Config& config) override {
    config.payment_webhook_secret = kSecret;
    config.job_workers = 2;
    config.job_poll_ms = 50;
  }
};
POCKETSHOP_API_TEST(PaymentWebhooksRunnerApi);

TEST_P(PaymentWebhooksRunnerApi, TheApplicationsRunnersApplyEventsByThemselves) {
  fill_cart(buyer, mug, 1);
  const auto placed = checkout(buyer, checkout_body(kApproves));
  ASSERT_EQ(placed.status, 201);
  const auto order = placed.json().at("orders").at(0).at("id").as_int64();
  const auto body = event_body("evt_run", "payment_intent.succeeded", unix_now(),
                               {{"id", authorization_of(order)}, {"status", "succeeded"}});
  const auto delivered = client().request(boost::beast::http::verb::post, "/api/payments/webhook",
                                          body, {{"Stripe-Signature", signature(body)}});
  ASSERT_EQ(delivered.status, 200) << delivered.body;
  long long done = 0;
  for (int i = 0; i < 200 && done == 0; ++i) {
    std::this_thread::sleep_for(50ms);
    server().app().database().with_session([&](db::Connection& sql) {
      sql.session() << "SELECT COUNT(*) FROM payment_events WHERE processed_at IS NOT NULL",
          soci::into(done);
    });
  }
  EXPECT_EQ(done, 1);
}

// Two instances on one database, each with its own job workers, take events
// in turn: every event is applied once, by one claim (no job run twice).
TEST_P(PaymentWebhooksRunnerApi, TwoInstancesOnOneDatabaseApplyEachEventOnce) {
  TestServer other(Backend::sqlite, [&](Config& config) {
    config.database_url = server().config().database_url;
    config.payment_webhook_secret = kSecret;
    config.job_workers = 3;
    config.job_poll_ms = 10;
  });
  fill_cart(buyer, mug, 1);
  const auto placed = checkout(buyer, checkout_body(kApproves));
  ASSERT_EQ(placed.status, 201);
  const auto order = placed.json().at("orders").at(0).at("id").as_int64();
  const auto intent = authorization_of(order);
  const auto currency = [&] {
    std::string text;
    server().app().database().with_session([&](db::Connection& sql) {
      sql.session() << "SELECT currency FROM payments", soci::into(text);
    });
    return text;
  }();
  constexpr int kEvents = 40;
  for (int n = 0; n < kEvents; ++n) {
    const auto id = std::to_string(n);
    const auto body = event_body("evt_two_" + id, "charge.dispute.created", unix_now(),
                                 {{"id", "du_two_" + id},
                                  {"amount", 1},
                                  {"currency", currency},
                                  {"payment_intent", intent}});
    const auto to = n % 2 ? other.client() : client();
    ASSERT_EQ(to.request(boost::beast::http::verb::post, "/api/payments/webhook", body,
                         {{"Stripe-Signature", signature(body)}})
                  .status,
              200);
  }
  auto number = [&](const std::string& query) {
    long long n = 0;
    server().app().database().with_session(
        [&](db::Connection& sql) { sql.session() << query, soci::into(n); });
    return n;
  };
  for (int i = 0;
       i < 200 &&
       number("SELECT COUNT(*) FROM jobs WHERE status = 'done' AND kind = 'payment_event'") <
           kEvents;
       ++i)
    std::this_thread::sleep_for(50ms);
  EXPECT_EQ(number("SELECT COUNT(*) FROM payment_events WHERE processed_at IS NOT NULL"), kEvents);
  EXPECT_EQ(number("SELECT COUNT(*) FROM jobs WHERE status = 'done' AND attempts = 1 AND kind = "
                   "'payment_event'"),
            kEvents);
  EXPECT_EQ(number("SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'dispute'"), kEvents);
  EXPECT_EQ(number("SELECT -SUM(amount) FROM ledger_balances WHERE account = 'gateway:clearing'"),
            kEvents);
}

}  // namespace
}  // namespace ps::testing
