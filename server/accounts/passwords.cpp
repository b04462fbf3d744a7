#include "accounts/passwords.h"

#include <sodium.h>

#include <stdexcept>

namespace ps::accounts {

PasswordHasher::PasswordHasher(std::string_view strength) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  if (strength == "interactive") {
    ops_limit_ = crypto_pwhash_OPSLIMIT_INTERACTIVE;
    mem_limit_ = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  } else if (strength == "moderate") {
    ops_limit_ = crypto_pwhash_OPSLIMIT_MODERATE;
    mem_limit_ = crypto_pwhash_MEMLIMIT_MODERATE;
  } else if (strength == "min") {
    ops_limit_ = crypto_pwhash_OPSLIMIT_MIN;
    mem_limit_ = crypto_pwhash_MEMLIMIT_MIN;
  } else {
    throw std::invalid_argument("unknown password strength: " + std::string(strength));
  }
  dummy_hash_ = hash("not a real password");
}

std::string PasswordHasher::hash(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops_limit_, mem_limit_,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("password hashing ran out of memory");
  return out;
}

bool PasswordHasher::verify(const std::string& hash, std::string_view password) const {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::verify_nothing(std::string_view password) const {
  (void)verify(dummy_hash_, password);
}

}  // namespace ps::accounts
