#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace ps {

// Timestamps are stored as milliseconds since the Unix epoch (UTC) in both
// databases and rendered as RFC 3339 in the API.
using Millis = std::int64_t;
inline constexpr Millis kDayMillis = 86'400'000;  // a UTC day; no leap seconds in Unix time

Millis now_millis();

// "YYYY-MM-DDTHH:MM:SSZ" held by value, for writers that copy it anyway.
struct Rfc3339 {
  char text[32];  // room for any year an int64 of milliseconds can reach
  std::size_t size = 0;
  std::string_view view() const { return {text, size}; }
};
Rfc3339 rfc3339(Millis millis);
std::string to_rfc3339(Millis millis);

}  // namespace ps
