#include "db/migrations.h"

#include "core/clock.h"
#include "core/embedded_file.h"

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <vector>

namespace ps::db {

namespace {
// Any constant shared by all instances; it only has to be unique to this app.
constexpr long long kMigrationLockId = 7'351'120'001;

struct Migration {
  int version;
  std::string name;
  std::string_view sql;
};

std::vector<Migration> migrations_for(Dialect dialect) {
  const std::string folder = dialect == Dialect::sqlite ? "sqlite/" : "postgres/";
  std::vector<Migration> result;
  for (const auto& file : embedded_migrations()) {
    if (file.name.substr(0, folder.size()) != folder) continue;
    const std::string name(file.name.substr(folder.size()));
    const auto underscore = name.find('_');
    if (underscore == std::string::npos || underscore == 0)
      throw std::logic_error("migration file name must be NNN_name.sql: " + name);
    result.push_back({std::stoi(name.substr(0, underscore)), name, file.content});
  }
  std::sort(result.begin(), result.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return result;
}

std::set<int> applied_versions(soci::session& sql) {
  std::set<int> versions;
  soci::rowset<int> rows = (sql.prepare << "SELECT version FROM schema_migrations");
  for (int version : rows) versions.insert(version);
  return versions;
}
}  // namespace

int migrate(Database& database) {
  const int applied = database.with_maintenance_session([&](Connection& connection) {
    soci::session& sql = connection.session();
    const bool postgres = database.dialect() == Dialect::postgres;
    if (postgres) sql << "SELECT pg_advisory_lock(" << kMigrationLockId << ")";
    int applied = 0;
    try {
      sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
             "name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
      const auto done = applied_versions(sql);
      for (const auto& migration : migrations_for(database.dialect())) {
        if (done.count(migration.version)) continue;
        spdlog::info("applying migration {}", migration.name);
        sql << "BEGIN";
        try {
          database.execute_script(connection, std::string(migration.sql));
          sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)",
              soci::use(migration.version), soci::use(migration.name), soci::use(now_millis());
          sql << "COMMIT";
        } catch (...) {
          sql << "ROLLBACK";
          throw;
        }
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
