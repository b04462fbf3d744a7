#pragma once

#include "payments/model.h"

#include <soci/session.h>

#include <cstdint>
#include <optional>
#include <string>

namespace ps::payments {

namespace store {
std::int64_t insert(soci::session& sql, const Payment& payment);
std::optional<Payment> find(soci::session& sql, std::int64_t id);
std::optional<Payment> find_by_checkout(soci::session& sql, std::int64_t checkout_id);
}  // namespace store

}  // namespace ps::payments
