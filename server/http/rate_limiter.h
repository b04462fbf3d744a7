#pragma once

#include "core/clock.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace ps::db {
class Database;
}

namespace ps::http {

// Allows `limit` events per `window` for each key, with bursts up to `limit`
// (the generic cell rate algorithm: one theoretical arrival time per key).
// On PostgreSQL the times live in the rate_limits table, so every instance on
// the database counts together; elsewhere (SQLite, one instance by design) in
// this process's memory. Times are the wall clock's epoch millis: instances
// on several machines agree on them within NTP's milliseconds, far below the
// windows' minutes.
class RateLimiter {
 public:
  // In memory.
  RateLimiter(int limit, std::chrono::seconds window);
  // In the database's rate_limits table under `name` when it is PostgreSQL,
  // in memory otherwise.
  RateLimiter(std::string name, int limit, std::chrono::seconds window, db::Database& database);

  // Records an event for `key`. Returns nothing when allowed, or the whole
  // seconds to wait before the next event would be allowed. Blocks on the
  // database when shared: call it from the WorkerPool.
  std::optional<long> hit(const std::string& key, Millis now);
  // Records an event now; throws ApiError 429 with Retry-After when over the
  // limit (and db::Failure when the database cannot count it).
  void enforce(const std::string& key);

  // Deletes the rows of the rate_limits table whose time has passed (they
  // count as absent); the server does it every minute. Nothing on SQLite.
  static void sweep_expired(db::Database& database, Millis now);

 private:
  std::optional<long> hit_in_memory(const std::string& key, Millis now);
  std::optional<long> hit_in_database(const std::string& key, Millis now);
  void sweep(Millis now);

  std::string name_;
  Millis interval_;  // window / limit
  Millis window_;
  db::Database* database_ = nullptr;  // when shared
  std::mutex mutex_;
  std::unordered_map<std::string, Millis> theoretical_arrival_;
};

}  // namespace ps::http
