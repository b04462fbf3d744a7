#pragma once

#include "db/database.h"

namespace ps::db {

// Applies the embedded migrations (server/migrations/<dialect>/NNN_name.sql)
// that are not yet recorded in schema_migrations, each in its own
// transaction, in version order. Safe to run twice and from several
// instances at once (PostgreSQL: under an advisory lock). Then lets requests
// use the database (Database::Gate). Returns how many were applied; throws
// Failure(unavailable) when the database cannot be reached.
int migrate(Database& database);

}  // namespace ps::db
