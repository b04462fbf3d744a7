#pragma once

#include "db/statement_cache.h"

#include <soci/connection-pool.h>
#include <soci/session.h>

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace ps::db {

enum class Dialect { sqlite, postgres };

// Where the data lives: an SQLite file or a PostgreSQL server, behind one SOCI
// connection pool. All calls block; call them from the WorkerPool.
class Database {
 public:
  // url: "sqlite:///path/to/file.db" or "postgresql://user:pass@host:port/db".
  Database(const std::string& url, std::size_t pool_size);

  Dialect dialect() const { return dialect_; }
  const std::string& display_url() const { return display_url_; }

  // Runs work(soci::session&) on a pooled connection.
  template <class Work>
  auto with_session(Work&& work) {
    soci::session sql(pool_);
    InUse counted(in_use_);
    return std::forward<Work>(work)(sql);
  }

  // Runs work(soci::session&) in a transaction: committed when work returns,
  // rolled back when it throws. SQLite has one writer at a time: its
  // transactions queue on a mutex here (and BEGIN IMMEDIATE guards against
  // other processes), because queueing in SQLite's busy handler means sleeps
  // of up to 100 ms and a p99 of 600 ms under checkout load (bench/README.md).
  template <class Work>
  auto transaction(Work&& work) {
    auto writer = lock_writer();
    soci::session sql(pool_);
    InUse counted(in_use_);
    begin(sql);
    try {
      if constexpr (std::is_void_v<std::invoke_result_t<Work&&, soci::session&>>) {
        std::forward<Work>(work)(sql);
        commit(sql);
      } else {
        auto result = std::forward<Work>(work)(sql);
        commit(sql);
        return result;
      }
    } catch (...) {
      rollback(sql);
      throw;
    }
  }

  // Runs a script of several statements, as found in a migration file.
  void execute_script(soci::session& sql, const std::string& script);

  // True when a trivial query succeeds.
  bool ping();

  // Planner statistics for every table that holds rows, after a bulk load.
  // Empty tables are left unanalyzed on PostgreSQL: statistics saying
  // "empty" made the foreign-key checks of the first orders plan sequential
  // scans, which each connection kept for its lifetime (bench/README.md).
  void analyze_filled_tables();

  std::size_t pool_size() const { return pool_size_; }
  std::size_t connections_in_use() const { return in_use_.load(); }

 private:
  void begin(soci::session& sql);
  static void commit(soci::session& sql);
  // Held for a whole transaction on SQLite; an empty lock on PostgreSQL.
  std::unique_lock<std::mutex> lock_writer() {
    return dialect_ == Dialect::sqlite ? std::unique_lock(sqlite_writer_)
                                       : std::unique_lock<std::mutex>();
  }
  static void rollback(soci::session& sql) noexcept;

  struct InUse {
    explicit InUse(std::atomic<std::size_t>& count) : count_(count) { ++count_; }
    ~InUse() { --count_; }
    std::atomic<std::size_t>& count_;
  };

  Dialect dialect_;
  std::size_t pool_size_;
  std::atomic<std::size_t> in_use_{0};
  std::string display_url_;  // without password, for logs
  std::mutex sqlite_writer_;
  soci::connection_pool pool_;
  // Declared after the pool: destroyed, finalizing their statements, first.
  std::vector<std::unique_ptr<StatementCache>> statement_caches_;
};

}  // namespace ps::db
