#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ps::accounts {

// argon2id password hashes (libsodium crypto_pwhash_str).
class PasswordHasher {
 public:
  // strength: "interactive" (production default), "moderate", or "min"
  // (tests only: the cheapest argon2id the library allows).
  explicit PasswordHasher(std::string_view strength);

  std::string hash(std::string_view password) const;
  bool verify(const std::string& hash, std::string_view password) const;
  // Spends the time of one verification against a throw-away hash, so that an
  // unknown email answers as slowly as a wrong password.
  void verify_nothing(std::string_view password) const;

 private:
  unsigned long long ops_limit_;
  std::size_t mem_limit_;
  std::string dummy_hash_;
};

}  // namespace ps::accounts
