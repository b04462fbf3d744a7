#include "support/shop_client.h"

#include "support/checkout_request.h"

#include <stdexcept>
#include <thread>

namespace ps::testing {

using boost::beast::http::verb;

std::string sign_up(const HttpClient& client, const std::string& email, const std::string& role) {
  const auto result = client.post_json(
      "/api/auth/register",
      {{"email", email}, {"password", "password123"}, {"display_name", email}, {"role", role}});
  if (result.status != 201) throw std::runtime_error("sign-up failed: " + result.body);
  return std::string(result.json().at("access_token").as_string());
}

std::int64_t create_product(const HttpClient& client, const std::string& token,
                            const std::string& name, long long price_cents, long long inventory) {
  const auto result = client.post_json("/api/products",
                                       {{"name", name},
                                        {"category", "kitchen"},
                                        {"price_cents", price_cents},
                                        {"inventory", inventory}},
                                       token);
  if (result.status != 201) throw std::runtime_error("product failed: " + result.body);
  return result.json().at("id").as_int64();
}

int add_to_cart(const HttpClient& client, const std::string& token, std::int64_t product,
                int quantity) {
  return client
      .post_json("/api/cart/items", {{"product_id", product}, {"quantity", quantity}}, token)
      .status;
}

HttpResult checkout(const HttpClient& client, const std::string& token, const std::string& key) {
  Headers headers{{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}};
  if (!key.empty()) headers.emplace_back("Idempotency-Key", key);
  return client.request(
      verb::post, "/api/checkout",
      boost::json::serialize(checkout_body_with_token(approved_token_for_key(key))), headers);
}

HttpResult eventually(int status, const std::function<HttpResult()>& request,
                      std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  HttpResult result = request();
  while (result.status != status && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    result = request();
  }
  return result;
}

}  // namespace ps::testing
