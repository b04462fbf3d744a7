#include "media/routes.h"

#include "core/errors.h"
#include "http/compression.h"
#include "http/multipart.h"
#include "media/json.h"

namespace ps::media {

namespace {
using boost::asio::awaitable;
using http::Request;
using http::Response;
using http::bhttp::field;

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";

// The bytes of the single "file" part; 422 when there is none or several.
std::string_view file_part(const std::vector<http::MultipartPart>& parts) {
  const auto files = http::find_parts(parts, "file");
  if (files.empty()) throw ApiError::validation({{"file", {"is required"}}});
  if (files.size() > 1) throw ApiError::validation({{"file", {"must be sent once"}}});
  return files.front()->body;
}

ApiError no_such_file() { return ApiError::not_found("There is no such media file."); }
}  // namespace

void add_routes(http::Router& router, MediaService& media, const accounts::Authenticator& auth,
                WorkerPool& workers, http::RateLimiter& uploads_per_user, const Config& config) {
  using http::bhttp::verb;

  router.add(
      verb::post, "/api/uploads",
      [&](Request& request) -> awaitable<Response> {
        // Any signed-in user: vendors for products, buyers for messages' images.
        const accounts::User user = co_await auth.require_user(request);
        const std::string_view content_type = request.header(field::content_type);
        const std::string_view body = request.raw.body();
        Image image = co_await workers.run(request.request_id, [&] {
          uploads_per_user.enforce(std::to_string(user.id));
          const auto parts = http::parse_multipart(content_type, body);
          return media.store(user.id, file_part(parts));
        });
        co_return http::json_response(201, to_json(image));
      },
      config.max_upload_bytes);

  router.add(verb::get, "/media/{key}/{file}", [&](Request& request) -> awaitable<Response> {
    const std::string key(request.param("key"));
    const std::string file(request.param("file"));
    if (!is_media_key(key) || !is_variant_file(file)) throw no_such_file();
    const std::string etag = variant_etag(file);

    Response response;
    if (http::if_none_match_lists(request.header(field::if_none_match), etag)) {
      const bool exists =
          co_await workers.run(request.request_id, [&] { return media.has_variant(key, file); });
      if (!exists) throw no_such_file();
      response = Response{http::bhttp::status::not_modified, 11};
    } else {
      auto bytes =
          co_await workers.run(request.request_id, [&] { return media.read_variant(key, file); });
      if (!bytes) throw no_such_file();
      response = Response{http::bhttp::status::ok, 11};
      response.set(field::content_type, "image/webp");
      response.set("X-Content-Type-Options", "nosniff");
      response.body() = std::move(*bytes);
    }
    response.set(field::etag, etag);
    response.set(field::cache_control, kImmutable);
    response.prepare_payload();
    co_return response;
  });
}

}  // namespace ps::media
