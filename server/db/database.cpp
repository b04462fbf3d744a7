#include "db/database.h"

#include "db/query.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <boost/url/parse.hpp>

#include <mutex>
#include <stdexcept>

namespace ps::db {

namespace {
constexpr int kSqliteBusyTimeoutMs = 10000;

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
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
  for (auto* option = options; option->keyword; ++option) {
    if (!option->val) continue;
    std::string value;
    for (const char* c = option->val; *c; ++c) {
      if (*c == '\\' || *c == '\'') value += '\\';
      value += *c;
    }
    conninfo += std::string(option->keyword) + "='" + value + "' ";
  }
  PQconninfoFree(options);
  return conninfo;
}

// SQLite keeps allocation statistics behind one process-wide mutex by
// default; under concurrent reads that mutex was the top of the profile
// (bench/README.md). And it locks a connection's mutex on every API call
// (each step, each column read): a pooled session is only ever used by one
// thread at a time, so connections open in multi-thread mode, without it.
// Must run before the first connection opens; later calls are refused by
// SQLite, harmlessly.
void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
  });
}

void open_sqlite(soci::session& sql, const std::string& path) {
  configure_sqlite_once();
  sql.open(soci::sqlite3, "db=\"" + path + "\"");
  sql << "PRAGMA journal_mode=WAL";
  sql << "PRAGMA synchronous=NORMAL";
  sql << "PRAGMA foreign_keys=ON";
  sql << "PRAGMA busy_timeout=" + std::to_string(kSqliteBusyTimeoutMs);
}
}  // namespace

Database::Database(const std::string& url, std::size_t pool_size)
    : dialect_(starts_with(url, "postgres") ? Dialect::postgres : Dialect::sqlite),
      pool_size_(pool_size),
      display_url_(without_password(url)),
      pool_(pool_size) {
  if (dialect_ == Dialect::sqlite && !starts_with(url, "sqlite:"))
    throw std::invalid_argument("database URL must start with sqlite:// or postgresql://");
  for (std::size_t i = 0; i < pool_size; ++i) {
    soci::session& sql = pool_.at(i);
    if (dialect_ == Dialect::sqlite) {
      open_sqlite(sql, sqlite_path(url));
    } else {
      sql.open(soci::postgresql, postgres_conninfo(url));
    }
    statement_caches_.push_back(std::make_unique<StatementCache>(sql));
  }
}

// Cached like every other statement: three transactions a checkout made
// SQLite parse six of these.
void Database::begin(soci::session& sql) {
  Query(dialect_ == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN").execute(sql);
}

void Database::commit(soci::session& sql) { Query("COMMIT").execute(sql); }

void Database::rollback(soci::session& sql) noexcept {
  try {
    sql << "ROLLBACK";
  } catch (...) {
    // The transaction is already gone (e.g. the connection dropped).
  }
}

void Database::execute_script(soci::session& sql, const std::string& script) {
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
  auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
  PGresult* result = PQexec(backend->conn_, script.c_str());
  const auto status = PQresultStatus(result);
  std::string message = PQresultErrorMessage(result);
  PQclear(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw std::runtime_error("postgresql: " + message);
}

void Database::analyze_filled_tables() {
  with_session([&](soci::session& sql) {
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
    with_session([&](soci::session& sql) { sql << "SELECT 1", soci::into(one); });
    return one == 1;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace ps::db
