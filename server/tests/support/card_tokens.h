#pragma once

// Cards as a browser hands them over: to the gateway, which answers with a
// single-use token that checkout takes instead of the card.

#include "support/gateway_process.h"

#include <string>

namespace ps::testing {

// The test gateway every server of this test process pays through: the real
// `pocketshop gateway` binary, started on first use. Call it first from the
// test's main thread (TestServer and ServerProcess do): the child process
// dies with the thread that started it.
GatewayProcess& test_gateway();
std::string test_gateway_url();

// POST /v1/tokens with the publishable key; the token's id (tok_...). Throws
// std::runtime_error with the gateway's answer when it refuses the card.
std::string card_token(const std::string& number, const std::string& cvc = "123",
                       int exp_month = 12, int exp_year = 2099);

// The token of the approving test card for the request with this
// Idempotency-Key: the same one each time, as a browser resends the same body
// when it retries (a fresh token for an empty key), within the running
// test. Thread-safe.
std::string approved_token_for_key(const std::string& idempotency_key);

}  // namespace ps::testing
