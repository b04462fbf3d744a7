#pragma once

#include "reviews/model.h"

#include <soci/session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::reviews {

// SQL for reviews; no business rules here.
namespace store {
std::int64_t insert(soci::session& sql, const Review& review);
std::optional<Review> find(soci::session& sql, std::int64_t id);
std::optional<Review> find_by_author(soci::session& sql, std::int64_t product_id,
                                     std::int64_t buyer_id);
void update(soci::session& sql, const Review& review);
// Sets the reply unless there is one; false when there already was.
bool set_reply(soci::session& sql, std::int64_t id, const std::string& reply, Millis now);
std::vector<Review> for_product(soci::session& sql, std::int64_t product_id,
                                const PageRequest& page);
long long count_for_product(soci::session& sql, std::int64_t product_id);
}  // namespace store

}  // namespace ps::reviews
