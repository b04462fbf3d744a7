#pragma once

#include "db/statement_cache.h"

#include <soci/session.h>

#include <memory>

namespace ps::db {

enum class Dialect { sqlite, postgres };

// One connection of a Database's pool, lent to one unit of work at a time
// (Database::with_session and transaction): its driver session, the
// statements prepared on it (which db::Query runs on) and its SQL dialect.
// Stores take a Connection and run every statement through db::Query.
class Connection {
 public:
  Connection(std::unique_ptr<soci::session> session, Dialect dialect)
      : session_(std::move(session)), statements_(*session_), dialect_(dialect) {}
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Dialect dialect() const { return dialect_; }
  StatementCache& statements() { return statements_; }
  // The driver session, for what a prepared statement cannot do: scripts of
  // several statements (migrations), maintenance, tests' ad-hoc queries.
  soci::session& session() { return *session_; }

 private:
  std::unique_ptr<soci::session> session_;
  StatementCache statements_;  // declared after session_: finalized before it closes
  Dialect dialect_;
};

}  // namespace ps::db
