#include "media/model.h"

#include <soci/soci.h>

namespace ps::media {

namespace {
constexpr std::string_view kImageColumns[] = {
    "id",     "owner_id",   "sha256",      "format",     "width",
    "height", "small_file", "medium_file", "large_file", "created_at"};
static_assert(std::size(kImageColumns) == std::tuple_size_v<decltype(ImageRow::indicators)>);
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

}  // namespace ps::media
