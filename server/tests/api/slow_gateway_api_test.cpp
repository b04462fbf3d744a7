// A payment gateway that takes its time (Stripe is 100-500 ms away; an
// outage is seconds) holds only the requests that wait on it: checkouts run
// on payment workers of their own, and the catalogue, carts and orders stay
// served by the workers every other request needs.
#include "api/checkout_test.h"
#include "support/loopback_listener.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace ps::testing {
namespace {

using namespace std::chrono_literals;

// Stands in for the gateway: holds every request until released (or 10 s
// have passed), then answers as a gateway in trouble does.
class StalledGateway {
 public:
  StalledGateway() : listener_([this](const WireRequest&) { return hold(); }) {}

  std::string url() const { return "http://127.0.0.1:" + std::to_string(listener_.port()); }
  bool wait_for_first_request(std::chrono::milliseconds limit) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, limit, [&] { return arrived_ > 0; });
  }
  int answered() const { return answered_; }
  void release() {
    std::lock_guard lock(mutex_);
    released_ = true;
    changed_.notify_all();
  }

 private:
  WireResponse hold() {
    std::unique_lock lock(mutex_);
    ++arrived_;
    changed_.notify_all();
    changed_.wait_for(lock, 10s, [&] { return released_; });
    ++answered_;
    return {.status = 503,
            .headers = {{"Content-Type", "application/json"}},
            .body = R"({"error":{"type":"api_error","message":"try again later"}})"};
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  int arrived_ = 0;
  bool released_ = false;
  std::atomic<int> answered_{0};
  LoopbackListener listener_;  // last: it serves on the members above
};

class SlowGateway : public CheckoutTest {
 protected:
  void configure(Config& config) override {
    config.payment_gateway_url = gateway_.url();
    config.db_pool_size = 1;  // one worker: a checkout holding it would stop everything
  }

  StalledGateway gateway_;
};
POCKETSHOP_API_TEST(SlowGateway);

TEST_P(SlowGateway, CheckoutsWaitingOnItLeaveTheOtherRequestsServed) {
  fill_cart(buyer, mug, 1);
  const auto body = checkout_body(kApproves);
  std::vector<std::future<HttpResult>> checkouts;
  for (int i = 0; i < 3; ++i)
    checkouts.push_back(std::async(std::launch::async, [&, i] {
      return checkout(buyer, body, "slow-gateway-" + std::to_string(i));
    }));
  ASSERT_TRUE(gateway_.wait_for_first_request(10s)) << "no checkout reached the gateway";

  EXPECT_EQ(client().get("/api/products").status, 200);
  EXPECT_EQ(client().get("/api/cart", buyer.access_token).status, 200);
  EXPECT_EQ(client().get("/api/orders", buyer.access_token).status, 200);
  EXPECT_EQ(gateway_.answered(), 0) << "the reads above waited for the gateway";

  gateway_.release();
  for (auto& placed : checkouts) expect_problem(placed.get(), 502, "payment-gateway");
  EXPECT_EQ(count("orders"), 0);
}

}  // namespace
}  // namespace ps::testing
