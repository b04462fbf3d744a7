#pragma once

#include "http/request.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ps::http {

// Serves the built web app (web/dist) from memory: every file is read, and
// its ETag computed, once when the server starts, so a new build is picked
// up by a restart. Paths outside /api and /media that name no file get
// index.html, so that client-side routes work. Hashed assets under /assets/
// are cached for a year; everything else is revalidated with its ETag.
// Clients that accept gzip get a file's precompressed sibling (name.gz,
// written by the web build) when there is one. Only files found under the
// root at start (symlinks not followed) are ever served.
class StaticFiles {
 public:
  explicit StaticFiles(const std::filesystem::path& root);

  boost::asio::awaitable<Response> serve(const Request& request) const;

 private:
  struct Representation {
    std::string bytes;
    std::string etag;
  };
  struct File {
    std::string_view content_type;
    std::string_view cache_control;
    bool compressible = false;
    Representation identity;
    std::optional<Representation> gzipped;
  };

  void load(const std::filesystem::path& root);
  const File* find(const std::string& path) const;
  Response respond(const Request& request) const;

  std::unordered_map<std::string, File> files_;  // by URL path, e.g. "/assets/app.js"
};

// The Content-Type for a file name's extension.
std::string_view content_type_for(const std::filesystem::path& file);

}  // namespace ps::http
