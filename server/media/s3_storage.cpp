#include "media/s3_storage.h"

#include "core/random.h"
#include "http/outbound.h"

namespace ps::media {

namespace {
// Large enough for any variant (the widest is 1600 pixels of WebP).
constexpr std::size_t kMaxObjectBytes = 64 << 20;

// S3's error code, such as NoSuchBucket or SignatureDoesNotMatch, from an
// error answer's XML; empty when there is none (HEAD answers have no body).
std::string s3_error_code(const std::string& body) {
  const auto start = body.find("<Code>");
  if (start == std::string::npos) return {};
  const auto end = body.find("</Code>", start);
  if (end == std::string::npos || end - start > 70) return {};
  return body.substr(start + 6, end - start - 6);
}

// One signed request for one object.
class S3Request {
 public:
  S3Request(const S3Settings& settings, std::string method, std::string_view key,
            std::string_view file)
      : what_(method + " " + settings.bucket + "/" + std::string(key) + "/" + std::string(file)) {
    request_.method = std::move(method);
    request_.url = settings.endpoint + "/" + settings.bucket + "/" + std::string(key) + "/" +
                   std::string(file);
    request_.timeout = settings.timeout;
    request_.max_answer_bytes = kMaxObjectBytes;
    request_.aws_sigv4 = "aws:amz:" + settings.region + ":s3";
    request_.aws_access_key = settings.access_key;
    request_.aws_secret_key = settings.secret_key;
  }

  http::OutboundRequest& request() { return request_; }

  // Sends it, signing the payload's hash: S3 checks it against the bytes.
  http::OutboundResponse send() {
    request_.headers.push_back("x-amz-content-sha256: " + sha256_hex(request_.body));
    try {
      return http::send(request_);
    } catch (const http::OutboundError& error) {
      throw StorageError("S3 " + what_ + " failed: " + error.what());
    }
  }

  [[noreturn]] void fail(const http::OutboundResponse& response) const {
    const std::string code = s3_error_code(response.body);
    throw StorageError("S3 " + what_ + " answered " + std::to_string(response.status) +
                       (code.empty() ? "" : " " + code));
  }

 private:
  std::string what_;  // for messages: the method and the object, never a credential
  http::OutboundRequest request_;
};
}  // namespace

// Content-addressed, so the bytes under a name never change: a PUT over an
// existing object writes the same bytes, and one request is cheaper than a
// HEAD and a PUT.
void S3Storage::put_once(std::string_view key, std::string_view file, std::string_view bytes) {
  S3Request put(settings_, "PUT", key, file);
  put.request().body = std::string(bytes);
  put.request().headers.push_back("Content-Type: image/webp");
  const auto response = put.send();
  if (response.status != 200) put.fail(response);
}

std::optional<std::string> S3Storage::read(std::string_view key, std::string_view file) const {
  S3Request get(settings_, "GET", key, file);
  auto response = get.send();
  if (response.status == 200) return std::move(response.body);
  // A missing bucket is a broken setting, not a missing image.
  if (response.status == 404 && s3_error_code(response.body) != "NoSuchBucket") return std::nullopt;
  get.fail(response);
}

bool S3Storage::exists(std::string_view key, std::string_view file) const {
  S3Request head(settings_, "HEAD", key, file);
  const auto response = head.send();
  if (response.status == 200) return true;
  if (response.status == 404) return false;
  head.fail(response);
}

// S3 answers 204 whether or not the object was there.
void S3Storage::remove(std::string_view key, std::string_view file) {
  S3Request del(settings_, "DELETE", key, file);
  const auto response = del.send();
  if (response.status == 204 || response.status == 200) return;
  if (response.status == 404 && s3_error_code(response.body) != "NoSuchBucket") return;
  del.fail(response);
}

}  // namespace ps::media
