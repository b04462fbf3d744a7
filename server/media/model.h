#pragma once

// Images as plain data.

#include "core/clock.h"

#include <array>
#include <cstdint>
#include <string>

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

}  // namespace ps::media
