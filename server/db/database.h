#pragma once

#include "db/connection.h"
#include "db/failure.h"
#include "db/wal_position.h"

#include <soci/session.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace ps::db {

// What a catalog read must see: the reader's own last write (the primary's
// WAL position after it), when the reader sent one back. Empty: any replica
// within the allowed lag will do.
struct CatalogRead {
  std::optional<WalPosition> after;
};

// A PostgreSQL streaming replica that serves catalog reads beside the primary.
struct ReplicaOptions {
  std::string url;
  std::size_t pool_size = 1;
  // A replica further behind than this is left alone until it catches up.
  std::chrono::milliseconds max_lag{5000};
};

// SQLite's process-wide settings (see database.cpp), which SQLite takes only
// before the first connection of the process opens: whoever opens an SQLite
// file calls this first.
void configure_sqlite_process();

// Where the data lives: an SQLite file or a PostgreSQL server, behind a pool
// of connections opened on first use. A connection found broken (PostgreSQL
// restarted, failed over, crashed) is closed and opened again, with its
// prepared statements; while the database cannot be reached, calls throw
// Failure(unavailable) at once, retrying the connection with backoff. Driver
// errors the client should hear about by kind become Failures (failure.h).
// All calls block; call them from the WorkerPool.
class Database {
 public:
  // Whether requests may use the database before migrations have run.
  enum class Gate { open, closed_until_migrated };
  // SQLite only: when a commit reaches the disk. `normal` (WAL with
  // synchronous=NORMAL): a commit survives the process being killed, and an
  // OS crash or power loss may lose the last commits but never corrupts.
  // `process_crash_only` (synchronous=OFF) also never fsyncs the WAL on
  // checkpoints: the same guarantee against kill -9, less against power
  // loss. Only for data that may be lost with the machine (the test gateway).
  enum class SqliteSync { normal, process_crash_only };

  // url: "sqlite:///path/to/file.db" or "postgresql://user:pass@host:port/db".
  // Connects to nothing yet; throws only for a malformed URL.
  Database(const std::string& url, std::size_t pool_size, Gate gate = Gate::open,
           SqliteSync sqlite_sync = SqliteSync::normal);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const { return dialect_; }
  const std::string& display_url() const { return display_url_; }

  // Runs work(db::Connection&) on a pooled connection. A read that fails
  // because its connection was found broken runs once more on a fresh one.
  template <class Work>
  auto with_session(Work&& work) {
    require_open();
    return with_maintenance_session(work);
  }

  // Catalog reads (what anyone may see: products, searches, shops): run
  // work(db::Connection&) like with_session, on the replica when there is
  // one that is reachable, less than max_lag behind and has replayed
  // read.after; on the primary otherwise, and also when the replica fails
  // during the read. A replica is a hot standby: work must not write.
  template <class Work>
  auto with_catalog_read(const CatalogRead& read, Work&& work) {
    require_open();
    if (replica_ && replica_serves(read)) {
      try {
        return replica_->with_maintenance_session(work);
      } catch (...) {
        replica_failed();  // rethrows what is not the replica's own failure
      }
    }
    return with_maintenance_session(work);
  }

  // A second pool, on a streaming replica of this (PostgreSQL) database, for
  // with_catalog_read. Call before serving.
  void add_replica(const ReplicaOptions& options);
  // The primary's WAL position now: a read that must see the writes done so
  // far asks for a replica that has replayed this far.
  WalPosition write_position();

  // with_session, also while the gate is closed: for migrations.
  template <class Work>
  auto with_maintenance_session(Work&& work) {
    Lease lease(*this);
    try {
      return work(lease.connection());
    } catch (...) {
      if (!lease.lost()) fail(lease);
    }
    // Broken before or during this read: once more, on a fresh connection
    // (the other idle ones may well be broken too).
    lease.reopen();
    try {
      return work(lease.connection());
    } catch (...) {
      fail(lease);
    }
  }

  // Runs work(db::Connection&) in a transaction: committed when work returns,
  // rolled back when it throws. Never retried once begun: a transaction cut
  // off by a lost connection is rolled back (by the server) and reported as
  // Failure(unavailable). SQLite has one writer at a time: its transactions
  // queue on a mutex here (and BEGIN IMMEDIATE guards against other
  // processes), because queueing in SQLite's busy handler means sleeps of up
  // to 100 ms and a p99 of 600 ms under checkout load (bench/README.md).
  // They all run on one connection of their own, whose pages stay cached
  // from one to the next: a connection that sees another's commit drops its
  // cache and its map of the file.
  template <class Work>
  auto transaction(Work&& work) {
    require_open();
    auto writer = lock_writer();
    Lease lease(*this, Use::write);
    begin(lease);
    try {
      if constexpr (std::is_void_v<std::invoke_result_t<Work&&, Connection&>>) {
        std::forward<Work>(work)(lease.connection());
        commit(lease);
      } else {
        auto result = std::forward<Work>(work)(lease.connection());
        commit(lease);
        return result;
      }
    } catch (...) {
      rollback(lease.connection());
      fail(lease);
    }
  }

  // Lets requests in: the schema is current (migrate() calls it).
  void open_to_requests() { open_.store(true, std::memory_order_release); }
  bool open_to_requests_yet() const { return open_.load(std::memory_order_acquire); }

  // Runs a script of several statements, as found in a migration file.
  void execute_script(Connection& connection, const std::string& script);

  // True when a trivial query succeeds (and requests are let in).
  bool ping();

  // Planner statistics for every table that holds rows, after a bulk load.
  // Empty tables are left unanalyzed on PostgreSQL: statistics saying
  // "empty" made the foreign-key checks of the first orders plan sequential
  // scans, which each connection kept for its lifetime (bench/README.md).
  void analyze_filled_tables();

  // The connections that with_session lends (SQLite's writer is one more).
  std::size_t pool_size() const { return slots_.size() - (dialect_ == Dialect::sqlite ? 1 : 0); }
  std::size_t connections_in_use() const { return in_use_.load(); }

 private:
  using Clock = std::chrono::steady_clock;

  // A place in the pool.
  struct Slot {
    std::unique_ptr<Connection> connection;  // null until opened, or once broken
    Clock::time_point last_used{};
  };

  // What a lease is for: on SQLite a write takes the writer's connection.
  enum class Use { read, write };

  // A connection taken from the pool for one unit of work, opened (and, after
  // a while idle, checked) first; given back when the lease ends, closed
  // first when it was found broken.
  class Lease {
   public:
    explicit Lease(Database& database, Use use = Use::read);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    Connection& connection() { return *slot().connection; }
    // In a catch handler: whether the connection broke; if so it is closed
    // when the lease ends.
    bool lost();
    // Closes the connection now and opens a fresh one.
    void reopen();
    void discard() { broken_ = true; }

   private:
    Slot& slot() { return database_.slots_[index_]; }

    Database& database_;
    std::size_t index_;
    bool broken_ = false;
  };

  // Backoff between connection attempts while the database is unreachable.
  struct Reconnect {
    std::mutex mutex;
    Clock::time_point next_attempt{};
    Clock::duration delay{};
    bool down = false;
    std::string reason;
    Failure::Kind kind = Failure::Kind::unavailable;
  };

  void require_open() {
    if (!open_.load(std::memory_order_acquire)) throw_not_ready();
  }
  [[noreturn]] void throw_not_ready();
  std::size_t take(Use use);
  void give_back(std::size_t index, bool broken);
  void make_usable(Slot& slot);
  void connect(Slot& slot);
  static void close(Slot& slot) noexcept;
  bool alive(soci::session& sql) const;
  bool broken(soci::session& sql) const;
  // In a catch handler: whether the current exception says the server ended
  // the connection.
  bool disconnected_by_server() const;
  void await_reconnect_turn();
  void connection_failed(const std::string& reason, Failure::Kind kind);
  void connection_succeeded();

  void begin(Lease& lease);
  // Throws CommitOutcomeUnknown when the connection is lost on the way.
  void commit(Lease& lease);
  static void rollback(Connection& connection) noexcept;
  // In a catch handler: throws the Failure the current exception stands
  // for, or the exception itself.
  [[noreturn]] void fail(Lease& lease);
  // The Failure a driver error stands for, or nullopt for any other error.
  std::optional<Failure> classify(soci::session* sql, const std::exception& error) const;
  static std::optional<Failure> classify_postgres(const std::string& sqlstate,
                                                  const std::string& message);

  // What the replica said last time it was asked (every kReplicaCheckEvery
  // at most, by the read that finds the answer old).
  struct ReplicaState {
    std::mutex mutex;
    Clock::time_point checked_at{};
    bool checking = false;
    bool usable = false;  // reachable, in recovery and within max_lag
    WalPosition replayed = 0;
    PrimaryProgress primary_progress;  // only the read that checks touches it
  };
  bool replica_serves(const CatalogRead& read);
  void check_replica();
  // Samples the primary's flushed WAL position for primary_progress; not when
  // the primary is unreachable (the replica then goes by what it has seen).
  void sample_primary_progress();
  // In a catch handler: returns when the exception is the replica's failure
  // (unreachable, lost, a conflict with recovery), which then counts as
  // unusable until checked again; rethrows anything else.
  void replica_failed();

  // Held for a whole transaction on SQLite; an empty lock on PostgreSQL.
  std::unique_lock<std::mutex> lock_writer() {
    return dialect_ == Dialect::sqlite ? std::unique_lock(sqlite_writer_)
                                       : std::unique_lock<std::mutex>();
  }

  Dialect dialect_;
  std::string display_url_;  // without password, for logs
  std::string sqlite_path_;  // SQLite: the file, named in storage failures
  SqliteSync sqlite_sync_ = SqliteSync::normal;
  std::string conninfo_;               // PostgreSQL: what libpq is given
  bool serves_replica_reads_ = false;  // a replica's pool: says so in its logs
  std::atomic<bool> open_;
  std::atomic<std::size_t> in_use_{0};
  std::mutex sqlite_writer_;

  std::vector<Slot> slots_;  // on SQLite, the last is the writer's
  std::mutex pool_mutex_;
  std::condition_variable pool_changed_;
  std::vector<std::size_t> idle_;  // indices into slots_, most recent last
  Reconnect reconnect_;

  std::unique_ptr<Database> replica_;
  ReplicaOptions replica_options_;
  ReplicaState replica_state_;
};

}  // namespace ps::db
