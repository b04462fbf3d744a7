#include "payments/webhook_signature.h"

#include <sodium.h>

#include <array>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

namespace ps::payments {

namespace {
using Mac = std::array<unsigned char, crypto_auth_hmacsha256_BYTES>;

struct SignatureHeader {
  std::optional<std::int64_t> timestamp;
  std::string_view timestamp_text;  // as signed
  std::vector<std::string_view> v1;
};

SignatureHeader parse_header(std::string_view header) {
  SignatureHeader parsed;
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header.remove_prefix(comma == std::string_view::npos ? header.size() : comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    const auto equals = item.find('=');
    if (equals == std::string_view::npos) continue;
    const auto key = item.substr(0, equals), value = item.substr(equals + 1);
    if (key == "t" && !parsed.timestamp) {
      std::int64_t t = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), t);
      if (error == std::errc() && end == value.data() + value.size()) {
        parsed.timestamp = t;
        parsed.timestamp_text = value;
      }
    } else if (key == "v1") {
      parsed.v1.push_back(value);
    }
  }
  return parsed;
}

Mac hmac(std::string_view secret, std::string_view timestamp, std::string_view body) {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  auto add = [&](std::string_view part) {
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(part.data()),
                                  part.size());
  };
  add(timestamp);
  add(".");
  add(body);
  Mac mac;
  crypto_auth_hmacsha256_final(&state, mac.data());
  return mac;
}

// Constant time in the MAC's value (not in the length of the hex, which is public).
bool matches(const Mac& expected, std::string_view hex) {
  if (hex.size() != 2 * expected.size()) return false;
  Mac given;
  std::size_t length = 0;
  if (sodium_hex2bin(given.data(), given.size(), hex.data(), hex.size(), nullptr, &length,
                     nullptr) != 0 ||
      length != given.size())
    return false;
  return sodium_memcmp(given.data(), expected.data(), expected.size()) == 0;
}
}  // namespace

SignatureCheck check_signature(std::string_view header, std::string_view body,
                               std::string_view secret, std::int64_t now_seconds,
                               std::int64_t tolerance_seconds) {
  const auto parsed = parse_header(header);
  if (!parsed.timestamp || parsed.v1.empty()) return SignatureCheck::malformed;
  const Mac expected = hmac(secret, parsed.timestamp_text, body);
  bool any = false;
  for (const auto hex : parsed.v1) any = matches(expected, hex) || any;  // each compared
  if (!any) return SignatureCheck::mismatch;
  // Compared so that no subtraction can overflow, whatever t says.
  const std::int64_t t = *parsed.timestamp;
  if (t < now_seconds - tolerance_seconds || t > now_seconds + tolerance_seconds)
    return SignatureCheck::stale;
  return SignatureCheck::valid;
}

}  // namespace ps::payments
