#pragma once

#include "media/storage.h"

#include <filesystem>

namespace ps::media {

// Files under root, as <root>/<first two of key>/<key>/<file>. New files are
// written to a temporary name, flushed to disk and renamed over.
class LocalDirectoryStorage : public MediaStorage {
 public:
  explicit LocalDirectoryStorage(std::filesystem::path root) : root_(std::move(root)) {}

  void put_once(std::string_view key, std::string_view file, std::string_view bytes) override;
  std::optional<std::string> read(std::string_view key, std::string_view file) const override;
  bool exists(std::string_view key, std::string_view file) const override;
  void remove(std::string_view key, std::string_view file) override;

 private:
  std::filesystem::path path_of(std::string_view key, std::string_view file) const;

  std::filesystem::path root_;
};

}  // namespace ps::media
