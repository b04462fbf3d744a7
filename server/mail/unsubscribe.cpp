#include "mail/unsubscribe.h"

#include <sodium.h>

#include <algorithm>
#include <charconv>

namespace ps::mail {

namespace {
std::string signature_hex(std::string_view secret, std::int64_t user_id, std::string_view topic) {
  const std::string message =
      "mail-unsubscribe\n" + std::to_string(user_id) + "\n" + std::string(topic);
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  std::string hex(2 * sizeof mac + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), mac, sizeof mac);
  hex.pop_back();
  return hex;
}
}  // namespace

bool is_topic(std::string_view topic) {
  return std::find(std::begin(kTopics), std::end(kTopics), topic) != std::end(kTopics);
}

std::string unsubscribe_token(std::string_view secret, std::int64_t user_id,
                              std::string_view topic) {
  return std::to_string(user_id) + "." + std::string(topic) + "." +
         signature_hex(secret, user_id, topic);
}

std::optional<Unsubscription> verify_unsubscribe_token(std::string_view secret,
                                                       std::string_view token) {
  const auto first = token.find('.');
  const auto last = token.rfind('.');
  if (first == std::string_view::npos || first == last) return std::nullopt;
  const auto id_text = token.substr(0, first);
  const auto topic = token.substr(first + 1, last - first - 1);
  const auto signature = token.substr(last + 1);
  std::int64_t user_id = 0;
  const auto parsed = std::from_chars(id_text.data(), id_text.data() + id_text.size(), user_id);
  if (parsed.ec != std::errc() || parsed.ptr != id_text.data() + id_text.size() || user_id <= 0)
    return std::nullopt;
  if (!is_topic(topic)) return std::nullopt;
  const std::string expected = signature_hex(secret, user_id, topic);
  if (signature.size() != expected.size() ||
      sodium_memcmp(signature.data(), expected.data(), expected.size()) != 0)
    return std::nullopt;
  return Unsubscription{user_id, std::string(topic)};
}

}  // namespace ps::mail
