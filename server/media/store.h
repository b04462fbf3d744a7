#pragma once

#include "media/model.h"

#include <soci/session.h>
#include <soci/statement.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ps::media {

// SQL for the images table; no business rules here.
namespace store {
// The columns of an images row as "<alias>.id, <alias>.owner_id, ...", in
// the order ImageRow::define binds them, for queries that join images.
std::string image_columns(std::string_view alias);

// One images row bound through plain SOCI types (see db::Query::each). It
// may come from a LEFT JOIN: found() is false when no image matched.
struct ImageRow {
  long long id = 0, owner_id = 0, created_at = 0;
  int width = 0, height = 0;
  std::string sha256, format, small_file, medium_file, large_file;
  std::array<soci::indicator, 10> indicators{};  // one per column

  void define(soci::statement& statement);
  bool found() const { return indicators.front() == soci::i_ok; }
  Image to_image() const;
};

std::int64_t insert_image(soci::session& sql, const Image& image);
std::optional<Image> find_image(soci::session& sql, std::int64_t id);
// Any earlier upload of the same bytes (whoever uploaded them).
std::optional<Image> find_image_by_sha256(soci::session& sql, const std::string& sha256);
// One query per 500 distinct ids; ordered by id.
std::vector<Image> find_images(soci::session& sql, const std::vector<std::int64_t>& ids);
}  // namespace store

}  // namespace ps::media
