#include "app/demo_orders.h"

#include "http/outbound.h"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <chrono>
#include <stdexcept>

namespace ps {

namespace {
// The test gateway's cards (docs/gateway.md): one it approves, and one whose
// buyer disputes the payment once it is captured.
constexpr const char* kApprovedCard = "4242424242424242";
constexpr const char* kDisputedCard = "4000000000000259";

// A test card tokenised at the gateway as the web app's checkout does it in
// the buyer's browser: the card never reaches the shop.
std::string card_token(const Config& config, const std::string& number) {
  const auto today = std::chrono::year_month_day(
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  const std::string url = config.payment_tokens_url.empty()
                              ? config.payment_gateway_url + "/v1/tokens"
                              : config.payment_tokens_url;
  const auto answer = http::send(
      {.method = "POST",
       .url = url,
       .headers = {"Authorization: Bearer " + config.payment_publishable_key,
                   "Content-Type: application/x-www-form-urlencoded"},
       .body = http::form_encode({{"card[number]", number},
                                  {"card[exp_month]", "12"},
                                  {"card[exp_year]", std::to_string(int(today.year()) + 3)},
                                  {"card[cvc]", "123"}})});
  if (answer.status != 200)
    throw std::runtime_error("the gateway refused the demo card (" + std::to_string(answer.status) +
                             ")");
  return std::string(boost::json::parse(answer.body).at("id").as_string());
}

orders::ShippingAddress address_of(const accounts::User& buyer) {
  return {.name = buyer.display_name,
          .line1 = "1120 NW Couch Street",
          .city = "Portland",
          .postal_code = "97209",
          .country = "US",
          .region = "OR"};
}

class DemoOrders {
 public:
  explicit DemoOrders(Application& app) : app_(app) {}

  // Buys the products (one each) in one checkout; returns its orders' ids,
  // one per shop, in the order checkout placed them.
  std::vector<std::int64_t> buy(const accounts::User& buyer,
                                const std::vector<std::int64_t>& products,
                                const std::string& card = kApprovedCard) {
    const auto token = card_token(app_.config(), card);
    const cart::CartOwner owner{buyer.id, ""};
    for (const auto product : products) app_.carts().add(owner, product, 1);
    const auto placed = app_.checkout().checkout({.buyer_id = buyer.id,
                                                  .buyer_name = buyer.display_name,
                                                  .payment_token = token,
                                                  .address = address_of(buyer)});
    std::vector<std::int64_t> ids;
    for (const auto& order : placed.orders) ids.push_back(order.order.id);
    placed_ += static_cast<int>(ids.size());
    return ids;
  }

  void ship(const accounts::User& vendor, std::int64_t order, const std::string& tracking) {
    const orders::Actor actor{vendor.id, accounts::Role::vendor};
    app_.orders().process(actor, order);
    app_.orders().ship(actor, order, "PostNord", tracking);
  }

  void deliver(const accounts::User& vendor, std::int64_t order, const std::string& tracking) {
    ship(vendor, order, tracking);
    app_.orders().deliver({vendor.id, accounts::Role::vendor}, order);
  }

  int orders_placed() const { return placed_; }

 private:
  Application& app_;
  int placed_ = 0;
};

int place_orders(Application& app, const std::vector<DemoShop>& shops, const accounts::User& buyer,
                 const accounts::User& other_buyer) {
  const auto& vendor = shops.at(0).vendor;
  const auto& on_sale = shops.at(0).products_for_sale;
  DemoOrders orders(app);

  // Delivered and reviewed, with the shop's answer; from two shops at once.
  const auto first = orders.buy(buyer, {on_sale.at(0), shops.at(1).products_for_sale.at(0)});
  orders.deliver(vendor, first.at(0), "RR104857362SE");
  const auto review = app.reviews().create(
      buyer.id, on_sale.at(0), 5, "Even lovelier than the photos, and packed with great care.");
  app.reviews().reply(vendor.id, review.id, "Thank you! Enjoy it.");

  // On its way.
  orders.ship(vendor, orders.buy(buyer, {on_sale.at(1)}).at(0), "RR209384756SE");

  // Delivered to the other buyer, and reviewed.
  orders.deliver(vendor, orders.buy(other_buyer, {on_sale.at(2)}).at(0), "RR318273645SE");
  app.reviews().create(other_buyer.id, on_sale.at(2), 4, "Solid and well made; took a week.");

  // Cancelled by its buyer before it shipped.
  app.orders().cancel({other_buyer.id, accounts::Role::buyer},
                      orders.buy(other_buyer, {on_sale.at(3)}).at(0), "Ordered twice by mistake.");

  // Waiting for the vendor: one in hand, one with a question from its buyer.
  app.orders().process({vendor.id, accounts::Role::vendor},
                       orders.buy(buyer, {on_sale.at(4)}).at(0));
  const auto asked = orders.buy(other_buyer, {on_sale.at(5)}).at(0);
  app.messages().write_about_order(
      other_buyer.id, asked,
      {.body = "Hello! Could you gift-wrap this one? It is a birthday present."});

  // Shipped, then its buyer's bank disputes the payment: the gateway's event
  // reaches the shop once it serves, and the vendor can answer it.
  orders.ship(vendor, orders.buy(buyer, {on_sale.at(6)}, kDisputedCard).at(0), "RR427364518SE");
  return orders.orders_placed();
}
}  // namespace

int seed_demo_orders(Application& app, const std::vector<DemoShop>& shops,
                     const std::vector<accounts::User>& buyers) {
  try {
    const int placed = place_orders(app, shops, buyers.at(0), buyers.at(1));
    spdlog::info("added {} demo orders", placed);
    return placed;
  } catch (const http::OutboundError& error) {
    // No gateway runs (`seed --demo` without `make run`). Each checkout's card
    // is tokenised before its cart is filled, so the first one writes nothing.
    spdlog::warn("no demo orders: the payment gateway at {} does not answer ({})",
                 app.config().payment_gateway_url, error.what());
    return 0;
  }
}

}  // namespace ps
