#pragma once

#include "core/worker_pool.h"
#include "http/request.h"

#include <filesystem>
#include <optional>
#include <string>

namespace ps::http {

// Serves the built web app (web/dist): files by path, and index.html for any
// other path outside /api and /media so that client-side routes work.
// Hashed assets under /assets/ are cached for a year; everything else is
// revalidated with its ETag.
class StaticFiles {
 public:
  StaticFiles(std::filesystem::path root, WorkerPool& workers);

  boost::asio::awaitable<Response> serve(const Request& request) const;

 private:
  std::optional<std::filesystem::path> resolve(const std::string& path) const;

  std::filesystem::path root_;
  WorkerPool& workers_;
};

// The Content-Type for a file name's extension.
std::string_view content_type_for(const std::filesystem::path& file);

}  // namespace ps::http
