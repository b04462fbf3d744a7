#include "accounts/store.h"

#include "db/query.h"

#include <soci/soci.h>

namespace ps::accounts {

namespace store {

namespace {
constexpr const char* kUserColumns = "id, email, display_name, role, created_at";

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

std::optional<UserWithPassword> find_user_by_email(soci::session& sql, const std::string& email) {
  UserRow row;
  std::string hash;
  sql << "SELECT " << kUserColumns << ", password_hash FROM users WHERE email = :email",
      soci::into(row.id), soci::into(row.email), soci::into(row.display_name), soci::into(row.role),
      soci::into(row.created_at), soci::into(hash), soci::use(email);
  if (!sql.got_data()) return std::nullopt;
  return UserWithPassword{row.to_user(), hash};
}

// Every signed-in request reads its user: on a cached statement.
std::optional<User> find_user_by_id(soci::session& sql, std::int64_t id) {
  static const std::string select =
      std::string("SELECT ") + kUserColumns + " FROM users WHERE id = :id";
  std::optional<User> user;
  db::Query(select).values(id).each<UserRow>(sql,
                                             [&](const UserRow& row) { user = row.to_user(); });
  return user;
}

std::int64_t insert_user(soci::session& sql, const User& user, const std::string& password_hash) {
  return db::Query(
             "INSERT INTO users (email, password_hash, display_name, role, created_at) "
             "VALUES (:email, :hash, :name, :role, :created_at)")
      .values(user.email, password_hash, user.display_name, to_string(user.role), user.created_at)
      .insert_returning_id(sql);
}

void insert_refresh_token(soci::session& sql, std::int64_t user_id, const std::string& family_id,
                          const std::string& token_hash, Millis now, Millis expires_at) {
  const long long user = user_id, created = now, expires = expires_at;
  sql << "INSERT INTO refresh_tokens (user_id, family_id, token_hash, created_at, expires_at) "
         "VALUES (:user_id, :family_id, :hash, :created_at, :expires_at)",
      soci::use(user), soci::use(family_id), soci::use(token_hash), soci::use(created),
      soci::use(expires);
}

std::optional<RefreshTokenRecord> find_refresh_token(soci::session& sql,
                                                     const std::string& token_hash) {
  long long id = 0, user_id = 0, expires_at = 0, revoked_at = 0;
  std::string family_id;
  soci::indicator revoked_indicator = soci::i_null;
  sql << "SELECT id, user_id, family_id, expires_at, revoked_at FROM refresh_tokens "
         "WHERE token_hash = :hash",
      soci::into(id), soci::into(user_id), soci::into(family_id), soci::into(expires_at),
      soci::into(revoked_at, revoked_indicator), soci::use(token_hash);
  if (!sql.got_data()) return std::nullopt;
  return RefreshTokenRecord{
      id, user_id, family_id, expires_at,
      revoked_indicator == soci::i_ok ? std::optional<Millis>(revoked_at) : std::nullopt};
}

bool revoke_refresh_token(soci::session& sql, std::int64_t id, Millis now) {
  const long long key = id, at = now;
  soci::statement update = (sql.prepare << "UPDATE refresh_tokens SET revoked_at = :now "
                                           "WHERE id = :id AND revoked_at IS NULL",
                            soci::use(at), soci::use(key));
  update.execute(true);
  return update.get_affected_rows() == 1;
}

void revoke_token_family(soci::session& sql, const std::string& family_id, Millis now) {
  const long long at = now;
  sql << "UPDATE refresh_tokens SET revoked_at = :now "
         "WHERE family_id = :family AND revoked_at IS NULL",
      soci::use(at), soci::use(family_id);
}

bool family_is_live(soci::session& sql, const std::string& family_id, Millis now) {
  return db::Query(
             "SELECT 1 FROM refresh_tokens WHERE family_id = :family AND revoked_at IS NULL "
             "AND expires_at > :now LIMIT 1")
      .values(family_id, now)
      .first<long long>(sql)
      .has_value();
}

}  // namespace store
}  // namespace ps::accounts
