// A PocketShop application in the fuzzing process: SQLite in a scratch folder,
// seeded with a vendor, a shop, a product, a buyer with orders and a review,
// and a guest cart. Requests go through the real http::Pipeline (URL parsing,
// routing, the route's own readers and services) without a socket, so a fuzz
// target reaches exactly the code a client reaches.
#pragma once

#include "app/application.h"
#include "http/metrics.h"
#include "http/pipeline.h"

#include <boost/asio/io_context.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace ps::fuzz {

enum class Caller { anonymous, buyer, vendor };

class AppHarness {
 public:
  // Built on first use and kept for the life of the process.
  static AppHarness& instance();

  // One request through the pipeline. A 500 answer means an unexpected
  // exception in our code: the harness crashes the run on it.
  // POCKETSHOP_FUZZ_TRACE=1 prints every request and its answer.
  http::Response call(http::bhttp::verb method, std::string_view target, std::string body,
                      Caller caller, std::string_view content_type = "application/json");

  // Fills {shop}, {product}, {review}, {delivered_order}, {paid_order} in a
  // route pattern with the seeded ids.
  std::string expand(std::string_view pattern) const;
  const std::string& guest_cart_token() const { return guest_cart_; }

 private:
  AppHarness();
  boost::json::object call_ok(http::bhttp::verb method, std::string_view target,
                              const boost::json::object& body, Caller caller, unsigned expected);
  void seed();

  std::string data_dir_;
  std::unique_ptr<Application> app_;
  http::Metrics metrics_;
  std::unique_ptr<http::Pipeline> pipeline_;
  boost::asio::io_context io_;
  std::string buyer_token_, vendor_token_, guest_cart_, shop_slug_;
  std::int64_t product_ = 0, review_ = 0, delivered_order_ = 0, paid_order_ = 0;
};

}  // namespace ps::fuzz
