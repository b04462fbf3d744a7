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
  std::optional<Millis> revoked_at;  // when rotated, or when its family was revoked
};

// SQL for users and refresh tokens; no business rules here.
namespace store {
std::optional<UserWithPassword> find_user_by_email(db::Connection& sql, const std::string& email);
std::optional<User> find_user_by_id(db::Connection& sql, std::int64_t id);
std::int64_t insert_user(db::Connection& sql, const User& user, const std::string& password_hash);

void insert_refresh_token(db::Connection& sql, std::int64_t user_id, const std::string& family_id,
                          const std::string& token_hash, Millis now, Millis expires_at);
std::optional<RefreshTokenRecord> find_refresh_token(db::Connection& sql,
                                                     const std::string& token_hash);
// Marks one token used; false when it already was (a concurrent use).
bool revoke_refresh_token(db::Connection& sql, std::int64_t id, Millis now);
void revoke_token_family(db::Connection& sql, const std::string& family_id, Millis now);
// Whether the family still has a token that is neither used nor expired.
bool family_is_live(db::Connection& sql, const std::string& family_id, Millis now);
}  // namespace store

}  // namespace ps::accounts
