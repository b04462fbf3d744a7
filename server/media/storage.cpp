#include "media/storage.h"

#include "media/local_storage.h"
#include "media/s3_storage.h"

#include <filesystem>

namespace ps::media {

std::unique_ptr<MediaStorage> make_storage(const Config& config) {
  if (config.media_storage == "s3")
    return std::make_unique<S3Storage>(S3Settings{
        .endpoint = config.s3_endpoint,
        .bucket = config.s3_bucket,
        .region = config.s3_region,
        .access_key = config.s3_access_key,
        .secret_key = config.s3_secret_key,
        .timeout = std::chrono::milliseconds(config.s3_timeout_ms),
    });
  return std::make_unique<LocalDirectoryStorage>(std::filesystem::path(config.data_dir) / "media");
}

}  // namespace ps::media
