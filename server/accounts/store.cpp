#include "accounts/store.h"

#include "db/query.h"

namespace ps::accounts {

namespace store {

namespace {
// The columns of a UserRow, in its order.
struct UserRow {
  long long id = 0;
  std::string email, display_name, role;
  long long created_at = 0;

  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(email));
    st.exchange(soci::into(display_name));
    st.exchange(soci::into(role));
    st.exchange(soci::into(created_at));
  }

  User to_user() const {
    return {id, email, display_name, parse_role(role).value_or(Role::buyer), created_at};
  }
};
}  // namespace

constexpr std::string_view kFindUserByEmail = R"(
  SELECT id, email, display_name, role, created_at, password_hash
  FROM users WHERE email = :email)";

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
  SELECT id, email, display_name, role, created_at FROM users WHERE id = :id)";

std::optional<User> find_user_by_id(db::Connection& sql, std::int64_t id) {
  std::optional<User> user;
  db::Query(kFindUserById).values(id).each<UserRow>(sql, [&](const UserRow& row) {
    user = row.to_user();
  });
  return user;
}

constexpr std::string_view kInsertUser = R"(
  INSERT INTO users (email, password_hash, display_name, role, created_at)
  VALUES (:email, :hash, :name, :role, :created_at))";

std::int64_t insert_user(db::Connection& sql, const User& user, const std::string& password_hash) {
  return db::Query(kInsertUser)
      .values(user.email, password_hash, user.display_name, to_string(user.role), user.created_at)
      .insert_returning_id(sql);
}

constexpr std::string_view kInsertRefreshToken = R"(
  INSERT INTO refresh_tokens (user_id, family_id, token_hash, created_at, expires_at)
  VALUES (:user_id, :family_id, :hash, :created_at, :expires_at))";

void insert_refresh_token(db::Connection& sql, std::int64_t user_id, const std::string& family_id,
                          const std::string& token_hash, Millis now, Millis expires_at) {
  db::Query(kInsertRefreshToken)
      .values(user_id, family_id, token_hash, now, expires_at)
      .execute(sql);
}

constexpr std::string_view kFindRefreshToken = R"(
  SELECT id, user_id, family_id, expires_at, revoked_at
  FROM refresh_tokens WHERE token_hash = :hash)";

std::optional<RefreshTokenRecord> find_refresh_token(db::Connection& sql,
                                                     const std::string& token_hash) {
  struct Row {
    long long id = 0, user_id = 0, expires_at = 0, revoked_at = 0;
    std::string family_id;
    soci::indicator revoked_indicator = soci::i_null;
    void define(soci::statement& st) {
      st.exchange(soci::into(id));
      st.exchange(soci::into(user_id));
      st.exchange(soci::into(family_id));
      st.exchange(soci::into(expires_at));
      st.exchange(soci::into(revoked_at, revoked_indicator));
    }
  };
  std::optional<RefreshTokenRecord> found;
  db::Query(kFindRefreshToken).values(token_hash).each<Row>(sql, [&](const Row& row) {
    found = RefreshTokenRecord{
        row.id, row.user_id, row.family_id, row.expires_at,
        row.revoked_indicator == soci::i_ok ? std::optional<Millis>(row.revoked_at) : std::nullopt};
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

}  // namespace store
}  // namespace ps::accounts
