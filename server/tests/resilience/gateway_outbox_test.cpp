// The test-mode gateway keeps its state and its undelivered webhooks in its
// own SQLite file: a kill -9 loses neither, and the events the receiver
// refused before the crash reach it after the restart, each once.
#include "support/gateway_process.h"
#include "support/webhook_receiver.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <set>
#include <thread>

namespace ps::testing {
namespace {

namespace json = boost::json;

TEST(GatewayOutbox, KillNineKeepsStateAndDeliversEventsAfterRestart) {
  WebhookReceiver receiver(GatewayProcess::kWebhookSecret);
  receiver.answer_with(503);  // the shop is down: every delivery fails for now
  GatewayProcess gateway(receiver.url());

  const auto token = gateway.post("/v1/tokens",
                                  form_encode({{"card[number]", "4242424242424242"},
                                               {"card[exp_month]", "12"},
                                               {"card[exp_year]", "2034"},
                                               {"card[cvc]", "123"}}),
                                  {}, GatewayProcess::kPublishableKey);
  ASSERT_EQ(token.status, 200) << token.body;
  const Headers key{{"Idempotency-Key", "order-1"}};
  const auto body = form_encode(
      {{"amount", "4000"},
       {"currency", "usd"},
       {"capture_method", "manual"},
       {"confirm", "true"},
       {"payment_method_data[type]", "card"},
       {"payment_method_data[card][token]", std::string(token.json().at("id").as_string())},
       {"payment_method_options[card][request_multicapture]", "if_available"}});
  const auto authorized = gateway.post("/v1/payment_intents", body, key);
  ASSERT_EQ(authorized.status, 200) << authorized.body;
  const std::string id(authorized.json().at("id").as_string());
  ASSERT_EQ(gateway
                .post("/v1/payment_intents/" + id + "/capture",
                      form_encode({{"amount_to_capture", "1500"}, {"final_capture", "false"}}))
                .status,
            200);
  // Let the gateway try (and fail) at least once before it dies.
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  EXPECT_TRUE(receiver.deliveries().empty());

  gateway.kill();
  gateway.start();

  const auto intent = gateway.get("/v1/payment_intents/" + id);
  ASSERT_EQ(intent.status, 200) << intent.body;
  EXPECT_EQ(intent.json().at("amount_received"), 1500);
  EXPECT_EQ(intent.json().at("amount_capturable"), 2500);
  const auto replayed = gateway.post("/v1/payment_intents", body, key);
  EXPECT_EQ(replayed.body, authorized.body);
  EXPECT_EQ(replayed.header("idempotent-replayed"), "true");
  EXPECT_EQ(gateway.get("/v1/balance").json().at("available").at(0).at("amount"), 1500);

  receiver.answer_with(200);
  const auto match = [&](const json::object& object) {
    return object.at("id") == id.c_str() || object.at("payment_intent") == id.c_str();
  };
  ASSERT_TRUE(receiver.wait_for(
      "payment_intent.amount_capturable_updated", [&](const json::object& object) {
        return object.at("id") == id.c_str() && object.at("amount_capturable") == 4000;
      }));
  ASSERT_TRUE(receiver.wait_for("charge.captured", match));

  // Every event the gateway recorded arrives, signed, each exactly once.
  const auto listed = gateway.get("/v1/events?limit=100").json().at("data").as_array();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (receiver.deliveries().size() < listed.size() &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const auto deliveries = receiver.deliveries();
  std::set<std::string> delivered_ids;
  for (const auto& delivery : deliveries) {
    EXPECT_TRUE(delivery.signature_valid);
    EXPECT_TRUE(delivered_ids.insert(std::string(delivery.event.at("id").as_string())).second)
        << "delivered twice: " << delivery.event.at("id");
  }
  for (const auto& event : listed)
    EXPECT_TRUE(delivered_ids.contains(std::string(event.at("id").as_string())))
        << "never delivered: " << event.at("type");
  EXPECT_EQ(deliveries.size(), listed.size());
}

}  // namespace
}  // namespace ps::testing
