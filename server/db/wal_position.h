#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

namespace ps::db {

// A position in PostgreSQL's write-ahead log (an LSN), as a byte offset.
using WalPosition = std::uint64_t;
// PostgreSQL's text form of an LSN, "16/B374D848"; nullopt for anything else.
std::optional<WalPosition> parse_wal_position(std::string_view text);
std::string wal_position_text(WalPosition position);

// The primary's WAL position over the last while, as sampled, so that a
// replica's replayed position says how far behind it is. The replica's own
// estimate (its WAL received but not yet replayed) cannot see WAL it never
// received: cut off from its primary, it reports no lag at all.
class PrimaryProgress {
 public:
  using Clock = std::chrono::steady_clock;

  // Lags up to `horizon` are told apart; anything longer reads as at least
  // `horizon`.
  explicit PrimaryProgress(std::chrono::milliseconds horizon = std::chrono::minutes(1))
      : horizon_(horizon) {}

  void record(Clock::time_point at, WalPosition position);
  // How long the primary has had WAL beyond `replayed`: since the first
  // sample that showed it; zero when no sample did.
  std::chrono::milliseconds lag_behind(WalPosition replayed, Clock::time_point now) const;

 private:
  struct Sample {
    Clock::time_point at;
    WalPosition position;
  };
  std::chrono::milliseconds horizon_;
  std::deque<Sample> samples_;  // oldest first, positions ascending
};

}  // namespace ps::db
