#include "favorites/store.h"

#include "db/query.h"

namespace ps::favorites::store {

// One statement, so identical saves at once leave one row and no failure.
constexpr std::string_view kInsert = R"(
  INSERT INTO favorites (user_id, product_id, created_at) VALUES (:user, :product, :at)
  ON CONFLICT (user_id, product_id) DO NOTHING)";

void insert(db::Connection& sql, std::int64_t user_id, std::int64_t product_id, Millis now) {
  db::Query(kInsert).values(user_id, product_id, now).execute(sql);
}

constexpr std::string_view kSavedAt =
    "SELECT created_at FROM favorites WHERE user_id = :user AND product_id = :product";

std::optional<Millis> saved_at(db::Connection& sql, std::int64_t user_id, std::int64_t product_id) {
  return db::Query(kSavedAt).values(user_id, product_id).first<long long>(sql);
}

constexpr std::string_view kRemove =
    "DELETE FROM favorites WHERE user_id = :user AND product_id = :product";

void remove(db::Connection& sql, std::int64_t user_id, std::int64_t product_id) {
  db::Query(kRemove).values(user_id, product_id).execute(sql);
}

constexpr std::string_view kCount = "SELECT COUNT(*) FROM favorites WHERE user_id = :user";

long long count(db::Connection& sql, std::int64_t user_id) {
  return db::Query(kCount).values(user_id).first<long long>(sql).value_or(0);
}

constexpr std::string_view kList = R"(
  SELECT product_id, created_at FROM favorites WHERE user_id = :user
  ORDER BY created_at DESC, product_id DESC LIMIT :limit OFFSET :offset)";

namespace {
struct FavoriteRow {
  long long product_id = 0, created_at = 0;
  void define(soci::statement& st) {
    st.exchange(soci::into(product_id));
    st.exchange(soci::into(created_at));
  }
};
struct IdRow {
  long long id = 0;
  void define(soci::statement& st) { st.exchange(soci::into(id)); }
};
}  // namespace

std::vector<Favorite> list(db::Connection& sql, std::int64_t user_id, const PageRequest& page) {
  std::vector<Favorite> favorites;
  db::Query(kList)
      .values(user_id, static_cast<long long>(page.limit), page.offset())
      .each<FavoriteRow>(sql, [&](const FavoriteRow& row) {
        favorites.push_back({row.product_id, row.created_at});
      });
  return favorites;
}

constexpr std::string_view kProductIds = R"(
  SELECT product_id FROM favorites WHERE user_id = :user
  ORDER BY created_at DESC, product_id DESC)";

std::vector<std::int64_t> product_ids(db::Connection& sql, std::int64_t user_id) {
  std::vector<std::int64_t> ids;
  db::Query(kProductIds).values(user_id).each<IdRow>(sql, [&](const IdRow& row) {
    ids.push_back(row.id);
  });
  return ids;
}

constexpr std::string_view kSaveCountsOfVendor = R"(
  SELECT f.product_id, COUNT(*) FROM favorites f
  JOIN products p ON p.id = f.product_id JOIN shops s ON s.id = p.shop_id
  WHERE s.owner_id = :vendor
  GROUP BY f.product_id ORDER BY COUNT(*) DESC, f.product_id)";

std::vector<SaveCount> save_counts_of_vendor(db::Connection& sql, std::int64_t vendor_id) {
  struct Row {
    long long product_id = 0, people = 0;
    void define(soci::statement& st) {
      st.exchange(soci::into(product_id));
      st.exchange(soci::into(people));
    }
  };
  std::vector<SaveCount> counts;
  db::Query(kSaveCountsOfVendor).values(vendor_id).each<Row>(sql, [&](const Row& row) {
    counts.push_back({row.product_id, row.people});
  });
  return counts;
}

constexpr std::string_view kPeopleWhoSaved = R"(
  SELECT user_id FROM favorites WHERE product_id = :product ORDER BY created_at, user_id)";

std::vector<std::int64_t> people_who_saved(db::Connection& sql, std::int64_t product_id) {
  std::vector<std::int64_t> ids;
  db::Query(kPeopleWhoSaved).values(product_id).each<IdRow>(sql, [&](const IdRow& row) {
    ids.push_back(row.id);
  });
  return ids;
}

}  // namespace ps::favorites::store
