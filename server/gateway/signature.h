#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ps::gateway {

// Lower-case hex of HMAC-SHA256(key, message) (libsodium).
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

// The Stripe-Signature header of a webhook: "t=<unix seconds>,v1=<hex HMAC-
// SHA256 of "<t>.<payload>" keyed with the whole endpoint secret (whsec_...)>".
std::string signature_header(std::string_view secret, std::int64_t timestamp,
                             std::string_view payload);

}  // namespace ps::gateway
