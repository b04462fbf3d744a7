// The test gateway keeps its authorizations in its own file: orders placed
// before a restart of the shop, clean or kill -9, can still be shipped
// (captured), cancelled (released) and refunded afterwards.
#include "support/api_test.h"
#include "support/server_process.h"
#include "support/shop_client.h"

#include <functional>

namespace ps::testing {
namespace {

class GatewayAcrossRestarts : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<ServerProcess>(GetParam());
    const auto client = server_->client();
    vendor_ = sign_up(client, "vendor@example.com", "vendor");
    server_->verify_email("vendor@example.com");
    ASSERT_EQ(client.post_json("/api/shops", {{"name", "Restart Pottery"}}, vendor_).status, 201);
    product_ = create_product(client, vendor_, "Bowl", 1500, 100);
    buyer_ = sign_up(client, "buyer@example.com", "buyer");
  }

  std::int64_t place_order() {
    const auto client = server_->client();
    EXPECT_EQ(add_to_cart(client, buyer_, product_, 1), 200);
    const auto placed = checkout(client, buyer_, "");
    EXPECT_EQ(placed.status, 201) << placed.body;
    return placed.json().at("orders").at(0).at("id").as_int64();
  }

  HttpResult act(const std::string& token, std::int64_t order, const std::string& action,
                 const boost::json::object& body) {
    return server_->client().post_json("/api/orders/" + std::to_string(order) + "/" + action, body,
                                       token);
  }

  HttpResult ship(std::int64_t order) {
    return act(vendor_, order, "ship", {{"carrier", "DHL"}, {"tracking_number", "JD0001"}});
  }

  // Places orders, restarts with `restart`, then moves money on each of them.
  void orders_survive(const std::function<void()>& restart) {
    const auto to_ship = place_order(), to_cancel = place_order(), to_refund = place_order();
    ASSERT_EQ(ship(to_refund).status, 200);
    restart();
    server_->restart();
    const auto shipped = ship(to_ship);
    EXPECT_EQ(shipped.status, 200) << shipped.body;
    const auto cancelled = act(buyer_, to_cancel, "cancel", {{"reason", "Changed my mind"}});
    EXPECT_EQ(cancelled.status, 200) << cancelled.body;
    const auto refunded = act(vendor_, to_refund, "refund", {});
    EXPECT_EQ(refunded.status, 200) << refunded.body;
  }

  std::unique_ptr<ServerProcess> server_;
  std::string vendor_, buyer_;
  std::int64_t product_ = 0;
};
POCKETSHOP_API_TEST(GatewayAcrossRestarts);

TEST_P(GatewayAcrossRestarts, AfterACleanRestart) {
  orders_survive([&] { EXPECT_EQ(server_->terminate(), 0); });
}

TEST_P(GatewayAcrossRestarts, AfterACrash) {
  orders_survive([&] { server_->kill(); });
}

}  // namespace
}  // namespace ps::testing
