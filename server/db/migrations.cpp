#include "db/migrations.h"

#include "core/clock.h"
#include "core/random.h"
#include "db/query.h"

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace ps::db {

namespace {
// Any constant shared by all instances; it only has to be unique to this app.
constexpr long long kMigrationLockId = 7'351'120'001;

constexpr std::string_view kCreateMigrations = R"(
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL, checksum TEXT))";
// Tables made before checksums were kept lack the column.
constexpr std::string_view kCountChecksumColumnsSqlite = R"(
  SELECT COUNT(*) FROM pragma_table_info('schema_migrations') WHERE name = 'checksum')";
constexpr std::string_view kCountChecksumColumnsPostgres = R"(
  SELECT COUNT(*) FROM information_schema.columns
  WHERE table_schema = current_schema() AND table_name = 'schema_migrations'
    AND column_name = 'checksum')";
constexpr std::string_view kAddChecksumColumn = R"(
  ALTER TABLE schema_migrations ADD COLUMN checksum TEXT)";
constexpr std::string_view kSelectApplied = R"(
  SELECT version, COALESCE(checksum, '') FROM schema_migrations)";
constexpr std::string_view kRecordChecksum = R"(
  UPDATE schema_migrations SET checksum = :checksum WHERE version = :version)";
constexpr std::string_view kInsertApplied = R"(
  INSERT INTO schema_migrations (version, name, applied_at, checksum)
  VALUES (:version, :name, :applied_at, :checksum))";

struct Migration {
  int version;
  std::string file;  // as embedded: "<dialect>/NNN_name.sql"
  std::string name;  // NNN_name.sql
  std::string_view sql;
  std::string checksum;  // SHA-256 of sql, hex
};

std::vector<Migration> migrations_for(Dialect dialect, std::span<const EmbeddedFile> scripts) {
  const std::string folder = dialect == Dialect::sqlite ? "sqlite/" : "postgres/";
  std::vector<Migration> result;
  for (const auto& file : scripts) {
    if (file.name.substr(0, folder.size()) != folder) continue;
    const std::string name(file.name.substr(folder.size()));
    const auto underscore = name.find('_');
    if (underscore == std::string::npos || underscore == 0)
      throw std::logic_error("migration file name must be NNN_name.sql: " + name);
    result.push_back({std::stoi(name.substr(0, underscore)), std::string(file.name), name,
                      file.content, sha256_hex(file.content)});
  }
  std::sort(result.begin(), result.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return result;
}

// DDL runs unprepared: it is run once.
void ensure_migrations_table(Connection& connection) {
  connection.session() << std::string(kCreateMigrations);
  const auto count_columns = connection.dialect() == Dialect::sqlite
                                 ? kCountChecksumColumnsSqlite
                                 : kCountChecksumColumnsPostgres;
  if (Query(count_columns).single<long long>(connection) == 0)
    connection.session() << std::string(kAddChecksumColumn);
}

// Applied versions with their recorded checksums (empty: none recorded yet).
std::map<int, std::string> applied_migrations(Connection& connection) {
  struct Row {
    int version = 0;
    std::string checksum;
    void define(soci::statement& st) {
      st.exchange(soci::into(version));
      st.exchange(soci::into(checksum));
    }
  };
  std::map<int, std::string> applied;
  Query(kSelectApplied).each<Row>(connection, [&](const Row& row) {
    applied[row.version] = row.checksum;
  });
  return applied;
}

// Throws when the script of an applied migration is not the one applied.
void verify(Connection& connection, const Migration& migration, const std::string& recorded) {
  if (recorded.empty()) {
    Query(kRecordChecksum).values(migration.checksum, migration.version).execute(connection);
    spdlog::info("recorded the checksum of migration {}, applied before checksums were kept",
                 migration.name);
    return;
  }
  if (recorded != migration.checksum)
    throw std::runtime_error("migration file " + migration.file +
                             " has changed since it was applied (its SHA-256 was " + recorded +
                             ", now " + migration.checksum +
                             "); restore it and make the change in a new migration");
}

void apply(Database& database, Connection& connection, const Migration& migration) {
  spdlog::info("applying migration {}", migration.name);
  soci::session& sql = connection.session();
  sql << "BEGIN";
  try {
    database.execute_script(connection, std::string(migration.sql));
    Query(kInsertApplied)
        .values(static_cast<long long>(migration.version), migration.name, now_millis(),
                migration.checksum)
        .execute(connection);
    sql << "COMMIT";
  } catch (...) {
    sql << "ROLLBACK";
    throw;
  }
}
}  // namespace

int migrate(Database& database, std::span<const EmbeddedFile> scripts) {
  const auto migrations = migrations_for(database.dialect(), scripts);
  const int applied = database.with_maintenance_session([&](Connection& connection) {
    soci::session& sql = connection.session();
    const bool postgres = database.dialect() == Dialect::postgres;
    if (postgres) sql << "SELECT pg_advisory_lock(" << kMigrationLockId << ")";
    int applied = 0;
    try {
      ensure_migrations_table(connection);
      const auto done = applied_migrations(connection);
      for (const auto& migration : migrations) {
        if (auto it = done.find(migration.version); it != done.end()) {
          verify(connection, migration, it->second);
          continue;
        }
        apply(database, connection, migration);
        ++applied;
      }
    } catch (...) {
      if (postgres) sql << "SELECT pg_advisory_unlock(" << kMigrationLockId << ")";
      throw;
    }
    if (postgres) sql << "SELECT pg_advisory_unlock(" << kMigrationLockId << ")";
    return applied;
  });
  database.open_to_requests();
  return applied;
}

}  // namespace ps::db
