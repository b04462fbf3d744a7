#include "media/local_storage.h"

#include "core/random.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <iterator>
#include <system_error>

namespace ps::media {

namespace {
[[noreturn]] void throw_errno(const std::string& what) {
  throw StorageError(what + ": " + std::generic_category().message(errno));
}

// A key's folder may be removed, emptied, between its creation and the
// file's (LocalDirectoryStorage::remove): then it is created again.
int create_in_folder(const std::filesystem::path& temp) {
  for (int attempt = 0;; ++attempt) {
    std::error_code ec;
    std::filesystem::create_directories(temp.parent_path(), ec);
    if (ec)
      throw StorageError("cannot create " + temp.parent_path().string() + ": " + ec.message());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) return fd;
    if (errno != ENOENT || attempt == 2) throw_errno("cannot create " + temp.string());
  }
}

// A new file appears whole or not at all: written to a temporary name in the
// same folder, flushed to disk, then renamed over.
void write_file_atomically(const std::filesystem::path& path, std::string_view data) {
  std::error_code ec;
  const std::filesystem::path temp =
      path.parent_path() / ("." + path.filename().string() + "." + random_hex(8) + ".tmp");
  const int fd = create_in_folder(temp);
  std::size_t written = 0;
  while (written < data.size()) {
    const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int saved = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      errno = saved;
      throw_errno("cannot write " + temp.string());
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    errno = saved;
    throw_errno("cannot flush " + temp.string());
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp);
    throw StorageError("cannot rename " + temp.string() + ": " + ec.message());
  }
}
}  // namespace

std::filesystem::path LocalDirectoryStorage::path_of(std::string_view key,
                                                     std::string_view file) const {
  return root_ / std::string(key.substr(0, 2)) / std::string(key) / std::string(file);
}

void LocalDirectoryStorage::put_once(std::string_view key, std::string_view file,
                                     std::string_view bytes) {
  const std::filesystem::path path = path_of(key, file);
  if (std::filesystem::exists(path)) return;
  write_file_atomically(path, bytes);
}

std::optional<std::string> LocalDirectoryStorage::read(std::string_view key,
                                                       std::string_view file) const {
  std::ifstream in(path_of(key, file), std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw StorageError("cannot read media file " + std::string(file));
  return bytes;
}

bool LocalDirectoryStorage::exists(std::string_view key, std::string_view file) const {
  std::error_code ec;
  return std::filesystem::is_regular_file(path_of(key, file), ec);
}

void LocalDirectoryStorage::remove(std::string_view key, std::string_view file) {
  const std::filesystem::path path = path_of(key, file);
  std::error_code ec;
  std::filesystem::remove(path, ec);
  if (ec) throw StorageError("cannot delete " + path.string() + ": " + ec.message());
  // The key's folder goes with its last file; removing one that still holds
  // files fails, harmlessly.
  std::filesystem::remove(path.parent_path(), ec);
}

}  // namespace ps::media
