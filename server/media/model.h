#pragma once

// Images as plain data.

#include "core/clock.h"

#include <soci/statement.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace ps::media {

// An uploaded image. Its pixels live on disk as WebP variants, content
// addressed: <data_dir>/media/<sha256[0:2]>/<sha256>/<file>, served at
// /media/<sha256>/<file>, where sha256 is the hash of the uploaded bytes and
// each file is named "<width>-<first 32 hex of the variant's SHA-256>.webp".
struct Image {
  std::int64_t id = 0;
  std::int64_t owner_id = 0;
  int width = 0;  // upright, after EXIF orientation
  int height = 0;
  Millis created_at = 0;
  std::string format;       // what was uploaded: jpeg | png | webp | gif
  std::string sha256;       // of the uploaded bytes; names the folder of the variants
  std::string small_file;   // 320 px wide (or the original width, if smaller)
  std::string medium_file;  // 800 px
  std::string large_file;   // 1600 px
};

// The target widths of the small, medium and large variants.
inline constexpr std::array<int, 3> kVariantWidths{320, 800, 1600};

// One images row as read by a query (see db::Query::each), in the order of
// image_columns(); here so that another feature's store can join images. It
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

// The columns of an ImageRow as "<alias>.id, <alias>.owner_id, ...".
std::string image_columns(std::string_view alias);

}  // namespace ps::media
