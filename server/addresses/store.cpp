#include "addresses/store.h"

#include "db/query.h"

namespace ps::addresses::store {

constexpr std::string_view kFind = "SELECT address FROM saved_addresses WHERE user_id = :user";

std::optional<std::string> find(db::Connection& sql, std::int64_t user_id) {
  return db::Query(kFind).values(user_id).first<std::string>(sql);
}

// One statement, so two concurrent saves of one user's address leave one row
// (the later one's) instead of a unique-key failure.
constexpr std::string_view kSave = R"(
  INSERT INTO saved_addresses (user_id, address, updated_at) VALUES (:user, :address, :at)
  ON CONFLICT (user_id) DO UPDATE SET address = excluded.address, updated_at = excluded.updated_at)";

void save(db::Connection& sql, std::int64_t user_id, const std::string& address, Millis now) {
  db::Query(kSave).values(user_id, address, now).execute(sql);
}

constexpr std::string_view kRemove = "DELETE FROM saved_addresses WHERE user_id = :user";

void remove(db::Connection& sql, std::int64_t user_id) {
  db::Query(kRemove).values(user_id).execute(sql);
}

}  // namespace ps::addresses::store
