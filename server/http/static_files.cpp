#include "http/static_files.h"

#include "core/errors.h"
#include "core/random.h"

#include <fstream>
#include <sstream>

namespace ps::http {

namespace fs = std::filesystem;

namespace {
std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}
}  // namespace

std::string_view content_type_for(const fs::path& file) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"}};
  const std::string extension = file.extension().string();
  for (const auto& [ext, type] : kTypes)
    if (ext == extension) return type;
  return "application/octet-stream";
}

StaticFiles::StaticFiles(fs::path root, WorkerPool& workers)
    : root_(fs::weakly_canonical(root)), workers_(workers) {}

// The file under root_ for a URL path; nothing for directories, missing files
// or anything that would leave root_ ("..", symlinks out).
std::optional<fs::path> StaticFiles::resolve(const std::string& path) const {
  const fs::path relative = fs::path(path).relative_path();
  std::error_code ec;
  const fs::path candidate = fs::weakly_canonical(root_ / relative, ec);
  if (ec) return std::nullopt;
  const auto [root_end, ignored] =
      std::mismatch(root_.begin(), root_.end(), candidate.begin(), candidate.end());
  if (root_end != root_.end()) return std::nullopt;
  if (!fs::is_regular_file(candidate, ec)) return std::nullopt;
  return candidate;
}

boost::asio::awaitable<Response> StaticFiles::serve(const Request& request) const {
  if (starts_with(request.path, "/api/") || starts_with(request.path, "/media/"))
    throw ApiError::not_found("No resource at " + request.path);
  auto file = resolve(request.path);
  const bool is_asset = file.has_value() && starts_with(request.path, "/assets/");
  if (!file) file = resolve("/index.html");  // a client-side route
  if (!file) throw ApiError::not_found("The web app is not built; run make web.");

  const fs::path path = *file;
  auto bytes = co_await workers_.run(request.request_id, [&path] { return read_file(path); });
  if (!bytes) throw ApiError::not_found("No resource at " + request.path);
  const std::string etag = "\"" + sha256_hex(*bytes).substr(0, 32) + "\"";

  Response response{bhttp::status::ok, 11};
  response.set(bhttp::field::etag, etag);
  response.set(bhttp::field::cache_control,
               is_asset ? "public, max-age=31536000, immutable" : "no-cache");
  if (request.header(bhttp::field::if_none_match) == etag) {
    response.result(bhttp::status::not_modified);
    co_return response;
  }
  response.set(bhttp::field::content_type, content_type_for(path));
  response.body() = std::move(*bytes);
  response.prepare_payload();
  co_return response;
}

}  // namespace ps::http
