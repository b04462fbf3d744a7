#pragma once

#include "core/config.h"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ps::media {

// The store failed or refused (unreachable, bad credentials, no such
// bucket): not the same as a file that is absent. The message names what
// failed and never carries a secret.
class StorageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where image variants live, by the image's key (the SHA-256 of the upload)
// and the variant's file name. Content-addressed: the bytes under one name
// never change, so writing them twice is harmless and readers may cache them
// forever. Blocking: call from the WorkerPool. Throws StorageError.
class MediaStorage {
 public:
  virtual ~MediaStorage() = default;

  // Stores the bytes unless the file is there already; a reader never sees
  // a partly written file.
  virtual void put_once(std::string_view key, std::string_view file, std::string_view bytes) = 0;
  // The bytes, or nothing when there is no such file.
  virtual std::optional<std::string> read(std::string_view key, std::string_view file) const = 0;
  virtual bool exists(std::string_view key, std::string_view file) const = 0;
  // Deletes the file; one that is absent already is not an error.
  virtual void remove(std::string_view key, std::string_view file) = 0;
};

// The storage config.media_storage names: LocalDirectoryStorage under
// <data_dir>/media, or S3Storage.
std::unique_ptr<MediaStorage> make_storage(const Config& config);

}  // namespace ps::media
