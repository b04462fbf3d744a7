#include "db/wal_position.h"

#include <cinttypes>
#include <cstdio>

namespace ps::db {

std::optional<WalPosition> parse_wal_position(std::string_view text) {
  // Two hexadecimal numbers of at most 8 digits each, "high/low".
  const auto slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash > 8 || text.size() - slash - 1 == 0 ||
      text.size() - slash - 1 > 8)
    return std::nullopt;
  auto hex = [](std::string_view digits) -> std::optional<std::uint64_t> {
    std::uint64_t value = 0;
    for (char c : digits) {
      int digit = c >= '0' && c <= '9'   ? c - '0'
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                         : -1;
      if (digit < 0) return std::nullopt;
      value = value * 16 + static_cast<std::uint64_t>(digit);
    }
    return value;
  };
  const auto high = hex(text.substr(0, slash));
  const auto low = hex(text.substr(slash + 1));
  if (!high || !low) return std::nullopt;
  return (*high << 32) | *low;
}

std::string wal_position_text(WalPosition position) {
  char text[20];
  std::snprintf(text, sizeof text, "%" PRIX64 "/%" PRIX64, position >> 32, position & 0xffffffffu);
  return text;
}

void PrimaryProgress::record(Clock::time_point at, WalPosition position) {
  // A position that went back belongs to another primary (a failover, a
  // restore): what was sampled before says nothing about it.
  if (!samples_.empty() && position < samples_.back().position) samples_.clear();
  samples_.push_back({at, position});
  // Older samples than the newest one past the horizon decide nothing it
  // does not: their positions are no higher, their lags already too long.
  while (samples_.size() > 1 && samples_[1].at <= at - horizon_) samples_.pop_front();
}

std::chrono::milliseconds PrimaryProgress::lag_behind(WalPosition replayed,
                                                      Clock::time_point now) const {
  for (const auto& sample : samples_)
    if (sample.position > replayed)
      return std::chrono::duration_cast<std::chrono::milliseconds>(now - sample.at);
  return std::chrono::milliseconds(0);
}

}  // namespace ps::db
