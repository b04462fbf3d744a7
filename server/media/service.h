#pragma once

#include "core/config.h"
#include "db/database.h"
#include "media/model.h"
#include "media/storage.h"

#include <soci/session.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ps::media {

// The exact names the media routes accept, so that a request can never
// reach outside the media folder: 64 lower-case hex, and
// "<width>-<32 lower-case hex>.webp".
bool is_media_key(std::string_view key);
bool is_variant_file(std::string_view file);
// A strong ETag for a variant file: its name carries the hash of its bytes.
std::string variant_etag(std::string_view file);

// Image uploads: validation, processing, content-addressed storage (in the
// MediaStorage config.media_storage names), and the lookups the features that
// show images need. Blocking: call from the WorkerPool. A failing storage is
// ApiError 503 (unavailable), its cause logged.
class MediaService {
 public:
  MediaService(db::Database& database, const Config& config);

  // Validates, processes, stores; blocking. Throws ApiError 413 (larger than
  // max_upload_bytes), 415 (not a JPEG, PNG, WebP or GIF) or 422 with
  // errors.file (empty, too many pixels, truncated or corrupt).
  Image store(std::int64_t owner_id, std::string_view bytes);

  // Inside another feature's transaction: the image if owner_id owns it;
  // ApiError 404 when there is no such image, 403 when it belongs to someone else.
  Image owned_image(db::Connection& sql, std::int64_t image_id, std::int64_t owner_id) const;

  // Batch lookup for lists (one query, no N+1); missing ids are simply
  // absent, repeated ids give one image. Ordered by id.
  std::vector<Image> find_many(db::Connection& sql, const std::vector<std::int64_t>& ids) const;

  // The bytes of a stored variant; nothing when the names are not ones this
  // service generates or no such file exists.
  std::optional<std::string> read_variant(std::string_view key, std::string_view file) const;
  bool has_variant(std::string_view key, std::string_view file) const;

  // Deletes the images that nothing shows (the image_uses view) and that
  // have been unused since before `unused_before`, then the files that no
  // image row names any more; a batch per short transaction. Blocking. A
  // failing storage ends the round early: what is left waits for the next.
  struct Deleted {
    long long images = 0;
    long long files = 0;
  };
  Deleted delete_unused(Millis unused_before);
  // delete_unused for what has been unused longer than config.unused_image_hours.
  Deleted delete_unused_past_grace();

  // The local storage's folder (used only when media_storage is "local").
  const std::filesystem::path& root() const { return root_; }

 private:
  // Inserts the image if its files are all in storage, holding the lock
  // that delete_unused takes before it deletes files of the same key.
  std::optional<std::int64_t> insert_if_stored(const Image& image);
  long long delete_unused_rows(Millis unused_before);
  long long delete_unnamed_files();
  long long delete_unnamed_files_of(const std::string& key);

  db::Database& database_;
  std::unique_ptr<MediaStorage> storage_;
  std::filesystem::path root_;
  std::size_t max_upload_bytes_;
  std::uint64_t max_image_pixels_;
  Millis unused_image_grace_;
};

}  // namespace ps::media
