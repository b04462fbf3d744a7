#include "db/database.h"

#include "db/database_url.h"
#include "db/query.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <boost/url/parse.hpp>

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <utility>

namespace ps::db {

namespace {
constexpr int kSqliteBusyTimeoutMs = 10000;
// Reads of the database file go through a shared memory map, not a read()
// and a copy into each connection's page cache, which also holds more than
// SQLite's 2 MiB default. With a catalogue 100 times the bench's, a search
// cost the server 40 % less CPU (bench/README.md, "Costs that do not grow").
constexpr long long kSqliteMapBytes = 256LL << 20;
constexpr int kSqliteCacheKib = 8 << 10;
// A PostgreSQL connection idle longer than this is checked before reuse: a
// restart in the meantime would otherwise surface in the request.
constexpr auto kIdleCheckAfter = std::chrono::seconds(5);
// Between failed connection attempts; requests meanwhile answer 503 at once.
constexpr auto kFirstReconnectDelay = std::chrono::milliseconds(100);
constexpr auto kMaxReconnectDelay = std::chrono::seconds(2);
// How old the replica's last known state (reachable, lag, replayed WAL) may
// be before a catalog read asks again: one small query per interval.
constexpr auto kReplicaCheckEvery = std::chrono::milliseconds(100);
// Unless the URL says otherwise: how long libpq waits for a server that
// neither accepts nor refuses, and how soon it notices one that vanished
// without closing the connection (no request may hang on either).
constexpr std::pair<std::string_view, std::string_view> kConnectionDefaults[] = {
    {"connect_timeout", "5"},
    {"keepalives_idle", "10"},
    {"keepalives_interval", "5"},
    {"keepalives_count", "3"},
    {"tcp_user_timeout", "15000"}};

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::string sqlite_path(const std::string& url) {
  if (starts_with(url, "sqlite://")) return url.substr(9);
  if (starts_with(url, "sqlite:")) return url.substr(7);
  return url;
}

std::string without_password(const std::string& url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed || !parsed->has_password()) return url;
  boost::urls::url copy(*parsed);
  copy.set_password("***");
  return std::string(copy.buffer());
}

// libpq understands postgresql:// URIs, but SOCI reads its connection string
// as key=value pairs, so the URI is converted with libpq's own parser.
std::string postgres_conninfo(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (!options) {
    std::string message = error ? error : "invalid PostgreSQL URL";
    PQfreemem(error);
    throw std::invalid_argument(message);
  }
  std::string conninfo;
  std::set<std::string, std::less<>> given;
  for (auto* option = options; option->keyword; ++option) {
    if (!option->val) continue;
    given.insert(option->keyword);
    std::string value;
    for (const char* c = option->val; *c; ++c) {
      if (*c == '\\' || *c == '\'') value += '\\';
      value += *c;
    }
    conninfo += std::string(option->keyword) + "='" + value + "' ";
  }
  PQconninfoFree(options);
  for (const auto& [keyword, value] : kConnectionDefaults)
    if (!given.contains(keyword))
      conninfo += std::string(keyword) + "='" + std::string(value) + "' ";
  return conninfo;
}

void open_sqlite(soci::session& sql, const std::string& path, Database::SqliteSync sync) {
  configure_sqlite_process();
  sql.open(soci::sqlite3, "db=\"" + path + "\"");
  sql << "PRAGMA journal_mode=WAL";
  sql << (sync == Database::SqliteSync::normal ? "PRAGMA synchronous=NORMAL"
                                               : "PRAGMA synchronous=OFF");
  sql << "PRAGMA foreign_keys=ON";
  sql << "PRAGMA busy_timeout=" + std::to_string(kSqliteBusyTimeoutMs);
  sql << "PRAGMA mmap_size=" + std::to_string(kSqliteMapBytes);
  sql << "PRAGMA cache_size=-" + std::to_string(kSqliteCacheKib);
}

PGconn* postgres_connection(soci::session& sql) {
  return static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_;
}

// libpq's messages span lines; a log line should not.
std::string one_line(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\n' || c == '\t'; }, ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// PostgreSQL's notices ("text-search query contains only stop words", a
// migration's "already exists, skipping") go to the log, not to stderr as
// libpq's default processor writes them.
void log_notice(void*, const char* message) {
  spdlog::debug("postgres notice: {}", one_line(message));
}

const char* kind_name(Failure::Kind kind) {
  switch (kind) {
    case Failure::Kind::unavailable:
      return "unavailable";
    case Failure::Kind::disk_full:
      return "disk full";
    case Failure::Kind::read_only:
      return "read-only";
    case Failure::Kind::unique_violation:
      return "unique violation";
    case Failure::Kind::transaction_conflict:
      return "transaction conflict";
  }
  return "?";
}
}  // namespace

// SQLite keeps allocation statistics behind one process-wide mutex by
// default; under concurrent reads that mutex was the top of the profile
// (bench/README.md). And it locks a connection's mutex on every API call
// (each step, each column read): a pooled session is only ever used by one
// thread at a time, so connections open in multi-thread mode, without it.
// Must run before the first connection opens; later calls are refused by
// SQLite, harmlessly.
void configure_sqlite_process() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
  });
}

Database::Database(const std::string& url, std::size_t pool_size, Gate gate, SqliteSync sqlite_sync)
    : dialect_(dialect_of(url)),
      display_url_(without_password(url)),
      open_(gate == Gate::open),
      slots_(std::max<std::size_t>(pool_size, 1) + (dialect_ == Dialect::sqlite ? 1 : 0)) {
  if (dialect_ == Dialect::sqlite) {
    sqlite_path_ = sqlite_path(url);
    sqlite_sync_ = sqlite_sync;
  } else {
    conninfo_ = postgres_conninfo(url);
  }
  // Taken from the back: connection 0 first, so a light load keeps reusing
  // the same few connections (and their prepared statements).
  for (std::size_t i = this->pool_size(); i-- > 0;) idle_.push_back(i);
}

Database::~Database() {
  for (auto& slot : slots_) close(slot);
}

// While no connection can be made, says why (a read-only SQLite folder, say).
void Database::throw_not_ready() {
  std::lock_guard lock(reconnect_.mutex);
  if (reconnect_.down)
    throw Failure(reconnect_.kind, "The database is unreachable: " + reconnect_.reason);
  throw Failure(Failure::Kind::unavailable, "The database is not ready yet (migrating).");
}

// --- The pool ---------------------------------------------------------------

Database::Lease::Lease(Database& database, Use use)
    : database_(database), index_(database.take(use)) {
  try {
    database_.make_usable(slot());
  } catch (...) {
    database_.give_back(index_, /*broken=*/true);
    throw;
  }
}

Database::Lease::~Lease() { database_.give_back(index_, broken_); }

bool Database::Lease::lost() {
  auto& connection = slot().connection;
  if (!broken_ && (!connection || database_.broken(connection->session()) ||
                   database_.disconnected_by_server()))
    broken_ = true;
  return broken_;
}

void Database::Lease::reopen() {
  broken_ = true;  // until a fresh connection is open
  close(slot());
  database_.connect(slot());
  broken_ = false;
}

std::size_t Database::take(Use use) {
  // transaction() holds the writer's lock: nobody else has its connection,
  // which is not the pool's and not counted in use.
  if (use == Use::write && dialect_ == Dialect::sqlite) return slots_.size() - 1;
  std::unique_lock lock(pool_mutex_);
  pool_changed_.wait(lock, [this] { return !idle_.empty(); });
  const std::size_t index = idle_.back();
  idle_.pop_back();
  ++in_use_;
  return index;
}

void Database::give_back(std::size_t index, bool broken) {
  Slot& slot = slots_[index];
  if (broken)
    close(slot);
  else
    slot.last_used = Clock::now();
  if (index >= pool_size()) return;  // SQLite's writer: never idle in the pool
  {
    std::lock_guard lock(pool_mutex_);
    idle_.push_back(index);
    --in_use_;
  }
  pool_changed_.notify_one();
}

void Database::make_usable(Slot& slot) {
  if (slot.connection && dialect_ == Dialect::postgres &&
      Clock::now() - slot.last_used > kIdleCheckAfter && !alive(slot.connection->session())) {
    spdlog::info("database connection broke while idle; opening a fresh one");
    close(slot);
  }
  if (!slot.connection) connect(slot);
}

// Opens a connection, whose statements are then prepared afresh.
void Database::connect(Slot& slot) {
  await_reconnect_turn();
  auto session = std::make_unique<soci::session>();
  try {
    if (dialect_ == Dialect::sqlite)
      open_sqlite(*session, sqlite_path_, sqlite_sync_);
    else {
      session->open(soci::postgresql, conninfo_);
      PQsetNoticeProcessor(postgres_connection(*session), log_notice, nullptr);
    }
  } catch (const std::exception& error) {
    const auto failure = classify(nullptr, error);
    const bool storage = failure && failure->kind() != Failure::Kind::unique_violation;
    const auto kind = storage ? failure->kind() : Failure::Kind::unavailable;
    connection_failed(error.what(), kind);
    throw Failure(kind, error.what());
  }
  slot.connection = std::make_unique<Connection>(std::move(session), dialect_);
  slot.last_used = Clock::now();
  connection_succeeded();
}

void Database::close(Slot& slot) noexcept {
  try {
    slot.connection.reset();  // finalizes its statements, then closes the session
  } catch (...) {
    // Closing a broken connection may complain; it is gone either way.
  }
}

bool Database::alive(soci::session& sql) const {
  PGconn* conn = postgres_connection(sql);
  if (PQstatus(conn) != CONNECTION_OK) return false;
  PGresult* result = PQexec(conn, "");
  const bool answered = PQresultStatus(result) == PGRES_EMPTY_QUERY;
  PQclear(result);
  return answered && PQstatus(conn) == CONNECTION_OK;
}

// PostgreSQL says so before libpq has seen the socket close: 57P01 when it
// shuts down or restarts, 57P02 after a crash, 08xxx for the connection.
bool Database::disconnected_by_server() const {
  if (dialect_ != Dialect::postgres) return false;
  try {
    throw;
  } catch (const soci::postgresql_soci_error& error) {
    const std::string sqlstate = error.sqlstate();
    return starts_with(sqlstate, "08") || starts_with(sqlstate, "57P0");
  } catch (...) {
    return false;
  }
}

bool Database::broken(soci::session& sql) const {
  return dialect_ == Dialect::postgres && PQstatus(postgres_connection(sql)) != CONNECTION_OK;
}

void Database::await_reconnect_turn() {
  std::lock_guard lock(reconnect_.mutex);
  if (reconnect_.down && Clock::now() < reconnect_.next_attempt)
    throw Failure(reconnect_.kind, "The database is unreachable: " + reconnect_.reason);
}

void Database::connection_failed(const std::string& reason, Failure::Kind kind) {
  std::lock_guard lock(reconnect_.mutex);
  reconnect_.delay = reconnect_.down
                         ? std::min<Clock::duration>(reconnect_.delay * 2, kMaxReconnectDelay)
                         : std::chrono::duration_cast<Clock::duration>(kFirstReconnectDelay);
  reconnect_.next_attempt = Clock::now() + reconnect_.delay;
  reconnect_.reason = one_line(reason);
  reconnect_.kind = kind;
  if (reconnect_.down) return;
  reconnect_.down = true;
  if (serves_replica_reads_)
    spdlog::warn(
        "cannot connect to the replica {}: {}; catalog reads go to the primary meanwhile, "
        "retrying with backoff (at most every {} ms)",
        display_url_, reconnect_.reason, std::chrono::milliseconds(kMaxReconnectDelay).count());
  else
    spdlog::error(
        "cannot connect to the database {}: {}; answering 503 and retrying with backoff (at most "
        "every {} ms)",
        display_url_, reconnect_.reason, std::chrono::milliseconds(kMaxReconnectDelay).count());
}

void Database::connection_succeeded() {
  std::lock_guard lock(reconnect_.mutex);
  if (!reconnect_.down) return;
  reconnect_.down = false;
  spdlog::info("connected to the {} {} again", serves_replica_reads_ ? "replica" : "database",
               display_url_);
}

// --- The replica ------------------------------------------------------------

void Database::add_replica(const ReplicaOptions& options) {
  if (dialect_ != Dialect::postgres || !starts_with(options.url, "postgres"))
    throw std::invalid_argument("a read replica needs PostgreSQL, for the primary and the replica");
  replica_ = std::make_unique<Database>(options.url, options.pool_size);
  replica_->serves_replica_reads_ = true;
  replica_options_ = options;
  replica_state_.primary_progress = PrimaryProgress(options.max_lag);
}

namespace {
// A WAL position of the database's server, by the PostgreSQL function that
// tells it (pg_current_wal_insert_lsn and its kin).
WalPosition wal_position(Database& database, std::string_view function) {
  const Query position_now("SELECT " + std::string(function) + "()::text");
  const auto text = database.with_session(
      [&](Connection& connection) { return position_now.single<std::string>(connection); });
  const auto position = parse_wal_position(text);
  if (!position) throw std::runtime_error("PostgreSQL gave an unexpected WAL position: " + text);
  return *position;
}
}  // namespace

WalPosition Database::write_position() {
  // The insert position, not pg_current_wal_lsn(): it already includes a
  // commit record that is not yet written out (synchronous_commit=off).
  return wal_position(*this, "pg_current_wal_insert_lsn");
}

bool Database::replica_serves(const CatalogRead& read) {
  auto& state = replica_state_;
  std::unique_lock lock(state.mutex);
  if (!state.checking && Clock::now() - state.checked_at >= kReplicaCheckEvery) {
    // One read checks; the others meanwhile go by the last answer.
    state.checking = true;
    lock.unlock();
    check_replica();
    lock.lock();
  }
  return state.usable && (!read.after || state.replayed >= *read.after);
}

void Database::sample_primary_progress() {
  try {
    // Flushed, not inserted: a replica receives only what is flushed.
    const auto position = wal_position(*this, "pg_current_wal_flush_lsn");
    replica_state_.primary_progress.record(Clock::now(), position);
  } catch (const std::exception&) {
    // Down or restarting: its own failure is logged where reads meet it.
  }
}

void Database::check_replica() {
  // Lag, as the replica sees it: how long ago the last replayed transaction
  // committed, while WAL received is still waiting to be replayed; none when
  // all is replayed (an idle primary sends nothing, and its last commit may
  // be old). As the primary sees it: how long it has had WAL the replica has
  // not replayed, which also covers a replica cut off from it. The longer.
  const Query state(
      "SELECT CASE WHEN pg_is_in_recovery() THEN 1 ELSE 0 END, "
      "COALESCE(pg_last_wal_replay_lsn()::text, ''), "
      "CASE WHEN pg_last_wal_receive_lsn() IS NULL "
      "  OR pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() THEN 0 "
      "ELSE COALESCE(CAST(1000 * EXTRACT(EPOCH FROM clock_timestamp() - "
      "pg_last_xact_replay_timestamp()) AS BIGINT), 0) END");
  struct Row {
    int in_recovery = 0;
    std::string replayed;
    long long lag_ms = 0;
    void define(soci::statement& st) {
      st.exchange(soci::into(in_recovery));
      st.exchange(soci::into(replayed));
      st.exchange(soci::into(lag_ms));
    }
  };
  bool usable = false;
  WalPosition replayed = 0;
  std::string problem;
  sample_primary_progress();
  try {
    replica_->with_session([&](Connection& connection) {
      state.each<Row>(connection, [&](const Row& row) {
        const auto position = parse_wal_position(row.replayed);
        const auto lag =
            !position
                ? std::chrono::milliseconds(0)
                : std::max(std::chrono::milliseconds(row.lag_ms),
                           replica_state_.primary_progress.lag_behind(*position, Clock::now()));
        if (row.in_recovery != 1 || !position)
          problem = "it is not a standby (promoted?)";
        else if (lag > replica_options_.max_lag)
          problem = "it is " + std::to_string(lag.count()) + " ms behind the primary";
        usable = problem.empty();
        replayed = position.value_or(0);
      });
    });
  } catch (const std::exception& error) {
    problem = one_line(error.what());  // unreachable: its own log line says so
  }
  std::lock_guard lock(replica_state_.mutex);
  if (replica_state_.usable && !usable && !problem.empty())
    spdlog::warn("catalog reads go to the primary: the replica {} cannot serve them: {}",
                 replica_->display_url(), problem);
  else if (!replica_state_.usable && usable && replica_state_.checked_at != Clock::time_point{})
    spdlog::info("catalog reads go to the replica {} again", replica_->display_url());
  replica_state_.usable = usable;
  replica_state_.replayed = replayed;
  replica_state_.checked_at = Clock::now();
  replica_state_.checking = false;
}

void Database::replica_failed() {
  try {
    throw;
  } catch (const Failure& failure) {
    // A standby cancels a query that conflicts with its recovery (40001).
    if (failure.kind() != Failure::Kind::unavailable &&
        failure.kind() != Failure::Kind::transaction_conflict)
      throw;
  } catch (const soci::postgresql_soci_error&) {
    // E.g. 40001, a query cancelled for a conflict with recovery: the
    // primary answers instead.
  }
  std::lock_guard lock(replica_state_.mutex);
  replica_state_.usable = false;
  replica_state_.checked_at = Clock::now();  // asked again after the next interval
}

// --- Transactions and failures ----------------------------------------------

// Cached like every other statement: three transactions a checkout made
// SQLite parse six of these. A connection that broke while idle is replaced
// once: nothing of the transaction has been sent yet.
void Database::begin(Lease& lease) {
  const Query statement(dialect_ == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
  try {
    statement.execute(lease.connection());
    return;
  } catch (...) {
    if (!lease.lost()) fail(lease);
  }
  lease.reopen();
  try {
    statement.execute(lease.connection());
  } catch (...) {
    fail(lease);
  }
}

void Database::commit(Lease& lease) {
  try {
    Query("COMMIT").execute(lease.connection());
  } catch (const std::exception& error) {
    if (!lease.lost()) throw;
    throw CommitOutcomeUnknown(std::string("The database connection was lost during COMMIT: ") +
                               error.what());
  }
}

void Database::rollback(Connection& connection) noexcept {
  try {
    connection.session() << "ROLLBACK";
  } catch (...) {
    // The transaction is already gone (e.g. the connection dropped).
  }
}

void Database::fail(Lease& lease) {
  const bool lost = lease.lost();
  try {
    throw;
  } catch (const Failure&) {
    throw;
  } catch (const std::exception& error) {
    if (lost) {
      spdlog::warn("database connection lost during a request; it will be replaced");
      throw Failure(Failure::Kind::unavailable,
                    std::string("The database connection was lost: ") + error.what());
    }
    auto failure = classify(&lease.connection().session(), error);
    if (!failure) throw;
    if (dialect_ == Dialect::sqlite && failure->kind() != Failure::Kind::unique_violation)
      spdlog::error("SQLite cannot write {} ({}): {}", sqlite_path_, kind_name(failure->kind()),
                    one_line(error.what()));
    // A connection SQLite opened read-only stays so: the next one may not be.
    if (failure->kind() != Failure::Kind::unique_violation &&
        failure->kind() != Failure::Kind::transaction_conflict)
      lease.discard();
    throw *failure;
  }
}

std::optional<Failure> Database::classify_postgres(const std::string& sqlstate,
                                                   const std::string& message) {
  using Kind = Failure::Kind;
  if (sqlstate == "23505")
    return Failure(Kind::unique_violation, message, violated_constraint(message));
  if (starts_with(sqlstate, "08") || sqlstate == "57P01" || sqlstate == "57P02" ||
      sqlstate == "57P03" || sqlstate == "53300")
    return Failure(Kind::unavailable, message);
  if (sqlstate == "53100") return Failure(Kind::disk_full, message);
  if (sqlstate == "40P01" || sqlstate == "40001")  // deadlock, serialization failure
    return Failure(Kind::transaction_conflict, message);
  if (sqlstate == "25006") return Failure(Kind::read_only, message);  // a standby
  return std::nullopt;
}

std::optional<Failure> Database::classify(soci::session* sql, const std::exception& error) const {
  using Kind = Failure::Kind;
  const std::string message = error.what();
  if (dialect_ == Dialect::postgres) {
    const auto* postgres = dynamic_cast<const soci::postgresql_soci_error*>(&error);
    auto failure = postgres ? classify_postgres(postgres->sqlstate(), message) : std::nullopt;
    if (!failure && sql && broken(*sql)) failure = Failure(Kind::unavailable, message);
    return failure;
  }
  const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&error);
  const int code = sqlite ? sqlite->result() & 0xff : -1;
  if (contains(message, "UNIQUE constraint failed"))
    return Failure(Kind::unique_violation, message, violated_constraint(message));
  std::optional<Kind> kind;
  if (code == SQLITE_FULL || contains(message, "database or disk is full"))
    kind = Kind::disk_full;
  else if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM ||
           contains(message, "readonly database") || contains(message, "unable to open"))
    kind = Kind::read_only;
  else if (code == SQLITE_IOERR || contains(message, "disk I/O error"))
    kind = Kind::unavailable;
  if (!kind) return std::nullopt;
  return Failure(*kind, message);
}

// --- Maintenance ------------------------------------------------------------

void Database::execute_script(Connection& connection, const std::string& script) {
  soci::session& sql = connection.session();
  if (dialect_ == Dialect::sqlite) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
    char* error = nullptr;
    if (sqlite_api::sqlite3_exec(backend->conn_, script.c_str(), nullptr, nullptr, &error) !=
        SQLITE_OK) {
      std::string message = error ? error : "unknown error";
      sqlite_api::sqlite3_free(error);
      throw std::runtime_error("sqlite: " + message);
    }
    return;
  }
  PGresult* result = PQexec(postgres_connection(sql), script.c_str());
  const auto status = PQresultStatus(result);
  std::string message = PQresultErrorMessage(result);
  PQclear(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw std::runtime_error("postgresql: " + message);
}

void Database::analyze_filled_tables() {
  with_session([&](Connection& connection) {
    soci::session& sql = connection.session();  // statements run once, not worth preparing
    if (dialect_ == Dialect::sqlite) {
      sql << "ANALYZE";  // SQLite plans each statement when it is prepared
      return;
    }
    std::vector<std::string> tables(256);
    sql << "SELECT quote_ident(c.relname) FROM pg_class c "
           "JOIN pg_namespace n ON n.oid = c.relnamespace "
           "WHERE n.nspname = current_schema() AND c.relkind = 'r'",
        soci::into(tables);
    for (const auto& table : tables) {
      int filled = 0;
      sql << "SELECT CASE WHEN EXISTS (SELECT 1 FROM " + table + ") THEN 1 ELSE 0 END",
          soci::into(filled);
      if (filled) sql << "ANALYZE " + table;
    }
  });
}

bool Database::ping() {
  try {
    int one = 0;
    with_session([&](Connection& connection) { one = Query("SELECT 1").single<int>(connection); });
    return one == 1;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace ps::db
