#include "media/store.h"

#include "db/query.h"

#include <algorithm>

namespace ps::media::store {

namespace {
constexpr std::size_t kIdsPerQuery = 500;  // well under both databases' bind limits

// "SELECT <image_columns> FROM images ", which each query below continues.
const std::string& select_images() {
  static const std::string text = "SELECT " + image_columns("images") + " FROM images ";
  return text;
}

std::vector<Image> fetch(db::Connection& sql, const db::Query& query) {
  std::vector<Image> images;
  query.each<ImageRow>(sql, [&](const ImageRow& row) { images.push_back(row.to_image()); });
  return images;
}

// One column of each result row.
template <class T>
struct ColumnRow {
  T value{};
  void define(soci::statement& statement) { statement.exchange(soci::into(value)); }
};

template <class T>
std::vector<T> column(db::Connection& sql, const db::Query& query) {
  std::vector<T> values;
  query.each<ColumnRow<T>>(sql, [&](const ColumnRow<T>& row) { values.push_back(row.value); });
  return values;
}

db::Query with_ids(std::string_view head, const std::vector<std::int64_t>& ids,
                   std::string_view tail) {
  db::Query query(head);
  query.sql("(").bind_list({ids.begin(), ids.end()}).sql(")").sql(tail);
  return query;
}

std::optional<Image> fetch_one(db::Connection& sql, const db::Query& query) {
  auto images = fetch(sql, query);
  if (images.empty()) return std::nullopt;
  return std::move(images.front());
}
}  // namespace

constexpr std::string_view kInsertImage = R"(
  INSERT INTO images (owner_id, sha256, format, width, height, small_file, medium_file,
                      large_file, created_at)
  VALUES (:owner_id, :sha256, :format, :width, :height, :small, :medium, :large, :created_at))";

std::int64_t insert_image(db::Connection& sql, const Image& image) {
  return db::Query(kInsertImage)
      .values(image.owner_id, image.sha256, image.format, image.width, image.height,
              image.small_file, image.medium_file, image.large_file, image.created_at)
      .insert_returning_id(sql);
}

constexpr std::string_view kWhereId = "WHERE id = :id";

std::optional<Image> find_image_to_attach(db::Connection& sql, std::int64_t id) {
  db::Query query(select_images());
  query.sql(kWhereId).values(id);
  if (sql.dialect() == db::Dialect::postgres) query.sql(" FOR KEY SHARE");
  return fetch_one(sql, query);
}

constexpr std::string_view kWhereSha256 = "WHERE sha256 = :sha256 ORDER BY id LIMIT 1";

std::optional<Image> find_image_by_sha256(db::Connection& sql, const std::string& sha256) {
  db::Query query(select_images());
  return fetch_one(sql, query.sql(kWhereSha256).values(sha256));
}

std::vector<Image> find_images(db::Connection& sql, const std::vector<std::int64_t>& ids) {
  std::vector<long long> distinct(ids.begin(), ids.end());
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());

  std::vector<Image> images;
  for (std::size_t start = 0; start < distinct.size(); start += kIdsPerQuery) {
    const std::size_t count = std::min(kIdsPerQuery, distinct.size() - start);
    db::Query query(select_images());
    query.sql("WHERE id IN (");
    query.bind_list({distinct.begin() + static_cast<std::ptrdiff_t>(start),
                     distinct.begin() + static_cast<std::ptrdiff_t>(start + count)});
    query.sql(") ORDER BY id");
    auto found = fetch(sql, query);
    images.insert(images.end(), std::make_move_iterator(found.begin()),
                  std::make_move_iterator(found.end()));
  }
  return images;
}

void lock_key(db::Connection& sql, const std::string& sha256) {
  if (sql.dialect() != db::Dialect::postgres) return;
  // Advisory locks of two int4 keys have a space of their own: 'medi', then
  // 32 bits of the key (two keys that share them only wait for each other).
  constexpr long long kMediaLockClass = 0x6d656469;
  const long long key = static_cast<std::int32_t>(std::stoul(sha256.substr(0, 8), nullptr, 16));
  db::Query(R"(
    SELECT COUNT(*) FROM (
      SELECT pg_advisory_xact_lock(CAST(:class AS integer), CAST(:key AS integer))) AS locked)")
      .values(kMediaLockClass, key)
      .single<long long>(sql);
}

constexpr std::string_view kCandidates = R"(
  SELECT image_id FROM unused_image_candidates WHERE since < :before
  ORDER BY since, image_id LIMIT :limit)";

std::vector<std::int64_t> unused_image_candidates(db::Connection& sql, Millis unused_before,
                                                  int limit) {
  db::Query query(kCandidates);
  query.values(static_cast<long long>(unused_before), static_cast<long long>(limit));
  // PostgreSQL: candidates another sweep holds are skipped, never waited for.
  query.for_update_skip_locked(sql);
  const auto ids = column<long long>(sql, query);
  return {ids.begin(), ids.end()};
}

long long delete_unused_images(db::Connection& sql, const std::vector<std::int64_t>& ids,
                               Millis unused_before) {
  if (ids.empty()) return 0;
  std::vector<std::int64_t> lockable = ids;
  if (sql.dialect() == db::Dialect::postgres) {
    // An image that a transaction is attaching right now holds a key-share
    // lock (its foreign key check) and is skipped: it is about to be used.
    // The locked rest is checked below by a statement that starts after the
    // locks were taken, so it sees every attachment committed before.
    const auto locked = column<long long>(
        sql, with_ids("SELECT id FROM images WHERE id IN ", ids, " FOR UPDATE SKIP LOCKED"));
    lockable.assign(locked.begin(), locked.end());
    if (lockable.empty()) return 0;
  }
  db::Query remove = with_ids("DELETE FROM images WHERE id IN ", lockable, R"(
    AND created_at < :before
    AND NOT EXISTS (SELECT 1 FROM image_uses u WHERE u.image_id = images.id))");
  return remove.values(static_cast<long long>(unused_before)).execute(sql);
}

long long forget_candidates(db::Connection& sql, const std::vector<std::int64_t>& ids,
                            Millis unused_before) {
  if (ids.empty()) return 0;
  // Whatever was detached again meanwhile has a later `since`, and is kept.
  // An image skipped above as locked still exists and is kept too.
  return with_ids("DELETE FROM unused_image_candidates WHERE image_id IN ", ids, R"(
    AND since < :before
    AND NOT EXISTS (SELECT 1 FROM images i WHERE i.id = unused_image_candidates.image_id AND i.created_at < :before2
                    AND NOT EXISTS (SELECT 1 FROM image_uses u WHERE u.image_id = i.id)))")
      .values(static_cast<long long>(unused_before), static_cast<long long>(unused_before))
      .execute(sql);
}

std::vector<std::string> keys_with_unused_files(db::Connection& sql, int limit) {
  return column<std::string>(
      sql, db::Query("SELECT DISTINCT sha256 FROM unused_media_files ORDER BY sha256 LIMIT :limit")
               .values(static_cast<long long>(limit)));
}

constexpr std::string_view kUnnamedFiles = R"(
  SELECT file FROM unused_media_files f WHERE sha256 = :sha256
  AND NOT EXISTS (SELECT 1 FROM images i WHERE i.sha256 = f.sha256
                  AND f.file IN (i.small_file, i.medium_file, i.large_file))
  ORDER BY file)";

std::vector<std::string> unnamed_files(db::Connection& sql, const std::string& sha256) {
  return column<std::string>(sql, db::Query(kUnnamedFiles).values(sha256));
}

void forget_unused_files(db::Connection& sql, const std::string& sha256) {
  db::Query("DELETE FROM unused_media_files WHERE sha256 = :sha256").values(sha256).execute(sql);
}

}  // namespace ps::media::store
