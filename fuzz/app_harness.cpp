#include "fuzz/app_harness.h"

#include "core/logging.h"
#include "fuzz/fuzz_support.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace ps::fuzz {

namespace {
using http::bhttp::field;
using http::bhttp::verb;

constexpr const char* kPassword = "fuzzing-password";

void remove_data_dir(const std::string& dir) {
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
    text.replace(pos, from.size(), to);
  return text;
}
}  // namespace

AppHarness& AppHarness::instance() {
  static AppHarness* harness = new AppHarness();  // never destroyed: worker threads keep running
  return *harness;
}

AppHarness::AppHarness() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "pocketshop-fuzz-XXXXXX").string();
  if (!mkdtemp(pattern.data())) crash("mkdtemp failed");
  data_dir_ = pattern;
  static std::string dir_to_remove = data_dir_;
  std::atexit([] { remove_data_dir(dir_to_remove); });

  Config config;
  config.data_dir = data_dir_;
  config.jwt_secret = "fuzzing-secret-fuzzing-secret-0123456789";
  config.password_strength = "min";
  config.db_pool_size = 2;
  config.log_level = "error";  // the pipeline logs the exception behind a 500
  // Let every request through to the route's own checks.
  config.login_limit_per_ip = config.login_limit_per_email = 1'000'000'000;
  config.signup_limit_per_ip = config.checkout_limit_per_user = 1'000'000'000;
  finalize_config(config);
  init_logging(config.log_level);
  app_ = std::make_unique<Application>(config);
  app_->migrate();
  pipeline_ = std::make_unique<http::Pipeline>(app_->router(), metrics_);
  seed();
}

http::Response AppHarness::call(verb method, std::string_view target, std::string body,
                                Caller caller, std::string_view content_type) {
  http::Request request;
  request.raw.method(method);
  request.raw.target(target);
  request.raw.version(11);
  request.raw.set(field::host, "fuzz.pocketshop.test");
  if (!content_type.empty()) request.raw.set(field::content_type, content_type);
  if (caller != Caller::anonymous)
    request.raw.set(field::authorization,
                    "Bearer " + (caller == Caller::buyer ? buyer_token_ : vendor_token_));
  if (!guest_cart_.empty()) request.raw.set("X-Cart-Token", guest_cart_);
  request.raw.body() = std::move(body);
  request.raw.prepare_payload();
  request.request_id = "fuzz";
  request.client_address = "127.0.0.1";

  std::optional<http::Response> answer;
  std::exception_ptr failure;
  boost::asio::co_spawn(io_, pipeline_->handle(request),
                        [&](std::exception_ptr error, http::Response response) {
                          failure = error;
                          answer = std::move(response);
                        });
  io_.restart();
  io_.run();
  if (failure) std::rethrow_exception(failure);  // Pipeline::handle never throws
  if (!answer) crash("the request did not finish");
  static const bool trace = std::getenv("POCKETSHOP_FUZZ_TRACE") != nullptr;
  if (trace)  // which answers the inputs get: for checking a corpus
    std::fprintf(stderr, "%s %.*s -> %u %.200s\n",
                 std::string(http::bhttp::to_string(method)).c_str(),
                 static_cast<int>(target.size()), target.data(), answer->result_int(),
                 answer->body().c_str());
  if (answer->result_int() == 500) {
    std::fprintf(stderr, "fuzz target: %s %.*s answered %u: %s\n",
                 std::string(http::bhttp::to_string(method)).c_str(),
                 static_cast<int>(target.size()), target.data(), answer->result_int(),
                 answer->body().c_str());
    crash("a server error (an exception that is not an ApiError)");
  }
  return std::move(*answer);
}

std::string AppHarness::expand(std::string_view pattern) const {
  std::string target(pattern);
  target = replace_all(target, "{shop}", shop_slug_);
  target = replace_all(target, "{product}", std::to_string(product_));
  target = replace_all(target, "{review}", std::to_string(review_));
  target = replace_all(target, "{delivered_order}", std::to_string(delivered_order_));
  target = replace_all(target, "{paid_order}", std::to_string(paid_order_));
  return target;
}

boost::json::object AppHarness::call_ok(verb method, std::string_view target,
                                        const boost::json::object& body, Caller caller,
                                        unsigned expected) {
  auto response = call(method, target, boost::json::serialize(body), caller);
  if (response.result_int() != expected) {
    std::fprintf(stderr, "fuzz harness: seeding %.*s answered %u: %s\n",
                 static_cast<int>(target.size()), target.data(), response.result_int(),
                 response.body().c_str());
    crash("seeding failed");
  }
  if (response.body().empty()) return {};
  return boost::json::parse(response.body()).as_object();
}

void AppHarness::seed() {
  auto sign_up = [&](const char* email, const char* role) {
    auto session = call_ok(
        verb::post, "/api/auth/register",
        {{"email", email}, {"password", kPassword}, {"display_name", "Fuzz"}, {"role", role}},
        Caller::anonymous, 201);
    return std::string(session.at("access_token").as_string());
  };
  vendor_token_ = sign_up("vendor@fuzz.pocketshop.test", "vendor");
  buyer_token_ = sign_up("buyer@fuzz.pocketshop.test", "buyer");

  auto shop = call_ok(verb::post, "/api/shops", {{"name", "Fuzz Shop"}, {"slug", "fuzz-shop"}},
                      Caller::vendor, 201);
  shop_slug_ = std::string(shop.at("slug").as_string());
  auto product = call_ok(verb::post, "/api/products",
                         {{"name", "Blue mug"},
                          {"category", "kitchen"},
                          {"price_cents", 1200},
                          {"currency", "EUR"},
                          {"inventory", 1'000'000},
                          {"status", "active"},
                          {"description", "A blue stoneware mug."}},
                         Caller::vendor, 201);
  product_ = product.at("id").as_int64();

  const boost::json::object checkout = {
      {"card",
       {{"number", "4242 4242 4242 4242"}, {"exp_month", 12}, {"exp_year", 2099}, {"cvc", "123"}}},
      {"shipping_address",
       {{"name", "Fuzz Buyer"},
        {"line1", "1 High Street"},
        {"city", "Leeds"},
        {"postal_code", "LS1 1AA"},
        {"country", "GB"}}}};
  auto place_order = [&] {
    call_ok(verb::post, "/api/cart/items", {{"product_id", product_}, {"quantity", 1}},
            Caller::buyer, 200);
    auto placed = call_ok(verb::post, "/api/checkout", checkout, Caller::buyer, 201);
    return placed.at("orders").as_array().at(0).as_object().at("id").as_int64();
  };

  delivered_order_ = place_order();
  const std::string order = "/api/orders/" + std::to_string(delivered_order_);
  call_ok(verb::post, order + "/process", {}, Caller::vendor, 200);
  call_ok(verb::post, order + "/ship", {{"carrier", "Royal Mail"}, {"tracking_number", "RM123"}},
          Caller::vendor, 200);
  call_ok(verb::post, order + "/deliver", {}, Caller::vendor, 200);
  auto review = call_ok(verb::post, "/api/products/" + std::to_string(product_) + "/reviews",
                        {{"rating", 5}, {"body", "Lovely mug."}}, Caller::buyer, 201);
  review_ = review.at("id").as_int64();

  paid_order_ = place_order();
  // Something in the cart, for checkouts the fuzzer gets right.
  call_ok(verb::post, "/api/cart/items", {{"product_id", product_}, {"quantity", 2}}, Caller::buyer,
          200);
  auto guest = call_ok(verb::post, "/api/carts", {}, Caller::anonymous, 201);
  guest_cart_ = std::string(guest.at("cart_token").as_string());
}

}  // namespace ps::fuzz
