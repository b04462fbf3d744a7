#pragma once

// What the checkout, payment and order API tests share: test cards, a
// checkout body, and a fixture that buys, acts on orders and reads what the
// gateway says about each authorization.

#include "support/checkout_request.h"
#include "support/marketplace.h"

#include <soci/soci.h>

#include <ostream>
#include <string>

namespace ps::payments {
inline void PrintTo(const AuthorizationState& state, std::ostream* out) {
  *out << "{" << state.status << ", amount " << state.amount << ", capturable " << state.capturable
       << ", received " << state.received << ", refunded " << state.refunded << "}";
}
}  // namespace ps::payments

namespace ps::testing {

class CheckoutTest : public TwoShopsTest {
 protected:
  // The gateway's view of an authorization: {status, amount, capturable, received, refunded}.
  using AtGateway = payments::AuthorizationState;

  CheckoutTest() : authorizations_before_(newest_authorization_event()) {}

  void fill_cart(const Account& who, std::int64_t product, long long quantity) {
    const auto result = client().post_json(
        "/api/cart/items", {{"product_id", product}, {"quantity", quantity}}, who.access_token);
    ASSERT_EQ(result.status, 200) << result.body;
  }

  HttpResult checkout(const Account& who, const boost::json::object& body,
                      const std::string& key = {}) {
    return checkout_text(who, boost::json::serialize(body), key);
  }

  // The body exactly as given, for tests about its spelling.
  HttpResult checkout_text(const Account& who, const std::string& body,
                           const std::string& key = {}) {
    Headers headers{{"Content-Type", "application/json"},
                    {"Authorization", "Bearer " + who.access_token}};
    if (!key.empty()) headers.emplace_back("Idempotency-Key", key);
    return client().request(boost::beast::http::verb::post, "/api/checkout", body, headers);
  }

  long long inventory(std::int64_t product) {
    return client()
        .get("/api/products/" + std::to_string(product))
        .json()
        .at("inventory")
        .as_int64();
  }

  long long cart_items(const Account& who) {
    return client().get("/api/cart", who.access_token).json().at("item_count").as_int64();
  }

  long long count(const std::string& table) {
    long long n = 0;
    server().app().database().with_session([&](db::Connection& sql) {
      sql.session() << "SELECT COUNT(*) FROM " + table, soci::into(n);
    });
    return n;
  }

  HttpResult act(const Account& who, std::int64_t order, const std::string& action,
                 const boost::json::object& body = {}) {
    return client().post_json("/api/orders/" + std::to_string(order) + "/" + action, body,
                              who.access_token);
  }

  HttpResult ship(const Account& vendor, std::int64_t order) {
    return act(vendor, order, "ship", {{"carrier", "DHL"}, {"tracking_number", "JD0001"}});
  }

  // An order of one `product` that `who` paid for and `vendor` shipped and
  // delivered, so that `who` may review it; returns the order's id.
  std::int64_t delivered_order(const Account& who, const Account& vendor, std::int64_t product) {
    fill_cart(who, product, 1);
    const auto placed = checkout(who, checkout_body(kApproves));
    EXPECT_EQ(placed.status, 201) << placed.body;
    const auto order_id = placed.json().at("orders").at(0).at("id").as_int64();
    EXPECT_EQ(ship(vendor, order_id).status, 200);
    EXPECT_EQ(act(vendor, order_id, "deliver").status, 200);
    return order_id;
  }

  payments::PaymentProvider& gateway() { return server().app().payment_provider(); }

  // The gateway's authorization behind an order, as our payments table records it.
  std::string authorization_of(std::int64_t order_id) {
    std::string authorization;
    const long long order = order_id;
    server().app().database().with_session([&](db::Connection& sql) {
      sql.session()
          << "SELECT p.authorization_id FROM orders o JOIN payments p ON p.id = o.payment_id "
             "WHERE o.id = :order",
          soci::into(authorization), soci::use(order);
    });
    return authorization;
  }

  AtGateway at_gateway(std::int64_t order_id) {
    return gateway().state(authorization_of(order_id));
  }

  // The payment intents the test gateway authorized since this test began,
  // oldest first (the gateway serves every server of this test process).
  std::vector<std::string> gateway_authorizations() {
    std::vector<std::string> found;
    for (const auto& event : authorization_events(100)) {
      if (event.at("id").as_string() == authorizations_before_) break;
      const auto& intent = event.at("data").at("object").as_object();
      if (intent.at("amount_received").as_int64() == 0)
        found.insert(found.begin(), std::string(intent.at("id").as_string()));
    }
    return found;
  }

 private:
  static boost::json::array authorization_events(int limit) {
    const auto answer = test_gateway().get(
        "/v1/events?type=payment_intent.amount_capturable_updated&limit=" + std::to_string(limit));
    return answer.json().at("data").as_array();
  }

  static std::string newest_authorization_event() {
    const auto events = authorization_events(1);
    return events.empty() ? "" : std::string(events.front().at("id").as_string());
  }

  std::string authorizations_before_;
};

}  // namespace ps::testing
