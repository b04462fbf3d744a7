#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace ps {

// Timestamps are stored as milliseconds since the Unix epoch (UTC) in both
// databases and rendered as RFC 3339 in the API.
using Millis = std::int64_t;

Millis now_millis();
std::string to_rfc3339(Millis millis);

}  // namespace ps
