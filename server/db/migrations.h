#pragma once

#include "core/embedded_file.h"
#include "db/database.h"

#include <span>

namespace ps::db {

// Applies the migrations (server/migrations/<dialect>/NNN_name.sql, embedded
// in the binary) that are not yet recorded in schema_migrations, each in its
// own transaction, in version order, and records each with the SHA-256 of its
// script. Safe to run twice and from several instances at once (PostgreSQL:
// under an advisory lock). Then lets requests use the database
// (Database::Gate). Returns how many were applied. Throws
// Failure(unavailable) when the database cannot be reached, and
// std::runtime_error naming the file when the script of an applied migration
// has changed since: the server then refuses to start. Migrations recorded
// before checksums were kept get theirs on the first run.
int migrate(Database& database, std::span<const EmbeddedFile> scripts = embedded_migrations());

}  // namespace ps::db
