#pragma once

// The few API calls that tests of a whole server process (ServerProcess) make
// to set up a shop and buy from it; each throws when the server refuses.

#include "support/http_client.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace ps::testing {

// Signs up and returns the access token.
std::string sign_up(const HttpClient& client, const std::string& email, const std::string& role);
// Creates a product with `inventory` units and returns its id.
std::int64_t create_product(const HttpClient& client, const std::string& token,
                            const std::string& name, long long price_cents, long long inventory);
// Adds to the caller's cart; returns the status.
int add_to_cart(const HttpClient& client, const std::string& token, std::int64_t product,
                int quantity);
// Checks out the caller's cart with the approving test card.
HttpResult checkout(const HttpClient& client, const std::string& token, const std::string& key);

// Repeats `request` every 50 ms until it answers `status` or `limit` passes;
// returns the last answer.
HttpResult eventually(int status, const std::function<HttpResult()>& request,
                      std::chrono::seconds limit = std::chrono::seconds(30));

}  // namespace ps::testing
