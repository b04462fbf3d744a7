#pragma once

#include <chrono>
#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>

namespace ps::accounts {

struct AccessClaims {
  std::int64_t user_id = 0;
  std::string role;
  std::time_t expires_at = 0;
  // The user's session generation when it was issued (User); 0 for tokens
  // issued before generations existed, which is every user's first.
  std::int64_t session_generation = 0;
};

// Short-lived access tokens: JWT HS256 (libjwt) with sub, role, gen (the
// session generation), iat, exp, iss and aud. Any other algorithm (alg "none"
// included) is refused.
class TokenIssuer {
 public:
  TokenIssuer(std::string secret, std::chrono::seconds ttl);

  std::string issue(std::int64_t user_id, std::string_view role, std::int64_t session_generation,
                    std::time_t now) const;
  // Throws ApiError 401 for anything but a valid, current token of ours.
  AccessClaims verify(std::string_view token, std::time_t now) const;
  std::chrono::seconds ttl() const { return ttl_; }

  static constexpr const char* kIssuer = "pocketshop";
  static constexpr const char* kAudience = "pocketshop-api";

 private:
  std::string secret_;
  std::chrono::seconds ttl_;
};

}  // namespace ps::accounts
