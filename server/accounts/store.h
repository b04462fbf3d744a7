#pragma once

#include "accounts/model.h"
#include "core/clock.h"
#include "db/connection.h"

#include <cstdint>
#include <optional>
#include <string>

namespace ps::accounts {

struct UserWithPassword {
  User user;
  std::string password_hash;
};

struct RefreshTokenRecord {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string family_id;
  Millis expires_at = 0;
  std::optional<Millis> revoked_at;     // when rotated, or when its family was revoked
  std::int64_t session_generation = 0;  // the user's when it was issued (User)
};

// A mailed token that one request consumed: whose, and the address it went to.
struct ConsumedToken {
  std::int64_t user_id = 0;
  std::string email;
};

// SQL for users and refresh tokens; no business rules here.
namespace store {
std::optional<UserWithPassword> find_user_by_email(db::Connection& sql, const std::string& email);
std::optional<User> find_user_by_id(db::Connection& sql, std::int64_t id);
std::int64_t insert_user(db::Connection& sql, const User& user, const std::string& password_hash);

void insert_refresh_token(db::Connection& sql, const User& user, const std::string& family_id,
                          const std::string& token_hash, Millis now, Millis expires_at);
std::optional<RefreshTokenRecord> find_refresh_token(db::Connection& sql,
                                                     const std::string& token_hash);
// Marks one token used; false when it already was (a concurrent use).
bool revoke_refresh_token(db::Connection& sql, std::int64_t id, Millis now);
void revoke_token_family(db::Connection& sql, const std::string& family_id, Millis now);
// Whether the family still has a token that is neither used nor expired.
bool family_is_live(db::Connection& sql, const std::string& family_id, Millis now);
// Revokes every session of a user: each refresh token not yet used, and
// every access token, as it moves the user's session generation on (those
// of earlier generations are refused). Returns the new generation.
std::int64_t revoke_user_sessions(db::Connection& sql, std::int64_t user_id, Millis now);

std::optional<std::string> find_password_hash(db::Connection& sql, std::int64_t user_id);
// Sets a new hash; with `expected_hash`, only while the stored one is still
// that (false otherwise: a concurrent change won).
bool set_password_hash(db::Connection& sql, std::int64_t user_id, const std::string& hash,
                       const std::optional<std::string>& expected_hash = std::nullopt);
// False when the user is gone (deleted).
bool set_display_name(db::Connection& sql, std::int64_t user_id, const std::string& display_name);
// Marks the user's address verified while it is still `email`.
bool mark_email_verified(db::Connection& sql, std::int64_t user_id, const std::string& email,
                         Millis now);
// Replaces the user's address with a verified one.
void change_email(db::Connection& sql, std::int64_t user_id, const std::string& email, Millis now);
bool email_in_use(db::Connection& sql, const std::string& email);
// Locks the user's row until the transaction ends (nothing on SQLite, whose
// one writer keeps the others out already).
void lock_user(db::Connection& sql, std::int64_t user_id);
// Empties a deleted user's row of personal data; it stays for the orders and
// reviews that point at it.
// False when it already was (a concurrent deletion).
bool anonymise_user(db::Connection& sql, std::int64_t user_id, Millis now);

void insert_account_token(db::Connection& sql, std::int64_t user_id, TokenPurpose purpose,
                          const std::string& token_hash, const std::string& email, Millis now,
                          Millis expires_at);
// Uses a token once: nullopt when it is unknown, expired, already used or
// used by a concurrent request (only one of them gets it).
std::optional<ConsumedToken> consume_account_token(db::Connection& sql, TokenPurpose purpose,
                                                   const std::string& token_hash, Millis now);
// Uses up every outstanding token of a user for a purpose.
void expire_account_tokens(db::Connection& sql, std::int64_t user_id, TokenPurpose purpose,
                           Millis now);
}  // namespace store

}  // namespace ps::accounts
