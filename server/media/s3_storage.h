#pragma once

#include "media/storage.h"

#include <chrono>
#include <string>

namespace ps::media {

struct S3Settings {
  std::string endpoint;  // http(s)://host:port, no trailing slash
  std::string bucket;
  std::string region;
  std::string access_key;
  std::string secret_key;
  std::chrono::milliseconds timeout{10'000};
};

// Objects in a bucket behind the S3 API (AWS S3, MinIO, Ceph RGW), at
// path-style URLs <endpoint>/<bucket>/<key>/<file>. libcurl signs each
// request with AWS Signature V4 (CURLOPT_AWS_SIGV4); nothing here signs by
// hand. A 404 for an object is "absent"; any other failure, a missing bucket
// included, throws StorageError naming the S3 error code.
class S3Storage : public MediaStorage {
 public:
  explicit S3Storage(S3Settings settings) : settings_(std::move(settings)) {}

  void put_once(std::string_view key, std::string_view file, std::string_view bytes) override;
  std::optional<std::string> read(std::string_view key, std::string_view file) const override;
  bool exists(std::string_view key, std::string_view file) const override;
  void remove(std::string_view key, std::string_view file) override;

 private:
  S3Settings settings_;
};

}  // namespace ps::media
