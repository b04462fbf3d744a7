#include "media/service.h"

#include "core/errors.h"
#include "core/random.h"
#include "db/batches.h"
#include "media/processing.h"
#include "media/store.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace ps::media {

namespace {
constexpr std::size_t kKeyLength = 64;       // SHA-256, hex
constexpr std::size_t kFileHashLength = 32;  // 128 bits of the variant's SHA-256, hex
constexpr std::string_view kVariantSuffix = ".webp";
constexpr std::string_view kNotStoredNow = "The image could not be stored right now; retry later.";

bool is_lower_hex(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string variant_file_name(const Variant& variant) {
  return std::to_string(variant.width) + "-" + sha256_hex(variant.webp).substr(0, kFileHashLength) +
         std::string(kVariantSuffix);
}

// The client learns that storage failed; only the log learns why.
ApiError storage_failed(const StorageError& error, std::string detail) {
  return ApiError(ErrorCode::unavailable, std::move(detail)).with_cause(error.what());
}

ApiError too_many_pixels(int width, int height, std::uint64_t max_pixels) {
  return ApiError::validation(
      {{"file",
        {"is " + std::to_string(width) + " x " + std::to_string(height) + " pixels; at most " +
         std::to_string(max_pixels) + " pixels are allowed"}}});
}
}  // namespace

bool is_media_key(std::string_view key) { return key.size() == kKeyLength && is_lower_hex(key); }

bool is_variant_file(std::string_view file) {
  if (file.size() <= kVariantSuffix.size() ||
      file.substr(file.size() - kVariantSuffix.size()) != kVariantSuffix)
    return false;
  const std::string_view stem = file.substr(0, file.size() - kVariantSuffix.size());
  const auto dash = stem.find('-');
  if (dash == std::string_view::npos) return false;
  const std::string_view width = stem.substr(0, dash);
  const std::string_view hash = stem.substr(dash + 1);
  return !width.empty() && width.size() <= 5 && width.front() != '0' &&
         std::all_of(width.begin(), width.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
         hash.size() == kFileHashLength && is_lower_hex(hash);
}

std::string variant_etag(std::string_view file) {
  const auto dash = file.find('-');
  return "\"" + std::string(file.substr(dash + 1, kFileHashLength)) + "\"";
}

MediaService::MediaService(db::Database& database, const Config& config)
    : database_(database),
      storage_(make_storage(config)),
      root_(std::filesystem::path(config.data_dir) / "media"),
      max_upload_bytes_(config.max_upload_bytes),
      max_image_pixels_(config.max_image_pixels),
      unused_image_grace_(config.unused_image_hours * 3600LL * 1000) {}

Image MediaService::store(std::int64_t owner_id, std::string_view bytes) {
  if (bytes.size() > max_upload_bytes_)
    throw ApiError::payload_too_large("The image is larger than " +
                                      std::to_string(max_upload_bytes_) + " bytes.");
  Image image;
  image.owner_id = owner_id;
  image.sha256 = sha256_hex(bytes);
  image.created_at = now_millis();

  // The same bytes were proven and processed before: reuse their files,
  // unless they are being deleted (insert_if_stored finds them gone).
  const auto earlier = database_.with_session(
      [&](db::Connection& sql) { return store::find_image_by_sha256(sql, image.sha256); });
  std::optional<std::int64_t> id;
  if (earlier) {
    if (static_cast<std::uint64_t>(earlier->width) * static_cast<std::uint64_t>(earlier->height) >
        max_image_pixels_)
      throw too_many_pixels(earlier->width, earlier->height, max_image_pixels_);
    image.format = earlier->format;
    image.width = earlier->width;
    image.height = earlier->height;
    image.small_file = earlier->small_file;
    image.medium_file = earlier->medium_file;
    image.large_file = earlier->large_file;
    id = insert_if_stored(image);
  }
  // A sweep may delete files just stored for an earlier row of the same
  // bytes, between their storing and the insert: they are stored again.
  for (int attempt = 0; !id && attempt < 3; ++attempt) {
    const ProcessedImage processed = process_image(
        bytes, max_image_pixels_, std::vector<int>(kVariantWidths.begin(), kVariantWidths.end()));
    image.format = processed.format;
    image.width = processed.width;
    image.height = processed.height;
    std::array<std::string*, 3> files{&image.small_file, &image.medium_file, &image.large_file};
    try {
      for (std::size_t i = 0; i < files.size(); ++i) {
        const Variant& variant = processed.variants.at(i);
        *files[i] = variant_file_name(variant);
        storage_->put_once(image.sha256, *files[i], variant.webp);
      }
    } catch (const StorageError& error) {
      throw storage_failed(error, std::string(kNotStoredNow));
    }
    id = insert_if_stored(image);
  }
  if (!id) throw ApiError(ErrorCode::unavailable, std::string(kNotStoredNow));
  image.id = *id;
  spdlog::info("image stored image_id={} owner_id={} format={} size={}x{} bytes={}", image.id,
               image.owner_id, image.format, image.width, image.height, bytes.size());
  return image;
}

std::optional<std::int64_t> MediaService::insert_if_stored(const Image& image) {
  return database_.transaction([&](db::Connection& sql) -> std::optional<std::int64_t> {
    store::lock_key(sql, image.sha256);
    for (const std::string* file : {&image.small_file, &image.medium_file, &image.large_file})
      if (!has_variant(image.sha256, *file)) return std::nullopt;
    return store::insert_image(sql, image);
  });
}

Image MediaService::owned_image(db::Connection& sql, std::int64_t image_id,
                                std::int64_t owner_id) const {
  auto image = store::find_image_to_attach(sql, image_id);
  if (!image) throw ApiError::not_found("There is no image " + std::to_string(image_id) + ".");
  if (image->owner_id != owner_id)
    throw ApiError::forbidden("Image " + std::to_string(image_id) + " belongs to someone else.");
  return std::move(*image);
}

std::vector<Image> MediaService::find_many(db::Connection& sql,
                                           const std::vector<std::int64_t>& ids) const {
  if (ids.empty()) return {};
  return store::find_images(sql, ids);
}

std::optional<std::string> MediaService::read_variant(std::string_view key,
                                                      std::string_view file) const {
  if (!is_media_key(key) || !is_variant_file(file)) return std::nullopt;
  try {
    return storage_->read(key, file);
  } catch (const StorageError& error) {
    throw storage_failed(error, "The image cannot be read right now; retry later.");
  }
}

bool MediaService::has_variant(std::string_view key, std::string_view file) const {
  if (!is_media_key(key) || !is_variant_file(file)) return false;
  try {
    return storage_->exists(key, file);
  } catch (const StorageError& error) {
    throw storage_failed(error, "The image cannot be read right now; retry later.");
  }
}

MediaService::Deleted MediaService::delete_unused_past_grace() {
  return delete_unused(now_millis() - unused_image_grace_);
}

MediaService::Deleted MediaService::delete_unused(Millis unused_before) {
  Deleted deleted;
  deleted.images = delete_unused_rows(unused_before);
  deleted.files = delete_unnamed_files();
  if (deleted.images || deleted.files)
    spdlog::info("unused images deleted images={} files={}", deleted.images, deleted.files);
  return deleted;
}

namespace {
constexpr int kCandidatesPerTransaction = 200;
constexpr int kKeysPerRound = 100;
}  // namespace

long long MediaService::delete_unused_rows(Millis unused_before) {
  long long removed = 0;
  db::in_batches(
      database_,
      [&](db::Connection& sql, int limit) {
        const auto ids = store::unused_image_candidates(sql, unused_before, limit);
        removed += store::delete_unused_images(sql, ids, unused_before);
        // A batch whose candidates all stay (images being attached right
        // now) ends the round: the next one looks at them again.
        const bool any_forgotten = store::forget_candidates(sql, ids, unused_before) > 0;
        return any_forgotten ? static_cast<int>(ids.size()) : 0;
      },
      kCandidatesPerTransaction);
  return removed;
}

// Each key's files are deleted under its lock, which insert_if_stored takes
// too: a row that names a file is either committed before (and the file
// kept) or checks for the file after (and stores it again).
long long MediaService::delete_unnamed_files() {
  long long deleted = 0;
  for (;;) {
    const auto keys = database_.with_session(
        [&](db::Connection& sql) { return store::keys_with_unused_files(sql, kKeysPerRound); });
    for (const std::string& key : keys) {
      try {
        deleted += delete_unnamed_files_of(key);
      } catch (const StorageError& error) {
        spdlog::warn("deleting unused image files stopped: {}", error.what());
        return deleted;
      }
    }
    if (keys.size() < static_cast<std::size_t>(kKeysPerRound)) return deleted;
  }
}

long long MediaService::delete_unnamed_files_of(const std::string& key) {
  return database_.transaction([&](db::Connection& sql) {
    store::lock_key(sql, key);
    const auto files = store::unnamed_files(sql, key);
    long long removed = 0;
    if (is_media_key(key))  // never a name of ours otherwise: forgotten, not touched
      for (const std::string& file : files) {
        if (!is_variant_file(file)) continue;
        storage_->remove(key, file);
        ++removed;
      }
    store::forget_unused_files(sql, key);
    return removed;
  });
}

}  // namespace ps::media
