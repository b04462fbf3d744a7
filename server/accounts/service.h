#pragma once

#include "accounts/passwords.h"
#include "accounts/store.h"
#include "accounts/tokens.h"
#include "core/errors.h"
#include "db/database.h"

#include <chrono>
#include <optional>
#include <string>

namespace ps::accounts {

// 409 /problems/email-taken: also what a concurrent sign-up's unique
// violation of users.email answers (app/application.cpp).
ApiError email_taken();

struct NewAccount {
  std::string email;
  std::string password;
  std::string display_name;
  Role role = Role::buyer;
};

struct TokenPair {
  std::string access_token;
  std::string refresh_token;
  std::chrono::seconds access_expires_in{0};
};

struct SignedIn {
  User user;
  TokenPair tokens;
};

// Lower-cases and trims an email address; empty when it is not plausible, or
// not well-formed UTF-8, or holds a control or format character (NUL, ESC,
// DEL, a bidirectional override, a zero-width character...).
std::string normalize_email(std::string_view email);

// How a refresh token reached us. A browser's HttpOnly cookie cannot be read
// by a script, and a reload can cut off the answer that carried its successor,
// so a cookie rotated moments ago may come back once more (kCookieReuseGrace).
enum class TokenSource { body, cookie };
inline constexpr std::chrono::seconds kCookieReuseGrace{20};

// Sign-up, sign-in and the refresh-token lifecycle. Refresh tokens are random,
// stored as SHA-256 hashes, single-use: each refresh rotates the token within
// its family, and presenting a used token revokes the whole family (it was
// stolen or replayed), except a cookie used again within kCookieReuseGrace of
// its rotation while its family lives. Blocking: call from the WorkerPool.
class AccountsService {
 public:
  AccountsService(db::Database& database, const TokenIssuer& tokens,
                  const PasswordHasher& passwords, std::chrono::hours refresh_ttl);

  User create_user(const NewAccount& account);  // 409 when the email is taken
  SignedIn register_user(const NewAccount& account);
  SignedIn login(const std::string& email, const std::string& password);   // 401
  SignedIn refresh(const std::string& refresh_token, TokenSource source);  // 401
  void logout(const std::string& refresh_token);
  std::optional<User> find_user(std::int64_t id);
  std::chrono::hours refresh_ttl() const { return refresh_ttl_; }

 private:
  // Whether a token that was already used may be renewed all the same.
  static bool within_reuse_grace(db::Connection& sql, const RefreshTokenRecord& token,
                                 TokenSource source, Millis now);
  TokenPair start_session(db::Connection& sql, const User& user, const std::string& family_id);

  db::Database& database_;
  const TokenIssuer& tokens_;
  const PasswordHasher& passwords_;
  std::chrono::hours refresh_ttl_;
};

}  // namespace ps::accounts
