// Access tokens (accounts/tokens.h): TokenIssuer::verify with a fixed secret
// and clock, as Authenticator calls it for every "Authorization: Bearer" header.
// First byte even: the rest is the token as sent. Odd: the rest is a JOSE
// header and a claims set (split at the first newline; without one, the rest
// is the claims under {"alg":"HS256","typ":"JWT"}), which the target signs
// with the server's secret first, so the claim checks behind the signature
// check get fuzzed too.
#include "accounts/tokens.h"
#include "fuzz/fuzz_support.h"

#include <sodium.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>

namespace {
constexpr std::string_view kSecret = "fuzzing-secret-fuzzing-secret-0123456789";
constexpr std::time_t kNow = 1'750'000'000;  // a fixed clock: runs replay exactly

std::string base64url(const unsigned char* bytes, std::size_t size) {
  constexpr int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string text(sodium_base64_encoded_len(size, variant), '\0');
  sodium_bin2base64(text.data(), text.size(), bytes, size, variant);
  text.resize(text.find('\0'));
  return text;
}

std::string base64url(std::string_view text) {
  return base64url(reinterpret_cast<const unsigned char*>(text.data()), text.size());
}

// header.claims.HMAC-SHA-256(secret), as a holder of the secret would sign it.
std::string signed_token(std::string_view header, std::string_view claims) {
  const std::string signing_input = base64url(header) + "." + base64url(claims);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(kSecret.data()),
                              kSecret.size());
  crypto_auth_hmacsha256_update(
      &state, reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size());
  crypto_auth_hmacsha256_final(&state, mac);
  return signing_input + "." + base64url(mac, sizeof mac);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool sodium_ready = sodium_init() >= 0;
  static const ps::accounts::TokenIssuer issuer{std::string(kSecret), std::chrono::minutes(15)};
  if (!sodium_ready) ps::fuzz::crash("sodium_init failed");
  if (size == 0) return 0;

  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string token;
  if (data[0] % 2 == 0) {
    token = rest;
  } else {
    const auto newline = rest.find('\n');
    token = newline == std::string_view::npos
                ? signed_token(R"({"alg":"HS256","typ":"JWT"})", rest)
                : signed_token(rest.substr(0, newline), rest.substr(newline + 1));
  }

  ps::fuzz::expect_only_api_errors([&] {
    const auto claims = issuer.verify(token, kNow);
    // What verify promises about a token it accepts.
    if (claims.user_id <= 0) ps::fuzz::crash("accepted a token without a user");
    if (claims.expires_at <= kNow - 30) ps::fuzz::crash("accepted an expired token");
  });
  return 0;
}
