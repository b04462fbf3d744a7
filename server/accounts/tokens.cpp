#include "accounts/tokens.h"

#include "core/errors.h"

#include <jwt.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace ps::accounts {

namespace {
struct JwtDeleter {
  void operator()(jwt_t* jwt) const { jwt_free(jwt); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtDeleter>;

struct StringDeleter {
  void operator()(char* text) const { free(text); }
};

// A small allowance for clocks of several instances that disagree.
constexpr std::time_t kClockSkewSeconds = 30;

const unsigned char* key_bytes(const std::string& secret) {
  return reinterpret_cast<const unsigned char*>(secret.data());
}

ApiError invalid_token(std::string detail) { return ApiError::unauthorized(std::move(detail)); }

std::string grant_string(jwt_t* jwt, const char* name) {
  const char* value = jwt_get_grant(jwt, name);
  return value ? value : "";
}
}  // namespace

TokenIssuer::TokenIssuer(std::string secret, std::chrono::seconds ttl)
    : secret_(std::move(secret)), ttl_(ttl) {
  if (secret_.size() < 32) throw std::invalid_argument("JWT secret shorter than 32 characters");
}

std::string TokenIssuer::issue(std::int64_t user_id, std::string_view role,
                               std::int64_t session_generation, std::time_t now) const {
  jwt_t* raw = nullptr;
  if (jwt_new(&raw) != 0) throw std::runtime_error("jwt_new failed");
  JwtPtr jwt(raw);
  const std::string subject = std::to_string(user_id);
  const std::string role_text(role);
  if (jwt_add_grant(jwt.get(), "sub", subject.c_str()) ||
      jwt_add_grant(jwt.get(), "role", role_text.c_str()) ||
      jwt_add_grant_int(jwt.get(), "gen", session_generation) ||
      jwt_add_grant(jwt.get(), "iss", kIssuer) || jwt_add_grant(jwt.get(), "aud", kAudience) ||
      jwt_add_grant_int(jwt.get(), "iat", now) ||
      jwt_add_grant_int(jwt.get(), "exp", now + ttl_.count()) ||
      jwt_set_alg(jwt.get(), JWT_ALG_HS256, key_bytes(secret_), static_cast<int>(secret_.size())))
    throw std::runtime_error("building the JWT failed");
  std::unique_ptr<char, StringDeleter> encoded(jwt_encode_str(jwt.get()));
  if (!encoded) throw std::runtime_error("jwt_encode_str failed");
  return encoded.get();
}

AccessClaims TokenIssuer::verify(std::string_view token, std::time_t now) const {
  const std::string text(token);
  jwt_t* raw = nullptr;
  if (jwt_decode(&raw, text.c_str(), key_bytes(secret_), static_cast<int>(secret_.size())) != 0)
    throw invalid_token("The access token is malformed or its signature is wrong.");
  JwtPtr jwt(raw);
  if (jwt_get_alg(jwt.get()) != JWT_ALG_HS256)
    throw invalid_token("The access token must be signed with HS256.");
  if (grant_string(jwt.get(), "iss") != kIssuer || grant_string(jwt.get(), "aud") != kAudience)
    throw invalid_token("The access token was not issued for this API.");

  errno = 0;
  const long expires = jwt_get_grant_int(jwt.get(), "exp");
  if (errno != 0) throw invalid_token("The access token has no expiry.");
  // now - skew, not expires + skew: a signed "exp" near LONG_MAX must not overflow.
  if (expires <= now - kClockSkewSeconds) throw invalid_token("The access token has expired.");

  AccessClaims claims;
  const std::string subject = grant_string(jwt.get(), "sub");
  const auto [end, ec] =
      std::from_chars(subject.data(), subject.data() + subject.size(), claims.user_id);
  if (ec != std::errc{} || end != subject.data() + subject.size() || claims.user_id <= 0)
    throw invalid_token("The access token names no user.");
  claims.role = grant_string(jwt.get(), "role");
  claims.expires_at = expires;
  errno = 0;
  const long generation = jwt_get_grant_int(jwt.get(), "gen");
  claims.session_generation = errno == 0 ? generation : 0;
  return claims;
}

}  // namespace ps::accounts
