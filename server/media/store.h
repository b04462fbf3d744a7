#pragma once

#include "db/connection.h"
#include "media/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::media {

// SQL for the images table; no business rules here.
namespace store {
std::int64_t insert_image(db::Connection& sql, const Image& image);
std::optional<Image> find_image(db::Connection& sql, std::int64_t id);
// Any earlier upload of the same bytes (whoever uploaded them).
std::optional<Image> find_image_by_sha256(db::Connection& sql, const std::string& sha256);
// One query per 500 distinct ids; ordered by id.
std::vector<Image> find_images(db::Connection& sql, const std::vector<std::int64_t>& ids);
}  // namespace store

}  // namespace ps::media
