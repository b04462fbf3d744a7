#pragma once

// Stripe's webhook signature as the tests compute it themselves, with
// libsodium, from the protocol (never with the gateway's or the shop's code):
// HMAC-SHA256 of "<t>.<payload>" keyed with the whole whsec_ secret, in hex.

#include <chrono>
#include <cstdint>
#include <string>

namespace ps::testing {

std::string hmac_sha256_hex(const std::string& key, const std::string& message);

inline std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The Stripe-Signature header "t=<t>,v1=<hex>" for `payload`.
inline std::string stripe_signature(const std::string& secret, const std::string& payload,
                                    std::int64_t t = unix_now()) {
  return "t=" + std::to_string(t) +
         ",v1=" + hmac_sha256_hex(secret, std::to_string(t) + "." + payload);
}

}  // namespace ps::testing
