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

std::optional<Image> find_image(db::Connection& sql, std::int64_t id) {
  db::Query query(select_images());
  return fetch_one(sql, query.sql(kWhereId).values(id));
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

}  // namespace ps::media::store
