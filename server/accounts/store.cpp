#include "accounts/store.h"

#include "db/query.h"

namespace ps::accounts {

namespace store {

namespace {
// The columns of a UserRow, in its order.
struct UserRow {
  long long id = 0;
  std::string email, display_name, role;
  long long created_at = 0, email_verified = 0, session_generation = 0;

  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(email));
    st.exchange(soci::into(display_name));
    st.exchange(soci::into(role));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(email_verified));
    st.exchange(soci::into(session_generation));
  }

  User to_user() const {
    return {id,
            email,
            display_name,
            parse_role(role).value_or(Role::buyer),
            created_at,
            email_verified != 0,
            session_generation};
  }
};
}  // namespace

constexpr std::string_view kFindUserByEmail = R"(
  SELECT id, email, display_name, role, created_at,
         CASE WHEN email_verified_at IS NULL THEN 0 ELSE 1 END, session_generation, password_hash
  FROM users WHERE email = :email AND deleted_at IS NULL)";

std::optional<UserWithPassword> find_user_by_email(db::Connection& sql, const std::string& email) {
  struct Row {
    UserRow user;
    std::string password_hash;
    void define(soci::statement& st) {
      user.define(st);
      st.exchange(soci::into(password_hash));
    }
  };
  std::optional<UserWithPassword> found;
  db::Query(kFindUserByEmail).values(email).each<Row>(sql, [&](const Row& row) {
    found = UserWithPassword{row.user.to_user(), row.password_hash};
  });
  return found;
}

// Every signed-in request reads its user: on a cached statement.
constexpr std::string_view kFindUserById = R"(
  SELECT id, email, display_name, role, created_at,
         CASE WHEN email_verified_at IS NULL THEN 0 ELSE 1 END, session_generation
  FROM users WHERE id = :id AND deleted_at IS NULL)";

std::optional<User> find_user_by_id(db::Connection& sql, std::int64_t id) {
  std::optional<User> user;
  db::Query(kFindUserById).values(id).each<UserRow>(sql, [&](const UserRow& row) {
    user = row.to_user();
  });
  return user;
}

constexpr std::string_view kInsertUser = R"(
  INSERT INTO users (email, password_hash, display_name, role, created_at, email_verified_at)
  VALUES (:email, :hash, :name, :role, :created_at, :verified_at))";

std::int64_t insert_user(db::Connection& sql, const User& user, const std::string& password_hash) {
  const std::optional<long long> verified_at =
      user.email_verified ? std::optional<long long>(user.created_at) : std::nullopt;
  return db::Query(kInsertUser)
      .values(user.email, password_hash, user.display_name, to_string(user.role), user.created_at,
              verified_at)
      .insert_returning_id(sql);
}

constexpr std::string_view kInsertRefreshToken = R"(
  INSERT INTO refresh_tokens (user_id, session_generation, family_id, token_hash, created_at,
                              expires_at)
  VALUES (:user_id, :generation, :family_id, :hash, :created_at, :expires_at))";

void insert_refresh_token(db::Connection& sql, const User& user, const std::string& family_id,
                          const std::string& token_hash, Millis now, Millis expires_at) {
  db::Query(kInsertRefreshToken)
      .values(user.id, user.session_generation, family_id, token_hash, now, expires_at)
      .execute(sql);
}

constexpr std::string_view kFindRefreshToken = R"(
  SELECT id, user_id, family_id, expires_at, revoked_at, session_generation
  FROM refresh_tokens WHERE token_hash = :hash)";

std::optional<RefreshTokenRecord> find_refresh_token(db::Connection& sql,
                                                     const std::string& token_hash) {
  struct Row {
    long long id = 0, user_id = 0, expires_at = 0, revoked_at = 0, session_generation = 0;
    std::string family_id;
    soci::indicator revoked_indicator = soci::i_null;
    void define(soci::statement& st) {
      st.exchange(soci::into(id));
      st.exchange(soci::into(user_id));
      st.exchange(soci::into(family_id));
      st.exchange(soci::into(expires_at));
      st.exchange(soci::into(revoked_at, revoked_indicator));
      st.exchange(soci::into(session_generation));
    }
  };
  std::optional<RefreshTokenRecord> found;
  db::Query(kFindRefreshToken).values(token_hash).each<Row>(sql, [&](const Row& row) {
    found = RefreshTokenRecord{
        row.id,
        row.user_id,
        row.family_id,
        row.expires_at,
        row.revoked_indicator == soci::i_ok ? std::optional<Millis>(row.revoked_at) : std::nullopt,
        row.session_generation};
  });
  return found;
}

constexpr std::string_view kRevokeRefreshToken = R"(
  UPDATE refresh_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL)";

bool revoke_refresh_token(db::Connection& sql, std::int64_t id, Millis now) {
  return db::Query(kRevokeRefreshToken).values(now, id).execute(sql) == 1;
}

constexpr std::string_view kRevokeTokenFamily = R"(
  UPDATE refresh_tokens SET revoked_at = :now
  WHERE family_id = :family AND revoked_at IS NULL)";

void revoke_token_family(db::Connection& sql, const std::string& family_id, Millis now) {
  db::Query(kRevokeTokenFamily).values(now, family_id).execute(sql);
}

constexpr std::string_view kFamilyIsLive = R"(
  SELECT 1 FROM refresh_tokens
  WHERE family_id = :family AND revoked_at IS NULL AND expires_at > :now LIMIT 1)";

bool family_is_live(db::Connection& sql, const std::string& family_id, Millis now) {
  return db::Query(kFamilyIsLive).values(family_id, now).first<long long>(sql).has_value();
}

constexpr std::string_view kRevokeUserSessions = R"(
  UPDATE refresh_tokens SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL)";

constexpr std::string_view kNextSessionGeneration = R"(
  UPDATE users SET session_generation = session_generation + 1 WHERE id = :id
  RETURNING session_generation)";

std::int64_t revoke_user_sessions(db::Connection& sql, std::int64_t user_id, Millis now) {
  db::Query(kRevokeUserSessions).values(now, user_id).execute(sql);
  return db::Query(kNextSessionGeneration).values(user_id).single<long long>(sql);
}

constexpr std::string_view kFindPasswordHash = R"(
  SELECT password_hash FROM users WHERE id = :id AND deleted_at IS NULL)";

std::optional<std::string> find_password_hash(db::Connection& sql, std::int64_t user_id) {
  return db::Query(kFindPasswordHash).values(user_id).first<std::string>(sql);
}

constexpr std::string_view kSetPasswordHash = R"(
  UPDATE users SET password_hash = :hash WHERE id = :id)";
constexpr std::string_view kSwapPasswordHash = R"(
  UPDATE users SET password_hash = :hash WHERE id = :id AND password_hash = :expected)";

bool set_password_hash(db::Connection& sql, std::int64_t user_id, const std::string& hash,
                       const std::optional<std::string>& expected_hash) {
  if (!expected_hash) return db::Query(kSetPasswordHash).values(hash, user_id).execute(sql) == 1;
  return db::Query(kSwapPasswordHash).values(hash, user_id, *expected_hash).execute(sql) == 1;
}

constexpr std::string_view kSetDisplayName = R"(
  UPDATE users SET display_name = :name WHERE id = :id AND deleted_at IS NULL)";

bool set_display_name(db::Connection& sql, std::int64_t user_id, const std::string& display_name) {
  return db::Query(kSetDisplayName).values(display_name, user_id).execute(sql) == 1;
}

constexpr std::string_view kMarkEmailVerified = R"(
  UPDATE users SET email_verified_at = :now
  WHERE id = :id AND email = :email AND email_verified_at IS NULL)";

bool mark_email_verified(db::Connection& sql, std::int64_t user_id, const std::string& email,
                         Millis now) {
  return db::Query(kMarkEmailVerified).values(now, user_id, email).execute(sql) == 1;
}

constexpr std::string_view kChangeEmail = R"(
  UPDATE users SET email = :email, email_verified_at = :now WHERE id = :id)";

void change_email(db::Connection& sql, std::int64_t user_id, const std::string& email, Millis now) {
  db::Query(kChangeEmail).values(email, now, user_id).execute(sql);
}

constexpr std::string_view kEmailInUse = R"(SELECT 1 FROM users WHERE email = :email)";

bool email_in_use(db::Connection& sql, const std::string& email) {
  return db::Query(kEmailInUse).values(email).first<long long>(sql).has_value();
}

void lock_user(db::Connection& sql, std::int64_t user_id) {
  db::Query query("SELECT id FROM users WHERE id = :id");
  query.values(user_id).for_update(sql).first<long long>(sql);
}

// The address stays unique and can never be signed up for or reached; an
// empty hash matches no password.
constexpr std::string_view kAnonymiseUser = R"(
  UPDATE users SET email = 'deleted-' || CAST(id AS TEXT) || '@deleted.invalid',
                   display_name = 'Deleted user', password_hash = '',
                   email_verified_at = NULL, deleted_at = :now
  WHERE id = :id AND deleted_at IS NULL)";

bool anonymise_user(db::Connection& sql, std::int64_t user_id, Millis now) {
  return db::Query(kAnonymiseUser).values(now, user_id).execute(sql) == 1;
}

constexpr std::string_view kInsertAccountToken = R"(
  INSERT INTO account_tokens (user_id, purpose, token_hash, email, created_at, expires_at)
  VALUES (:user, :purpose, :hash, :email, :now, :expires_at))";

void insert_account_token(db::Connection& sql, std::int64_t user_id, TokenPurpose purpose,
                          const std::string& token_hash, const std::string& email, Millis now,
                          Millis expires_at) {
  db::Query(kInsertAccountToken)
      .values(user_id, to_string(purpose), token_hash, email, now, expires_at)
      .execute(sql);
}

// The UPDATE is the claim: of two concurrent requests, PostgreSQL lets the
// second re-check used_at after the first commits, and SQLite runs one writer.
constexpr std::string_view kClaimAccountToken = R"(
  UPDATE account_tokens SET used_at = :now
  WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now2)";
constexpr std::string_view kFindAccountToken = R"(
  SELECT user_id, email FROM account_tokens WHERE token_hash = :hash)";

std::optional<ConsumedToken> consume_account_token(db::Connection& sql, TokenPurpose purpose,
                                                   const std::string& token_hash, Millis now) {
  if (db::Query(kClaimAccountToken).values(now, token_hash, to_string(purpose), now).execute(sql) !=
      1)
    return std::nullopt;
  struct Row {
    long long user_id = 0;
    std::string email;
    void define(soci::statement& st) {
      st.exchange(soci::into(user_id));
      st.exchange(soci::into(email));
    }
  };
  std::optional<ConsumedToken> found;
  db::Query(kFindAccountToken).values(token_hash).each<Row>(sql, [&](const Row& row) {
    found = ConsumedToken{row.user_id, row.email};
  });
  return found;
}

constexpr std::string_view kExpireAccountTokens = R"(
  UPDATE account_tokens SET used_at = :now
  WHERE user_id = :user AND purpose = :purpose AND used_at IS NULL)";

void expire_account_tokens(db::Connection& sql, std::int64_t user_id, TokenPurpose purpose,
                           Millis now) {
  db::Query(kExpireAccountTokens).values(now, user_id, to_string(purpose)).execute(sql);
}

}  // namespace store
}  // namespace ps::accounts
