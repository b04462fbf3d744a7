#include "http/static_files.h"

#include "core/errors.h"
#include "core/random.h"
#include "http/compression.h"

#include <spdlog/spdlog.h>

#include <fstream>
#include <map>
#include <sstream>

namespace ps::http {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kGzipSuffix = ".gz";

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

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string etag_of(std::string_view bytes) { return "\"" + digest_hex(bytes) + "\""; }

// Every regular file under root by URL path ("/assets/app.js"). Symlinks are
// skipped, so nothing outside root can be reached through one.
std::map<std::string, std::string> read_tree(const fs::path& root) {
  std::map<std::string, std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_symlink() || !it->is_regular_file()) continue;
    auto bytes = read_file(it->path());
    if (!bytes) {
      spdlog::warn("web app: cannot read {}", it->path().string());
      continue;
    }
    files.emplace("/" + it->path().lexically_relative(root).generic_string(), std::move(*bytes));
  }
  if (ec) spdlog::warn("web app: cannot read {}: {}", root.string(), ec.message());
  return files;
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

StaticFiles::StaticFiles(const fs::path& root) {
  if (fs::exists(root)) load(root);
  spdlog::info("web app: {} files from {}", files_.size(), root.string());
}

// A name.gz whose name exists too is that file's gzip representation, not a
// file of its own.
void StaticFiles::load(const fs::path& root) {
  auto contents = read_tree(root);
  for (auto& [path, bytes] : contents) {
    const bool is_sibling = ends_with(path, kGzipSuffix) &&
                            contents.contains(path.substr(0, path.size() - kGzipSuffix.size()));
    if (is_sibling) continue;
    File file;
    file.content_type = content_type_for(path);
    file.cache_control =
        starts_with(path, "/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    file.compressible = is_compressible(file.content_type);
    file.identity.etag = etag_of(bytes);
    if (auto gz = contents.find(path + std::string(kGzipSuffix)); gz != contents.end())
      file.gzipped = Representation{std::move(gz->second), gzip_etag(file.identity.etag)};
    file.identity.bytes = std::move(bytes);
    files_.emplace(path, std::move(file));
  }
}

const StaticFiles::File* StaticFiles::find(const std::string& path) const {
  const auto found = files_.find(path);
  return found == files_.end() ? nullptr : &found->second;
}

boost::asio::awaitable<Response> StaticFiles::serve(const Request& request) const {
  co_return respond(request);
}

Response StaticFiles::respond(const Request& request) const {
  if (starts_with(request.path, "/api/") || starts_with(request.path, "/media/"))
    throw ApiError::not_found("No resource at " + request.path);
  const File* file = find(request.path);
  // A chunk of another build (a tab opened before a deploy) is missing, not
  // a client-side route: the page as a script would fail less plainly.
  if (!file && starts_with(request.path, "/assets/"))
    throw ApiError::not_found("No file at " + request.path + "; the web app has been updated.");
  if (!file) file = find("/index.html");  // a client-side route
  if (!file) throw ApiError::not_found("The web app is not built; run make web.");

  const bool gzip = file->gzipped && accepts_gzip(request.header(bhttp::field::accept_encoding));
  const Representation& chosen = gzip ? *file->gzipped : file->identity;
  Response response{bhttp::status::ok, 11};
  response.set(bhttp::field::etag, chosen.etag);
  response.set(bhttp::field::cache_control, file->cache_control);
  // Also where no .gz exists: this handler chose identity, the pipeline
  // must not compress the file on every request instead.
  if (file->compressible || file->gzipped) response.set(bhttp::field::vary, "Accept-Encoding");
  if (if_none_match_matches(request.header(bhttp::field::if_none_match), file->identity.etag)) {
    response.result(bhttp::status::not_modified);
    return response;
  }
  response.set(bhttp::field::content_type, file->content_type);
  if (gzip) response.set(bhttp::field::content_encoding, "gzip");
  response.body() = chosen.bytes;
  response.prepare_payload();
  return response;
}

}  // namespace ps::http
