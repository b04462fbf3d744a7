// The test-mode gateway (docs/gateway.md) as a real process, over real HTTP
// with form-encoded bodies, posting signed webhooks to a real listener.
#include "support/gateway_process.h"
#include "support/webhook_receiver.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

namespace ps::testing {
namespace {

namespace json = boost::json;
using Form = std::initializer_list<std::pair<std::string, std::string>>;

constexpr const char* kVisa = "4242424242424242";

std::string base64(const std::string& text) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < text.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(text[i]) << 16) |
                       (static_cast<unsigned char>(text[i + 1]) << 8) |
                       static_cast<unsigned char>(text[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += alphabet[(n >> shift) & 63];
  }
  if (i < text.size()) {
    unsigned n = static_cast<unsigned char>(text[i]) << 16;
    if (i + 1 < text.size()) n |= static_cast<unsigned char>(text[i + 1]) << 8;
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += i + 1 < text.size() ? alphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

class GatewayApi : public ::testing::Test {
 protected:
  GatewayApi() : receiver_(GatewayProcess::kWebhookSecret), gateway_(receiver_.url()) {}

  HttpResult post(const std::string& path, Form form, const Headers& headers = {}) {
    return gateway_.post(path, form_encode(form), headers);
  }

  // A single-use token for `number`, made with the publishable key as Stripe.js does.
  std::string tokenize(const std::string& number) {
    const auto result = gateway_.post("/v1/tokens",
                                      form_encode({{"card[number]", number},
                                                   {"card[exp_month]", "12"},
                                                   {"card[exp_year]", "2034"},
                                                   {"card[cvc]", "123"}}),
                                      {}, GatewayProcess::kPublishableKey);
    EXPECT_EQ(result.status, 200) << result.body;
    return std::string(result.json().at("id").as_string());
  }

  // POST /v1/payment_intents, confirmed, manual capture, with the card `number`.
  HttpResult authorize(const std::string& number, std::int64_t amount, bool multicapture = false,
                       const Headers& headers = {}) {
    const std::string token = tokenize(number);
    std::string body = form_encode({{"amount", std::to_string(amount)},
                                    {"currency", "usd"},
                                    {"capture_method", "manual"},
                                    {"confirm", "true"},
                                    {"payment_method_data[type]", "card"},
                                    {"payment_method_data[card][token]", token},
                                    {"metadata[order_id]", "42"},
                                    {"transfer_group", "checkout_7"}});
    if (multicapture)
      body += "&" +
              form_encode({{"payment_method_options[card][request_multicapture]", "if_available"}});
    return gateway_.post("/v1/payment_intents", body, headers);
  }

  std::string authorized_intent(const std::string& number, std::int64_t amount,
                                bool multicapture = false) {
    const auto result = authorize(number, amount, multicapture);
    EXPECT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(result.json().at("status"), "requires_capture");
    return std::string(result.json().at("id").as_string());
  }

  static void expect_error(const HttpResult& result, int status, const std::string& type,
                           const std::string& code = {}, const std::string& param = {}) {
    EXPECT_EQ(result.status, status) << result.body;
    EXPECT_EQ(result.header("content-type"), "application/json");
    const auto error = result.json().at("error").as_object();
    EXPECT_EQ(error.at("type"), type.c_str()) << result.body;
    EXPECT_FALSE(error.at("message").as_string().empty());
    if (!code.empty()) {
      EXPECT_EQ(error.if_contains("code") ? *error.if_contains("code") : nullptr, code.c_str())
          << result.body;
    }
    if (!param.empty()) {
      EXPECT_EQ(error.if_contains("param") ? *error.if_contains("param") : nullptr, param.c_str())
          << result.body;
    }
  }

  // The delivered event of `type` about the object `id`; fails when none came.
  json::object event_about(const std::string& type, const std::string& id) {
    const auto delivery = receiver_.wait_for(
        type, [&](const json::object& object) { return object.at("id") == id.c_str(); });
    EXPECT_TRUE(delivery) << "no " << type << " for " << id;
    if (!delivery) return {};
    EXPECT_TRUE(delivery->signature_valid);
    return delivery->event;
  }

  WebhookReceiver receiver_;
  GatewayProcess gateway_;
};

TEST_F(GatewayApi, TokenizesACardWithThePublishableKeyAndKeepsOnlyItsSummary) {
  const auto result =
      gateway_.post("/v1/tokens",
                    form_encode({{"card[number]", kVisa},
                                 {"card[exp_month]", "4"},
                                 {"card[exp_year]", "34"},
                                 {"card[cvc]", "314"}}),
                    {{"Origin", "http://localhost:5173"}}, GatewayProcess::kPublishableKey);
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(result.header("access-control-allow-origin"), "*");
  const auto token = result.json().as_object();
  EXPECT_TRUE(token.at("id").as_string().starts_with("tok_"));
  EXPECT_EQ(token.at("object"), "token");
  EXPECT_EQ(token.at("type"), "card");
  EXPECT_EQ(token.at("used"), false);
  EXPECT_EQ(token.at("livemode"), false);
  const auto card = token.at("card").as_object();
  EXPECT_EQ(card.at("brand"), "Visa");
  EXPECT_EQ(card.at("last4"), "4242");
  EXPECT_EQ(card.at("exp_month"), 4);
  EXPECT_EQ(card.at("exp_year"), 2034);
  EXPECT_EQ(card.at("funding"), "credit");
  EXPECT_FALSE(result.body.find(kVisa) != std::string::npos);

  // The number is in no file the gateway wrote: not its database, not its log.
  for (const auto& entry : std::filesystem::recursive_directory_iterator(gateway_.data_dir())) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    EXPECT_EQ(bytes.find(kVisa), std::string::npos) << entry.path();
  }
  EXPECT_EQ(gateway_.log().find(kVisa), std::string::npos);
}

TEST_F(GatewayApi, RefusesCardsATokenizerWould) {
  struct Case {
    std::string number, month, year, cvc, code, param;
  };
  const std::vector<Case> cases{
      {"4242424242424241", "12", "2034", "123", "incorrect_number", "card[number]"},
      {kVisa, "13", "2034", "123", "", "card[exp_month]"},
      {kVisa, "12", "2001", "123", "invalid_expiry_year", "card[exp_year]"},
      {kVisa, "12", "2034", "12a", "invalid_cvc", "card[cvc]"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.number + " " + c.month + "/" + c.year + " " + c.cvc);
    const auto result = gateway_.post("/v1/tokens",
                                      form_encode({{"card[number]", c.number},
                                                   {"card[exp_month]", c.month},
                                                   {"card[exp_year]", c.year},
                                                   {"card[cvc]", c.cvc}}),
                                      {}, GatewayProcess::kPublishableKey);
    if (c.code.empty())
      expect_error(result, 400, "invalid_request_error", "parameter_invalid_integer", c.param);
    else
      expect_error(result, 402, "card_error", c.code, c.param);
    EXPECT_EQ(result.header("access-control-allow-origin"), "*");
  }
}

TEST_F(GatewayApi, AnswersTheCorsPreflightOfTheTokenizingEndpoint) {
  const auto result = gateway_.client().request(
      boost::beast::http::verb::options, "/v1/tokens", {},
      {{"Origin", "http://localhost:5173"},
       {"Access-Control-Request-Method", "POST"},
       {"Access-Control-Request-Headers", "authorization, content-type"}});
  EXPECT_EQ(result.status, 204);
  EXPECT_EQ(result.header("access-control-allow-origin"), "*");
  EXPECT_NE(result.header("access-control-allow-methods").find("POST"), std::string::npos);
  EXPECT_NE(result.header("access-control-allow-headers").find("Authorization"), std::string::npos);
  EXPECT_NE(result.header("access-control-allow-headers").find("Content-Type"), std::string::npos);
}

TEST_F(GatewayApi, AuthorizesCapturesPerOrderRefundsAndReleasesTheRest) {
  const auto authorized = authorize(kVisa, 5000, /*multicapture=*/true);
  ASSERT_EQ(authorized.status, 200) << authorized.body;
  const auto intent = authorized.json().as_object();
  const std::string id(intent.at("id").as_string());
  EXPECT_TRUE(id.starts_with("pi_"));
  EXPECT_EQ(intent.at("object"), "payment_intent");
  EXPECT_EQ(intent.at("status"), "requires_capture");
  EXPECT_EQ(intent.at("amount"), 5000);
  EXPECT_EQ(intent.at("amount_capturable"), 5000);
  EXPECT_EQ(intent.at("amount_received"), 0);
  EXPECT_EQ(intent.at("capture_method"), "manual");
  EXPECT_EQ(intent.at("currency"), "usd");
  EXPECT_EQ(intent.at("metadata").at("order_id"), "42");
  EXPECT_EQ(intent.at("transfer_group"), "checkout_7");
  EXPECT_EQ(intent.at("payment_method_options").at("card").at("request_multicapture"),
            "if_available");
  EXPECT_TRUE(intent.at("payment_method").as_string().starts_with("pm_"));
  const std::string charge_id(intent.at("latest_charge").as_string());
  EXPECT_TRUE(charge_id.starts_with("ch_"));
  const auto authorization = event_about("payment_intent.amount_capturable_updated", id);
  EXPECT_EQ(authorization.at("object"), "event");
  EXPECT_TRUE(authorization.at("id").as_string().starts_with("evt_"));
  EXPECT_EQ(authorization.at("livemode"), false);
  EXPECT_EQ(authorization.at("data").at("object").at("amount_capturable"), 5000);

  // Two vendor orders captured one by one; the third is cancelled.
  auto first = post("/v1/payment_intents/" + id + "/capture",
                    {{"amount_to_capture", "2000"}, {"final_capture", "false"}});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json().at("status"), "requires_capture");
  EXPECT_EQ(first.json().at("amount_received"), 2000);
  EXPECT_EQ(first.json().at("amount_capturable"), 3000);
  auto second = post("/v1/payment_intents/" + id + "/capture",
                     {{"amount_to_capture", "1500"}, {"final_capture", "false"}});
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.json().at("amount_received"), 3500);
  EXPECT_EQ(second.json().at("amount_capturable"), 1500);
  const auto captured = receiver_.wait_for("charge.captured", [&](const json::object& charge) {
    return charge.at("amount_captured") == 3500;
  });
  ASSERT_TRUE(captured);
  EXPECT_EQ(captured->event.at("data").at("object").at("id"), charge_id.c_str());

  auto refund = post("/v1/refunds", {{"payment_intent", id},
                                     {"amount", "500"},
                                     {"reason", "requested_by_customer"},
                                     {"metadata[order_id]", "43"}});
  ASSERT_EQ(refund.status, 200) << refund.body;
  const auto refunded = refund.json().as_object();
  EXPECT_TRUE(refunded.at("id").as_string().starts_with("re_"));
  EXPECT_EQ(refunded.at("object"), "refund");
  EXPECT_EQ(refunded.at("amount"), 500);
  EXPECT_EQ(refunded.at("charge"), charge_id.c_str());
  EXPECT_EQ(refunded.at("payment_intent"), id.c_str());
  EXPECT_EQ(refunded.at("status"), "succeeded");
  EXPECT_EQ(refunded.at("reason"), "requested_by_customer");
  EXPECT_EQ(refunded.at("metadata").at("order_id"), "43");
  event_about("refund.created", std::string(refunded.at("id").as_string()));
  const auto charge_refunded = event_about("charge.refunded", charge_id);
  EXPECT_EQ(charge_refunded.at("data").at("object").at("amount_refunded"), 500);

  auto cancel = post("/v1/payment_intents/" + id + "/cancel", {});
  ASSERT_EQ(cancel.status, 200) << cancel.body;
  EXPECT_EQ(cancel.json().at("amount_capturable"), 0);
  EXPECT_EQ(cancel.json().at("amount_received"), 3500);
  EXPECT_EQ(cancel.json().at("status"), "succeeded");

  const auto read = gateway_.get("/v1/payment_intents/" + id);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json().at("amount_received"), 3500);
  const auto charge = gateway_.get("/v1/charges/" + charge_id).json();
  EXPECT_EQ(charge.at("amount_captured"), 3500);
  EXPECT_EQ(charge.at("amount_refunded"), 500);
  EXPECT_EQ(charge.at("refunded"), false);
  const auto balance = gateway_.get("/v1/balance").json();
  EXPECT_EQ(balance.at("object"), "balance");
  EXPECT_EQ(balance.at("available").at(0).at("amount"), 3000);
}

TEST_F(GatewayApi, CapturesInFullAndCancelsAnAuthorization) {
  const auto whole = authorized_intent(kVisa, 1200);
  const auto captured = post("/v1/payment_intents/" + whole + "/capture", {});
  ASSERT_EQ(captured.status, 200) << captured.body;
  EXPECT_EQ(captured.json().at("status"), "succeeded");
  EXPECT_EQ(captured.json().at("amount_received"), 1200);
  event_about("payment_intent.succeeded", whole);

  const auto released = authorized_intent(kVisa, 800);
  const auto cancelled =
      post("/v1/payment_intents/" + released + "/cancel", {{"cancellation_reason", "abandoned"}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json().at("status"), "canceled");
  EXPECT_EQ(cancelled.json().at("cancellation_reason"), "abandoned");
  EXPECT_TRUE(cancelled.json().at("canceled_at").is_int64());
  event_about("payment_intent.canceled", released);
  expect_error(post("/v1/payment_intents/" + released + "/capture", {}), 400,
               "invalid_request_error", "payment_intent_unexpected_state");
  expect_error(post("/v1/payment_intents/" + whole + "/cancel", {}), 400, "invalid_request_error",
               "payment_intent_unexpected_state");
}

TEST_F(GatewayApi, DeclinesTheDecliningTestCards) {
  struct Case {
    std::string number, decline_code;
  };
  for (const auto& c : std::vector<Case>{{"4000000000000002", "generic_decline"},
                                         {"4000000000009995", "insufficient_funds"},
                                         {"4000000000009987", "lost_card"}}) {
    SCOPED_TRACE(c.number);
    const auto result = authorize(c.number, 1000);
    expect_error(result, 402, "card_error", "card_declined");
    const auto error = result.json().at("error").as_object();
    EXPECT_EQ(error.at("decline_code"), c.decline_code.c_str());
    const auto intent = error.at("payment_intent").as_object();
    EXPECT_EQ(intent.at("status"), "requires_payment_method");
    EXPECT_EQ(intent.at("last_payment_error").at("decline_code"), c.decline_code.c_str());
    const std::string id(intent.at("id").as_string());
    event_about("payment_intent.payment_failed", id);
    expect_error(post("/v1/payment_intents/" + id + "/capture", {}), 400, "invalid_request_error",
                 "payment_intent_unexpected_state");
  }
}

TEST_F(GatewayApi, TheCaptureFailCardAuthorizesThenFailsAtCapture) {
  const auto id = authorized_intent("4000000000000341", 2500);
  const auto failed = post("/v1/payment_intents/" + id + "/capture", {});
  expect_error(failed, 402, "card_error", "card_declined");
  const auto intent = gateway_.get("/v1/payment_intents/" + id).json();
  EXPECT_EQ(intent.at("status"), "requires_capture");
  EXPECT_EQ(intent.at("amount_received"), 0);
  EXPECT_EQ(post("/v1/payment_intents/" + id + "/cancel", {}).status, 200);
}

TEST_F(GatewayApi, NeverCapturesMoreThanAuthorizedNorRefundsMoreThanCaptured) {
  const auto id = authorized_intent(kVisa, 1000, /*multicapture=*/true);
  expect_error(post("/v1/payment_intents/" + id + "/capture", {{"amount_to_capture", "1001"}}), 400,
               "invalid_request_error", "amount_too_large", "amount_to_capture");
  ASSERT_EQ(post("/v1/payment_intents/" + id + "/capture",
                 {{"amount_to_capture", "600"}, {"final_capture", "false"}})
                .status,
            200);
  expect_error(post("/v1/payment_intents/" + id + "/capture", {{"amount_to_capture", "401"}}), 400,
               "invalid_request_error", "amount_too_large");
  expect_error(post("/v1/refunds", {{"payment_intent", id}, {"amount", "601"}}), 400,
               "invalid_request_error", "amount_too_large", "amount");
  ASSERT_EQ(post("/v1/refunds", {{"payment_intent", id}, {"amount", "600"}}).status, 200);
  expect_error(post("/v1/refunds", {{"payment_intent", id}, {"amount", "1"}}), 400,
               "invalid_request_error", "charge_already_refunded");

  // Without multicapture, a partial capture is final.
  const auto single = authorized_intent(kVisa, 1000);
  expect_error(post("/v1/payment_intents/" + single + "/capture",
                    {{"amount_to_capture", "100"}, {"final_capture", "false"}}),
               400, "invalid_request_error", "", "final_capture");
  const auto partial =
      post("/v1/payment_intents/" + single + "/capture", {{"amount_to_capture", "100"}});
  EXPECT_EQ(partial.json().at("status"), "succeeded");
  EXPECT_EQ(partial.json().at("amount_capturable"), 0);
  expect_error(post("/v1/refunds", {{"payment_intent", single}, {"amount", "101"}}), 400,
               "invalid_request_error", "amount_too_large");
}

TEST_F(GatewayApi, ConcurrentCapturesAndRefundsNeverExceedTheAuthorization) {
  const auto id = authorized_intent(kVisa, 1000, /*multicapture=*/true);
  const auto capture = form_encode({{"amount_to_capture", "300"}, {"final_capture", "false"}});
  std::atomic<int> captured{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&] {
      if (gateway_.post("/v1/payment_intents/" + id + "/capture", capture).status == 200)
        ++captured;
    });
  for (auto& thread : threads) thread.join();
  threads.clear();
  EXPECT_EQ(captured, 3);
  EXPECT_EQ(gateway_.get("/v1/payment_intents/" + id).json().at("amount_received"), 900);

  std::atomic<int> refunded{0};
  const auto refund = form_encode({{"payment_intent", id}, {"amount", "200"}});
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&] {
      if (gateway_.post("/v1/refunds", refund).status == 200) ++refunded;
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(refunded, 4);
  const auto charge = gateway_.get("/v1/payment_intents/" + id).json().at("latest_charge");
  EXPECT_EQ(
      gateway_.get("/v1/charges/" + std::string(charge.as_string())).json().at("amount_refunded"),
      800);
}

TEST_F(GatewayApi, ReplaysAnIdempotentRequestAndRefusesTheKeyWithOtherParameters) {
  const Headers key{{"Idempotency-Key", "checkout-7-attempt-1"}};
  const std::string token = tokenize(kVisa);
  const auto body = form_encode({{"amount", "700"},
                                 {"currency", "usd"},
                                 {"capture_method", "manual"},
                                 {"confirm", "true"},
                                 {"payment_method_data[type]", "card"},
                                 {"payment_method_data[card][token]", token}});
  const auto first = gateway_.post("/v1/payment_intents", body, key);
  ASSERT_EQ(first.status, 200) << first.body;
  const auto again = gateway_.post("/v1/payment_intents", body, key);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.header("idempotent-replayed"), "true");

  const auto other =
      gateway_.post("/v1/payment_intents", body + "&" + form_encode({{"metadata[x]", "y"}}), key);
  expect_error(other, 400, "idempotency_error");

  // A decline is an answer too: replayed, not re-run.
  const Headers decline_key{{"Idempotency-Key", "checkout-8"}};
  const auto decline_body =
      form_encode({{"amount", "500"},
                   {"currency", "usd"},
                   {"confirm", "true"},
                   {"payment_method_data[type]", "card"},
                   {"payment_method_data[card][token]", tokenize("4000000000000002")}});
  const auto declined = gateway_.post("/v1/payment_intents", decline_body, decline_key);
  EXPECT_EQ(declined.status, 402) << declined.body;
  const auto declined_again = gateway_.post("/v1/payment_intents", decline_body, decline_key);
  EXPECT_EQ(declined_again.status, 402);
  EXPECT_EQ(declined_again.body, declined.body);
  EXPECT_EQ(declined_again.header("idempotent-replayed"), "true");

  // The same key for a different account is a different key.
  const auto account = post("/v1/accounts", {{"type", "express"}}).json();
  const auto balance_key =
      gateway_.post("/v1/payouts", form_encode({{"amount", "1"}, {"currency", "usd"}}),
                    {{"Idempotency-Key", "checkout-7-attempt-1"},
                     {"Stripe-Account", std::string(account.at("id").as_string())}});
  expect_error(balance_key, 400, "invalid_request_error", "balance_insufficient");
}

TEST_F(GatewayApi, RefusesMissingAndWrongKeysLikeStripe) {
  const auto missing = gateway_.get("/v1/balance", {}, "");
  expect_error(missing, 401, "invalid_request_error");
  EXPECT_FALSE(missing.header("www-authenticate").empty());
  const auto wrong = gateway_.get("/v1/balance", {}, "sk_test_not_the_key_9876");
  expect_error(wrong, 401, "invalid_request_error");
  const std::string message(wrong.json().at("error").at("message").as_string());
  EXPECT_NE(message.find("sk_test_****9876"), std::string::npos) << message;
  EXPECT_EQ(message.find("not_the_key"), std::string::npos) << message;
  // Basic auth with the key as the user name, as `curl -u sk_test_...:` sends it.
  const auto basic = gateway_.get(
      "/v1/balance",
      {{"Authorization", "Basic " + base64(std::string(GatewayProcess::kSecretKey) + ":")}}, "");
  EXPECT_EQ(basic.status, 200) << basic.body;
  expect_error(gateway_.get("/v1/balance", {{"Authorization", "Basic !!!"}}, ""), 401,
               "invalid_request_error");
  // The publishable key tokenizes cards and does nothing else.
  expect_error(
      gateway_.post("/v1/payment_intents", form_encode({{"amount", "100"}, {"currency", "usd"}}),
                    {}, GatewayProcess::kPublishableKey),
      401, "invalid_request_error");
  expect_error(
      gateway_.post("/v1/tokens", form_encode({{"card[number]", kVisa}}), {}, "pk_test_wrong"), 401,
      "invalid_request_error");
}

TEST_F(GatewayApi, PaysAConnectedAccountOutAndReportsAFailedPayout) {
  const auto created = post("/v1/accounts", {{"type", "express"},
                                             {"country", "DE"},
                                             {"email", "potter@example.com"},
                                             {"metadata[shop_id]", "12"}});
  ASSERT_EQ(created.status, 200) << created.body;
  const auto account = created.json().as_object();
  const std::string account_id(account.at("id").as_string());
  EXPECT_TRUE(account_id.starts_with("acct_"));
  EXPECT_EQ(account.at("object"), "account");
  EXPECT_EQ(account.at("type"), "express");
  EXPECT_EQ(account.at("country"), "DE");
  EXPECT_EQ(account.at("default_currency"), "eur");
  EXPECT_EQ(account.at("payouts_enabled"), true);
  EXPECT_EQ(gateway_.get("/v1/accounts/" + account_id).json().at("email"), "potter@example.com");

  // The platform has nothing to transfer until a payment is captured.
  expect_error(
      post("/v1/transfers", {{"amount", "800"}, {"currency", "eur"}, {"destination", account_id}}),
      400, "invalid_request_error", "balance_insufficient");
  const std::string token = tokenize(kVisa);
  ASSERT_EQ(post("/v1/payment_intents", {{"amount", "1000"},
                                         {"currency", "eur"},
                                         {"confirm", "true"},
                                         {"payment_method_data[type]", "card"},
                                         {"payment_method_data[card][token]", token}})
                .json()
                .at("status"),
            "succeeded");

  const auto transfer = post("/v1/transfers", {{"amount", "800"},
                                               {"currency", "eur"},
                                               {"destination", account_id},
                                               {"transfer_group", "order_12"},
                                               {"metadata[order_id]", "12"}});
  ASSERT_EQ(transfer.status, 200) << transfer.body;
  EXPECT_TRUE(transfer.json().at("id").as_string().starts_with("tr_"));
  EXPECT_EQ(transfer.json().at("destination"), account_id.c_str());
  EXPECT_EQ(transfer.json().at("transfer_group"), "order_12");
  expect_error(
      post("/v1/transfers", {{"amount", "1"}, {"currency", "eur"}, {"destination", "acct_nobody"}}),
      400, "invalid_request_error", "resource_missing", "destination");

  const Headers connected{{"Stripe-Account", account_id}};
  auto balance = gateway_.get("/v1/balance", connected).json();
  EXPECT_EQ(balance.at("available").at(0).at("amount"), 800);
  EXPECT_EQ(balance.at("available").at(0).at("currency"), "eur");
  EXPECT_EQ(gateway_.get("/v1/balance").json().at("available").at(0).at("amount"), 200);

  const auto payout = post("/v1/payouts", {{"amount", "500"}, {"currency", "eur"}}, connected);
  ASSERT_EQ(payout.status, 200) << payout.body;
  const std::string payout_id(payout.json().at("id").as_string());
  EXPECT_TRUE(payout_id.starts_with("po_"));
  EXPECT_EQ(payout.json().at("object"), "payout");
  const auto paid = event_about("payout.paid", payout_id);
  EXPECT_EQ(paid.at("account"), account_id.c_str());
  EXPECT_EQ(paid.at("data").at("object").at("status"), "paid");
  EXPECT_EQ(gateway_.get("/v1/payouts/" + payout_id, connected).json().at("status"), "paid");
  balance = gateway_.get("/v1/balance", connected).json();
  EXPECT_EQ(balance.at("available").at(0).at("amount"), 300);
  expect_error(post("/v1/payouts", {{"amount", "301"}, {"currency", "eur"}}, connected), 400,
               "invalid_request_error", "balance_insufficient");

  // docs/gateway.md: an account made with this metadata fails its payouts.
  const auto closed = post("/v1/accounts", {{"type", "express"},
                                            {"metadata[gateway_payout_failure]", "account_closed"}})
                          .json();
  const std::string closed_id(closed.at("id").as_string());
  ASSERT_EQ(
      post("/v1/transfers", {{"amount", "200"}, {"currency", "eur"}, {"destination", closed_id}})
          .status,
      200);
  const Headers closed_account{{"Stripe-Account", closed_id}};
  const auto failing =
      post("/v1/payouts", {{"amount", "200"}, {"currency", "eur"}}, closed_account);
  ASSERT_EQ(failing.status, 200) << failing.body;
  const auto failed =
      event_about("payout.failed", std::string(failing.json().at("id").as_string()));
  EXPECT_EQ(failed.at("account"), closed_id.c_str());
  EXPECT_EQ(failed.at("data").at("object").at("failure_code"), "account_closed");
  // A failed payout returns the money to the balance.
  EXPECT_EQ(gateway_.get("/v1/balance", closed_account).json().at("available").at(0).at("amount"),
            200);
}

TEST_F(GatewayApi, TheDisputeCardOpensADisputeAfterCapture) {
  const auto id = authorized_intent("4000000000000259", 3000);
  ASSERT_EQ(post("/v1/payment_intents/" + id + "/capture", {}).status, 200);
  const auto dispute = receiver_.wait_for("charge.dispute.created", [&](const json::object& d) {
    return d.at("payment_intent") == id.c_str();
  });
  ASSERT_TRUE(dispute);
  EXPECT_TRUE(dispute->signature_valid);
  const auto object = dispute->event.at("data").at("object").as_object();
  EXPECT_TRUE(object.at("id").as_string().starts_with("du_"));
  EXPECT_EQ(object.at("object"), "dispute");
  EXPECT_EQ(object.at("amount"), 3000);
  EXPECT_EQ(object.at("status"), "needs_response");
  const auto charge = gateway_.get("/v1/charges/" + std::string(object.at("charge").as_string()));
  EXPECT_EQ(charge.json().at("disputed"), true);
}

// Evidence submitted for a dispute: in test mode, as at Stripe,
// "winning_evidence" wins it (the amount back in the balance, with
// charge.dispute.closed and .funds_reinstated) and "losing_evidence" loses it.
TEST_F(GatewayApi, EvidenceWinsOrLosesADisputeAsAtStripe) {
  const auto available = [&] {
    return gateway_.get("/v1/balance").json().at("available").at(0).at("amount").as_int64();
  };
  const auto open_dispute = [&](std::int64_t amount) {
    const auto id = authorized_intent("4000000000000259", amount);
    EXPECT_EQ(post("/v1/payment_intents/" + id + "/capture", {}).status, 200);
    const auto opened = receiver_.wait_for("charge.dispute.created", [&](const json::object& d) {
      return d.at("payment_intent") == id.c_str();
    });
    EXPECT_TRUE(opened);
    return opened ? std::string(opened->event.at("data").at("object").at("id").as_string())
                  : std::string();
  };
  const auto won = open_dispute(3000);
  const auto lost = open_dispute(1200);
  ASSERT_FALSE(won.empty() || lost.empty());
  const auto before = available();

  const auto read = gateway_.get("/v1/disputes/" + won).json();
  EXPECT_EQ(read.at("evidence").at("uncategorized_text"), nullptr);
  EXPECT_EQ(read.at("evidence_details").at("submission_count"), 0);
  EXPECT_EQ(read.at("evidence_details").at("has_evidence"), false);

  // Staged (submit=false): kept, nothing decided.
  const auto staged = post("/v1/disputes/" + won, {{"evidence[shipping_tracking_number]", "PN123"},
                                                   {"evidence[shipping_carrier]", "PostNord"},
                                                   {"submit", "false"}});
  ASSERT_EQ(staged.status, 200) << staged.body;
  EXPECT_EQ(staged.json().at("status"), "needs_response");
  EXPECT_EQ(staged.json().at("evidence").at("shipping_tracking_number"), "PN123");

  const auto submitted =
      post("/v1/disputes/" + won,
           {{"evidence[uncategorized_text]", "winning_evidence"}, {"metadata[order]", "7"}});
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  const auto dispute = submitted.json();
  EXPECT_EQ(dispute.at("status"), "won");
  EXPECT_EQ(dispute.at("evidence").at("shipping_tracking_number"), "PN123");
  EXPECT_EQ(dispute.at("evidence_details").at("submission_count"), 1);
  EXPECT_EQ(dispute.at("evidence_details").at("has_evidence"), true);
  EXPECT_EQ(dispute.at("metadata").at("order"), "7");
  EXPECT_EQ(event_about("charge.dispute.closed", won).at("data").at("object").at("status"), "won");
  EXPECT_EQ(
      event_about("charge.dispute.funds_reinstated", won).at("data").at("object").at("amount"),
      3000);
  EXPECT_EQ(available(), before + 3000);
  // Closed: no more evidence, no closing.
  expect_error(post("/v1/disputes/" + won, {{"evidence[uncategorized_text]", "more"}}), 400,
               "invalid_request_error");
  expect_error(post("/v1/disputes/" + won + "/close", {}), 400, "invalid_request_error");

  const auto lost_now =
      post("/v1/disputes/" + lost, {{"evidence[uncategorized_text]", "losing_evidence"}});
  ASSERT_EQ(lost_now.status, 200) << lost_now.body;
  EXPECT_EQ(lost_now.json().at("status"), "lost");
  EXPECT_EQ(event_about("charge.dispute.closed", lost).at("data").at("object").at("status"),
            "lost");
  EXPECT_EQ(available(), before + 3000);  // a lost dispute's amount stays with the buyer
}

TEST_F(GatewayApi, ClosingADisputeLosesItAndOtherEvidenceLeavesItUnderReview) {
  const auto open_dispute = [&] {
    const auto id = authorized_intent("4000000000000259", 500);
    EXPECT_EQ(post("/v1/payment_intents/" + id + "/capture", {}).status, 200);
    const auto opened = receiver_.wait_for("charge.dispute.created", [&](const json::object& d) {
      return d.at("payment_intent") == id.c_str();
    });
    return opened ? std::string(opened->event.at("data").at("object").at("id").as_string())
                  : std::string();
  };
  const auto accepted = open_dispute(), argued = open_dispute();
  ASSERT_FALSE(accepted.empty() || argued.empty());

  const auto closed = post("/v1/disputes/" + accepted + "/close", {});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json().at("status"), "lost");
  EXPECT_EQ(event_about("charge.dispute.closed", accepted).at("data").at("object").at("status"),
            "lost");

  const auto review = post("/v1/disputes/" + argued, {{"evidence[product_description]", "A mug"}});
  ASSERT_EQ(review.status, 200) << review.body;
  EXPECT_EQ(review.json().at("status"), "under_review");
  EXPECT_EQ(event_about("charge.dispute.updated", argued).at("data").at("object").at("status"),
            "under_review");

  // Bad input: Stripe's error shapes.
  expect_error(post("/v1/disputes/" + argued, {{"evidence[receipt]", "file_1"}}), 400,
               "invalid_request_error", "parameter_unknown", "evidence[receipt]");
  expect_error(post("/v1/disputes/du_nothing", {{"evidence[uncategorized_text]", "x"}}), 404,
               "invalid_request_error", "resource_missing");
  expect_error(
      post("/v1/disputes/" + argued, {{"evidence[uncategorized_text]", std::string(20'001, 'a')}}),
      400, "invalid_request_error", {}, "evidence[uncategorized_text]");
}

TEST_F(GatewayApi, ListsAndReadsEventsSignedWithinTolerance) {
  const auto id = authorized_intent(kVisa, 900);
  const auto delivered = receiver_.wait_for("payment_intent.amount_capturable_updated");
  ASSERT_TRUE(delivered);
  EXPECT_LE(std::abs(delivered->signed_at - static_cast<std::int64_t>(std::time(nullptr))), 300);
  const std::string event_id(delivered->event.at("id").as_string());
  const auto read = gateway_.get("/v1/events/" + event_id);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json().at("type"), "payment_intent.amount_capturable_updated");
  EXPECT_EQ(read.json().at("data").at("object").at("id"), id.c_str());

  const auto list =
      gateway_.get("/v1/events?limit=1&type=payment_intent.amount_capturable_updated");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json().at("object"), "list");
  EXPECT_EQ(list.json().at("data").as_array().size(), 1u);
  EXPECT_EQ(list.json().at("data").at(0).at("id"), event_id.c_str());
  expect_error(gateway_.get("/v1/events/evt_nothing"), 404, "invalid_request_error",
               "resource_missing");
}

TEST_F(GatewayApi, BadInputGetsAStripeShapedErrorAndNoCrash) {
  expect_error(gateway_.post("/v1/payment_intents", "amount=%zz&currency=usd"), 400,
               "invalid_request_error");
  expect_error(gateway_.post("/v1/payment_intents", "amount=1&card[number=4"), 400,
               "invalid_request_error");
  expect_error(post("/v1/payment_intents", {{"currency", "usd"}}), 400, "invalid_request_error",
               "parameter_missing", "amount");
  expect_error(post("/v1/payment_intents", {{"amount", "12.5"}, {"currency", "usd"}}), 400,
               "invalid_request_error", "parameter_invalid_integer", "amount");
  expect_error(post("/v1/payment_intents", {{"amount", "-3"}, {"currency", "usd"}}), 400,
               "invalid_request_error", "parameter_invalid_integer", "amount");
  expect_error(post("/v1/payment_intents", {{"amount", "100"}, {"currency", "usd"}, {"cost", "1"}}),
               400, "invalid_request_error", "parameter_unknown", "cost");
  expect_error(post("/v1/payment_intents", {{"amount", "100"}, {"currency", "dollars"}}), 400,
               "invalid_request_error");
  expect_error(post("/v1/payment_intents",
                    {{"amount", "100"}, {"currency", "usd"}, {"capture_method", "later"}}),
               400, "invalid_request_error", "", "capture_method");
  expect_error(post("/v1/payment_intents", {{"amount", "100"},
                                            {"currency", "usd"},
                                            {"confirm", "true"},
                                            {"payment_method_data[type]", "card"},
                                            {"payment_method_data[card][token]", "tok_nothing"}}),
               400, "invalid_request_error", "resource_missing");
  expect_error(gateway_.client().request(
                   boost::beast::http::verb::post, "/v1/payment_intents", R"({"amount":100})",
                   {{"Content-Type", "application/json"},
                    {"Authorization", std::string("Bearer ") + GatewayProcess::kSecretKey}}),
               400, "invalid_request_error");
  expect_error(gateway_.get("/v1/payment_intents/pi_nothing"), 404, "invalid_request_error",
               "resource_missing");
  expect_error(gateway_.get("/v1/nothing"), 404, "invalid_request_error");
  expect_error(post("/v1/refunds", {{"amount", "1"}}), 400, "invalid_request_error",
               "parameter_missing");

  // A token is single-use.
  const std::string token = tokenize(kVisa);
  const Form with_token{{"amount", "100"},
                        {"currency", "usd"},
                        {"confirm", "true"},
                        {"capture_method", "manual"},
                        {"payment_method_data[type]", "card"},
                        {"payment_method_data[card][token]", token}};
  EXPECT_EQ(post("/v1/payment_intents", with_token).status, 200);
  expect_error(post("/v1/payment_intents", with_token), 400, "invalid_request_error",
               "token_already_used");

  // A body larger than the limit is refused from its Content-Length alone.
  RawConnection huge(gateway_.port());
  huge.send("POST /v1/payment_intents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
            std::string(GatewayProcess::kSecretKey) +
            "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
            "50000000\r\n\r\namount=");
  const std::string response = huge.read_response(5000);
  EXPECT_TRUE(response.starts_with("HTTP/1.1 400")) << response;
  EXPECT_NE(response.find("invalid_request_error"), std::string::npos) << response;

  // Still serving.
  EXPECT_EQ(gateway_.get("/v1/balance").status, 200);
}

}  // namespace
}  // namespace ps::testing
