#include "http/rate_limiter.h"

#include "core/errors.h"
#include "db/database.h"
#include "db/query.h"

#include <algorithm>
#include <string_view>

namespace ps::http {

namespace {
constexpr std::size_t kSweepThreshold = 10000;

// Decides and records in one statement: the row's time moves on only when the
// event is allowed, under the row lock that ON CONFLICT takes, so concurrent
// attempts from any instance are counted one after the other. A new key is
// always allowed (interval <= window). No row back: refused.
constexpr std::string_view kRecordIfAllowed = R"(
  INSERT INTO rate_limits AS counted (name, subject, theoretical_arrival)
  VALUES (:name, :subject, :first_arrival)
  ON CONFLICT (name, subject) DO UPDATE
  SET theoretical_arrival = GREATEST(counted.theoretical_arrival + :interval,
                                     EXCLUDED.theoretical_arrival)
  WHERE GREATEST(counted.theoretical_arrival + :interval, EXCLUDED.theoretical_arrival)
        <= :latest_allowed
  RETURNING theoretical_arrival)";
constexpr std::string_view kSelectArrival = R"(
  SELECT theoretical_arrival FROM rate_limits WHERE name = :name AND subject = :subject)";
constexpr std::string_view kDeleteExpired = R"(
  DELETE FROM rate_limits WHERE theoretical_arrival <= :now)";

long long as_number(Millis millis) { return static_cast<long long>(millis); }

// Whole seconds until `allowed_from`, at least one.
long seconds_until(Millis allowed_from, Millis now) {
  return std::max<long>(1, static_cast<long>((allowed_from - now + 999) / 1000));
}
}  // namespace

RateLimiter::RateLimiter(int limit, std::chrono::seconds window)
    : interval_(std::chrono::milliseconds(window).count() / std::max(limit, 1)),
      window_(std::chrono::milliseconds(window).count()) {}

RateLimiter::RateLimiter(std::string name, int limit, std::chrono::seconds window,
                         db::Database& database)
    : RateLimiter(limit, window) {
  name_ = std::move(name);
  if (database.dialect() == db::Dialect::postgres) database_ = &database;
}

std::optional<long> RateLimiter::hit(const std::string& key, Millis now) {
  return database_ ? hit_in_database(key, now) : hit_in_memory(key, now);
}

void RateLimiter::enforce(const std::string& key) {
  if (auto retry_after = hit(key, now_millis())) throw ApiError::too_many_requests(*retry_after);
}

std::optional<long> RateLimiter::hit_in_memory(const std::string& key, Millis now) {
  std::lock_guard lock(mutex_);
  if (theoretical_arrival_.size() > kSweepThreshold) sweep(now);
  auto& tat = theoretical_arrival_[key];
  const Millis next = std::max(tat, now) + interval_;
  if (next - window_ > now) return seconds_until(next - window_, now);
  tat = next;
  return std::nullopt;
}

std::optional<long> RateLimiter::hit_in_database(const std::string& key, Millis now) {
  return database_->with_session([&](db::Connection& sql) -> std::optional<long> {
    if (db::Query(kRecordIfAllowed)
            .values(name_, key, as_number(now + interval_), as_number(interval_),
                    as_number(interval_), as_number(now + window_))
            .first<long long>(sql))
      return std::nullopt;
    // Refused: how long to wait, from the time that refused it (or a second,
    // when a sweep took the row in between).
    const auto tat = db::Query(kSelectArrival).values(name_, key).first<long long>(sql);
    return seconds_until(std::max<Millis>(tat.value_or(now), now) + interval_ - window_, now);
  });
}

void RateLimiter::sweep(Millis now) {
  std::erase_if(theoretical_arrival_, [now](const auto& entry) { return entry.second <= now; });
}

void RateLimiter::sweep_expired(db::Database& database, Millis now) {
  if (database.dialect() != db::Dialect::postgres) return;
  database.with_session(
      [&](db::Connection& sql) { db::Query(kDeleteExpired).values(as_number(now)).execute(sql); });
}

}  // namespace ps::http
