#include "media/store.h"

#include "db/query.h"

#include <soci/soci.h>

#include <algorithm>

namespace ps::media::store {

namespace {
constexpr std::string_view kImageColumns[] = {
    "id",     "owner_id",   "sha256",      "format",     "width",
    "height", "small_file", "medium_file", "large_file", "created_at"};
static_assert(std::size(kImageColumns) == std::tuple_size_v<decltype(ImageRow::indicators)>);
constexpr std::size_t kIdsPerQuery = 500;  // well under both databases' bind limits

// select_images_sql() with a condition; one Image per row.
std::vector<Image> select_images(soci::session& sql, const db::Query& query) {
  std::vector<Image> images;
  query.each<ImageRow>(sql, [&](const ImageRow& row) { images.push_back(row.to_image()); });
  return images;
}
const std::string& select_images_sql() {
  static const std::string text = "SELECT " + image_columns("images") + " FROM images";
  return text;
}
}  // namespace

std::string image_columns(std::string_view alias) {
  std::string columns;
  for (auto column : kImageColumns) {
    if (!columns.empty()) columns += ", ";
    columns.append(alias).append(".").append(column);
  }
  return columns;
}

void ImageRow::define(soci::statement& statement) {
  auto* indicator = indicators.begin();
  statement.exchange(soci::into(id, *indicator++));
  statement.exchange(soci::into(owner_id, *indicator++));
  statement.exchange(soci::into(sha256, *indicator++));
  statement.exchange(soci::into(format, *indicator++));
  statement.exchange(soci::into(width, *indicator++));
  statement.exchange(soci::into(height, *indicator++));
  statement.exchange(soci::into(small_file, *indicator++));
  statement.exchange(soci::into(medium_file, *indicator++));
  statement.exchange(soci::into(large_file, *indicator++));
  statement.exchange(soci::into(created_at, *indicator++));
}

Image ImageRow::to_image() const {
  Image image;
  image.id = id;
  image.owner_id = owner_id;
  image.width = width;
  image.height = height;
  image.created_at = created_at;
  image.format = format;
  image.sha256 = sha256;
  image.small_file = small_file;
  image.medium_file = medium_file;
  image.large_file = large_file;
  return image;
}

std::int64_t insert_image(soci::session& sql, const Image& image) {
  return db::Query(
             "INSERT INTO images (owner_id, sha256, format, width, height, small_file, "
             "medium_file, large_file, created_at) VALUES (:owner_id, :sha256, :format, :width, "
             ":height, :small, :medium, :large, :created_at)")
      .values(image.owner_id, image.sha256, image.format, image.width, image.height,
              image.small_file, image.medium_file, image.large_file, image.created_at)
      .insert_returning_id(sql);
}

std::optional<Image> find_image(soci::session& sql, std::int64_t id) {
  db::Query query(select_images_sql());
  query.sql(" WHERE id = ").bind(static_cast<long long>(id));
  auto images = select_images(sql, query);
  if (images.empty()) return std::nullopt;
  return std::move(images.front());
}

std::optional<Image> find_image_by_sha256(soci::session& sql, const std::string& sha256) {
  db::Query query(select_images_sql());
  query.sql(" WHERE sha256 = ").bind(sha256).sql(" ORDER BY id LIMIT 1");
  auto images = select_images(sql, query);
  if (images.empty()) return std::nullopt;
  return std::move(images.front());
}

std::vector<Image> find_images(soci::session& sql, const std::vector<std::int64_t>& ids) {
  std::vector<long long> distinct(ids.begin(), ids.end());
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());

  std::vector<Image> images;
  for (std::size_t start = 0; start < distinct.size(); start += kIdsPerQuery) {
    const std::size_t count = std::min(kIdsPerQuery, distinct.size() - start);
    db::Query query(select_images_sql());
    query.sql(" WHERE id IN (");
    query.bind_list({distinct.begin() + static_cast<std::ptrdiff_t>(start),
                     distinct.begin() + static_cast<std::ptrdiff_t>(start + count)});
    query.sql(") ORDER BY id");
    auto found = select_images(sql, query);
    images.insert(images.end(), std::make_move_iterator(found.begin()),
                  std::make_move_iterator(found.end()));
  }
  return images;
}

}  // namespace ps::media::store
