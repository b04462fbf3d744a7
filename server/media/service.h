#pragma once

#include "core/clock.h"
#include "core/config.h"
#include "db/database.h"

#include <soci/session.h>
#include <boost/json/object.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// {"id", "width", "height", "urls": {"small", "medium", "large"}}
// sp: where the JSON tree lives (a request-scoped arena on hot paths).
boost::json::object to_json(const Image& image, boost::json::storage_ptr sp = {});

// The exact names the media routes accept, so that a request can never
// reach outside the media folder: 64 lower-case hex, and
// "<width>-<32 lower-case hex>.webp".
bool is_media_key(std::string_view key);
bool is_variant_file(std::string_view file);
// A strong ETag for a variant file: its name carries the hash of its bytes.
std::string variant_etag(std::string_view file);

// Image uploads: validation, processing, content-addressed storage, and the
// lookups the features that show images need. Blocking: call from the WorkerPool.
class MediaService {
 public:
  MediaService(db::Database& database, const Config& config);

  // Validates, processes, stores; blocking. Throws ApiError 413 (larger than
  // max_upload_bytes), 415 (not a JPEG, PNG, WebP or GIF) or 422 with
  // errors.file (empty, too many pixels, truncated or corrupt).
  Image store(std::int64_t owner_id, std::string_view bytes);

  // Inside another feature's transaction: the image if owner_id owns it;
  // ApiError 404 when there is no such image, 403 when it belongs to someone else.
  Image owned_image(soci::session& sql, std::int64_t image_id, std::int64_t owner_id) const;

  // Batch lookup for lists (one query, no N+1); missing ids are simply
  // absent, repeated ids give one image. Ordered by id.
  std::vector<Image> find_many(soci::session& sql, const std::vector<std::int64_t>& ids) const;

  // The bytes of a stored variant; nothing when the names are not ones this
  // service generates or no such file exists.
  std::optional<std::string> read_variant(std::string_view key, std::string_view file) const;
  bool has_variant(std::string_view key, std::string_view file) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path variant_path(std::string_view key, std::string_view file) const;

  db::Database& database_;
  std::filesystem::path root_;
  std::size_t max_upload_bytes_;
  std::uint64_t max_image_pixels_;
};

}  // namespace ps::media
