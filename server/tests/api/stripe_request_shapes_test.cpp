// Every request PocketShop sends to the payment gateway, checked against
// Stripe's public API reference (tests/data/stripe_api_shapes.json,
// transcribed from stripe/openapi): a proxy in front of the real test
// gateway records what the server's provider sends through the real flows
// (checkout, shipping, cancel, refunds, reconciliation, a payout) and what
// the browser's tokenizer sends (the test stands in for it), and each
// request must be an operation of the reference with its encoding, names,
// required parameters, types, enums and lengths. Headers too: the secret key
// on the server's requests and the publishable key on /v1/tokens, an
// Idempotency-Key on every POST of the server, and Stripe-Account only where
// we act for a connected account.
#include "api/checkout_test.h"
#include "support/card_tokens.h"
#include "support/gateway_process.h"
#include "support/recording_proxy.h"
#include "support/stripe_shapes.h"

#include <gmock/gmock.h>

#include <set>

namespace ps::testing {
namespace {

namespace json = boost::json;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// What the provider sends: each must be seen, or the test proves nothing.
const std::set<std::string> kProviderOperations = {
    "POST /v1/payment_methods",
    "POST /v1/payment_intents",
    "POST /v1/payment_intents/{intent}/capture",
    "POST /v1/payment_intents/{intent}/cancel",
    "POST /v1/refunds",
    "GET /v1/payment_intents/{intent}",
    "GET /v1/charges/{charge}",
    "GET /v1/events",
    "POST /v1/accounts",
    "POST /v1/transfers",
    "POST /v1/payouts",
    "POST /v1/disputes/{dispute}",
};
const std::string kTokens = "POST /v1/tokens";  // the browser's, with the publishable key
// Where we act for a vendor's connected account (Stripe-Account).
const std::set<std::string> kOnConnectedAccount = {"POST /v1/payouts"};

std::string path_of(const std::string& target) { return target.substr(0, target.find('?')); }

class StripeRequestShapes : public CheckoutTest {
 protected:
  void configure(Config& config) override {
    config.payment_gateway_url = proxy_.url();
    config.job_workers = 0;  // the test runs the payout's job
  }

  // The card to a token through the proxy, as the browser's checkout sends it.
  std::string tokenize(const std::string& number) {
    const auto answer =
        HttpClient(proxy_.port())
            .request(boost::beast::http::verb::post, "/v1/tokens",
                     form_encode({{"card[number]", number},
                                  {"card[exp_month]", "12"},
                                  {"card[exp_year]", "2099"},
                                  {"card[cvc]", "123"}}),
                     {{"Authorization", std::string("Bearer ") + GatewayProcess::kPublishableKey},
                      {"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(answer.status, 200) << answer.body;
    return std::string(answer.json().at("id").as_string());
  }

  std::int64_t place_order(std::int64_t product, long long quantity, const std::string& number,
                           int expected_status = 201) {
    fill_cart(buyer, product, quantity);
    const auto placed = checkout(buyer, checkout_body_with_token(tokenize(number)));
    EXPECT_EQ(placed.status, expected_status) << placed.body;
    return expected_status == 201 ? placed.json().at("orders").at(0).at("id").as_int64() : 0;
  }

  HttpResult refund_part(const Account& vendor, std::int64_t order, long long amount) {
    return client().request(
        boost::beast::http::verb::post, "/api/orders/" + std::to_string(order) + "/refunds",
        json::serialize(json::object{{"amount_cents", amount}, {"reason", "Bent corner"}}),
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + vendor.access_token}});
  }

  void pay_out(const Account& vendor) {
    ASSERT_EQ(
        client().post_json("/api/my/payout-account", json::object{}, vendor.access_token).status,
        200);
    const auto settings = client().request(
        boost::beast::http::verb::put, "/api/my/payout-settings",
        json::serialize(json::object{{"schedule", "manual"}, {"minimum_cents", 0}}),
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + vendor.access_token}});
    ASSERT_EQ(settings.status, 200) << settings.body;
    const auto requested = client().request(
        boost::beast::http::verb::post, "/api/my/payouts", "{}",
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + vendor.access_token}});
    ASSERT_EQ(requested.status, 201) << requested.body;
    EXPECT_GE(server().app().jobs().run_due(), 1);
    const auto listed = client().get("/api/my/payouts", vendor.access_token).json();
    EXPECT_TRUE(listed.at("items").at(0).at("gateway_payout_id").as_string().starts_with("po_"));
  }

  // The dispute the test gateway opened on the order's payment, recorded.
  void record_gateway_dispute(std::int64_t order) {
    const auto intent = authorization_of(order);
    const auto events =
        test_gateway().get("/v1/events?type=charge.dispute.created&limit=100").json();
    for (const auto& event : events.at("data").as_array()) {
      const auto& dispute = event.at("data").at("object");
      if (dispute.at("payment_intent") != intent.c_str()) continue;
      const std::string id(dispute.at("id").as_string());
      const long long order_id = order;
      server().app().database().with_session([&](db::Connection& sql) {
        sql.session() << "INSERT INTO payment_disputes (id, payment_id, amount, currency, status, "
                         "opened_at) SELECT :id, payment_id, total_cents, currency, 'open', 0 "
                         "FROM orders WHERE id = :order",
            soci::use(id), soci::use(order_id);
      });
      return;
    }
    ADD_FAILURE() << "no dispute for " << intent;
  }

  static void expect_headers(const WireRequest& request, const std::string& operation) {
    const auto authorization = request.header("authorization");
    const auto connected_account = request.header("stripe-account");
    if (operation == kTokens) {
      EXPECT_EQ(authorization, std::string("Bearer ") + GatewayProcess::kPublishableKey);
      EXPECT_EQ(connected_account, "");
      return;
    }
    EXPECT_EQ(authorization, std::string("Bearer ") + GatewayProcess::kSecretKey);
    EXPECT_TRUE(authorization.starts_with("Bearer sk_"));
    if (request.method == "POST") {
      EXPECT_NE(request.header("idempotency-key"), "");
    }
    if (kOnConnectedAccount.contains(operation))
      EXPECT_TRUE(connected_account.starts_with("acct_")) << connected_account;
    else
      EXPECT_EQ(connected_account, "");
  }

  RecordingProxy proxy_{test_gateway().port()};
};
POCKETSHOP_API_TEST(StripeRequestShapes);

TEST_P(StripeRequestShapes, EveryRequestToTheGatewayHasTheShapeOfStripesReference) {
  // Two orders on one payment: the first shipment captures its part and
  // keeps the rest (final_capture=false), the second captures the rest.
  fill_cart(buyer, mug, 1);
  fill_cart(buyer, card, 2);
  const auto placed = checkout(buyer, checkout_body_with_token(tokenize(kApproves)));
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto mug_order = placed.json().at("orders").at(0).at("id").as_int64();
  const auto card_order = placed.json().at("orders").at(1).at("id").as_int64();
  ASSERT_EQ(ship(clay, mug_order).status, 200);
  ASSERT_EQ(ship(paper, card_order).status, 200);
  const auto captured = at_gateway(card_order);  // the intent, then its charge
  EXPECT_EQ(captured.received, captured.amount);

  // A partial refund, then the rest.
  ASSERT_EQ(refund_part(paper, card_order, 100).status, 201);
  ASSERT_EQ(act(paper, card_order, "refund", {{"reason", "Lost in the post"}}).status, 200);

  // A cancelled order releases its authorization; a declined card.
  const auto cancelled = place_order(mug, 1, kApproves);
  ASSERT_EQ(act(buyer, cancelled, "cancel").status, 200);
  place_order(mug, 1, kDeclines, 402);

  // Reconciliation lists the gateway's authorizations and reads each one.
  server().app().reconciler().run(now_millis() + 2000, 3600 * 1000, 0);

  // A disputed payment answered by the vendor. The gateway's webhook does
  // not reach this test's server: the dispute it opened is recorded here as
  // the event's job would.
  const auto disputed = place_order(mug, 1, kDisputed);
  ASSERT_EQ(ship(clay, disputed).status, 200);
  record_gateway_dispute(disputed);
  const auto answered = client().post_json(
      "/api/orders/" + std::to_string(disputed) + "/dispute/evidence",
      {{"explanation", "Tracked to the door; the buyer wrote to thank us."}}, clay.access_token);
  ASSERT_EQ(answered.status, 200) << answered.body;

  // A payout: the vendor's account at the gateway, a transfer and a payout.
  ASSERT_EQ(act(clay, mug_order, "deliver").status, 200);
  server().app().ledger().release_due(now_millis() + 30 * kDayMillis);
  pay_out(clay);

  const auto& reference = StripeShapes::reference();
  std::set<std::string> seen;
  for (const auto& request : proxy_.requests()) {
    const auto operation = reference.operation_of(request.method, path_of(request.target));
    seen.insert(operation);
    SCOPED_TRACE(request.method + " " + request.target + "\n" + request.body);
    EXPECT_THAT(reference.problems(request), IsEmpty()) << "against " << reference.source();
    expect_headers(request, operation);
  }
  for (const auto& operation : kProviderOperations)
    EXPECT_TRUE(seen.contains(operation)) << operation << " was never sent";
  EXPECT_TRUE(seen.contains(kTokens));
}

// The checker itself: it must see what the reference does not allow.
class StripeShapesCheck : public ::testing::Test {
 protected:
  static WireRequest post(const std::string& path, const std::string& body,
                          const std::string& type = "application/x-www-form-urlencoded") {
    return {"POST", path, {{"content-type", type}}, body};
  }
  static WireRequest get(const std::string& target) { return {"GET", target, {}, {}}; }
  static std::vector<std::string> intent(const std::string& body) {
    return StripeShapes::reference().problems(post("/v1/payment_intents", body));
  }
};

TEST_F(StripeShapesCheck, AcceptsWhatTheReferenceHas) {
  const auto& reference = StripeShapes::reference();
  EXPECT_TRUE(reference.source().starts_with("https://github.com/stripe/openapi/blob/"));
  EXPECT_THAT(intent("amount=2500&currency=usd&confirm=true&payment_method_types%5B%5D=card"
                     "&payment_method_options%5Bcard%5D%5Brequest_multicapture%5D=if_available"
                     "&metadata%5Bany_key%5D=x&expand[]=latest_charge"),
              IsEmpty());
  EXPECT_THAT(reference.problems(post("/v1/payment_methods", "type=card&card[token]=tok_1")),
              IsEmpty());
  EXPECT_THAT(reference.problems(get("/v1/events?type=charge.failed&limit=100&created[gte]=5")),
              IsEmpty());
  EXPECT_EQ(reference.operation_of("POST", "/v1/payment_intents/pi_1/capture"),
            "POST /v1/payment_intents/{intent}/capture");
  EXPECT_EQ(reference.operation_of("GET", "/v1/payment_intents/pi_1"),
            "GET /v1/payment_intents/{intent}");
}

TEST_F(StripeShapesCheck, ReportsNamesTheReferenceDoesNotHave) {
  EXPECT_THAT(intent("amount=1&currency=usd&colour=red"),
              ElementsAre(HasSubstr("colour is not a parameter")));
  EXPECT_THAT(intent("amount=1&currency=usd&payment_method_options[card][colour]=red"),
              ElementsAre(HasSubstr("payment_method_options[card][colour]")));
  // The shortcut for a token that the reference's PaymentIntent does not have.
  EXPECT_THAT(intent("amount=1&currency=usd&payment_method_data[type]=card"
                     "&payment_method_data[card][token]=tok_1"),
              Contains(HasSubstr("payment_method_data[card] is not a parameter")));
  EXPECT_THAT(StripeShapes::reference().problems(post("/v1/payment_intents/pi_1/refund", "")),
              ElementsAre(HasSubstr("not an operation")));
  EXPECT_THAT(StripeShapes::reference().problems(get("/v1/events?colour=red")),
              ElementsAre(HasSubstr("colour is not one the reference has")));
  EXPECT_THAT(intent("amount=1&currency=usd&shipping[name]=Sam"),
              ElementsAre(HasSubstr("not transcribed")));
}

TEST_F(StripeShapesCheck, ReportsValuesAndEncodingsTheReferenceDoesNotAllow) {
  EXPECT_THAT(intent("currency=usd"), ElementsAre(HasSubstr("amount is required")));
  EXPECT_THAT(intent("amount=12.5&currency=usd"), ElementsAre(HasSubstr("integer")));
  EXPECT_THAT(intent("amount=1&currency=USD"), ElementsAre(HasSubstr("lowercase")));
  EXPECT_THAT(intent("amount=1&currency=usd&confirm=yes"), ElementsAre(HasSubstr("boolean")));
  EXPECT_THAT(intent("amount=1&currency=usd&capture_method=later"),
              ElementsAre(HasSubstr("not one of the reference's values")));
  EXPECT_THAT(intent("amount=1&currency=usd&statement_descriptor=" + std::string(23, 'x')),
              ElementsAre(HasSubstr("allows 22")));
  EXPECT_THAT(intent("amount=1&currency=usd&amount=2"), ElementsAre(HasSubstr("2 times")));
  EXPECT_THAT(intent("amount=1&currency=usd&metadata[a=1"), ElementsAre(HasSubstr("a[b][c] path")));
  EXPECT_THAT(intent("amount=%ZZ&currency=usd"), ElementsAre(HasSubstr("does not decode")));
  EXPECT_THAT(intent("amount=1&currency=usd&payment_method_types=card"),
              ElementsAre(HasSubstr("wants an array")));
  EXPECT_THAT(StripeShapes::reference().problems(
                  post("/v1/payment_intents", "amount=1&currency=usd", "application/json")),
              ElementsAre(HasSubstr("not application/x-www-form-urlencoded")));
  EXPECT_THAT(StripeShapes::reference().problems(get("/v1/events?limit=ten")),
              ElementsAre(HasSubstr("integer")));
}

}  // namespace
}  // namespace ps::testing
