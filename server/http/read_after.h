#pragma once

#include "db/database.h"
#include "http/request.h"

#include <chrono>
#include <string_view>

namespace ps::http {

// Read-your-writes with a replica, and no state on any instance
// (docs/architecture.md, "Read replicas"): after a write the response names
// the primary's WAL position, in a header and in a short-lived cookie; a
// catalog read that sends it back is served by the replica only once the
// replica has replayed that far.
inline constexpr std::string_view kReadAfterHeader = "X-Read-After";
inline constexpr std::string_view kReadAfterCookie = "pocketshop_read_after";

// What this request's catalog reads must see: the position in its
// X-Read-After header, else in its cookie; malformed values are ignored.
db::CatalogRead catalog_read(const Request& request);

// Names the position in the response, in the header and in a cookie that
// lives max_age (the response's other cookies stay).
void remember_write(Response& response, db::WalPosition position, std::chrono::seconds max_age);

}  // namespace ps::http
