#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace ps::db {

// A database failure that is no bug in the request: the database cannot be
// reached, has no space or cannot be written, or a unique constraint kept out
// a row that a concurrent request wrote first. Database throws these in
// place of the driver's errors; the HTTP pipeline turns each kind into its
// problem (503, 507, a named 409, a 409 to retry).
class Failure : public std::runtime_error {
 public:
  enum class Kind {
    unavailable,       // unreachable, starting, or the connection was lost
    disk_full,         // SQLITE_FULL, PostgreSQL's disk_full
    read_only,         // the file or its folder cannot be written; a standby
    unique_violation,  // constraint() names the constraint
    // PostgreSQL gave up one of two transactions that waited on each other
    // (a deadlock) or could not be serialized; the other went on. Nothing
    // of this one was kept: the request may be sent again.
    transaction_conflict,
  };

  Failure(Kind kind, const std::string& message, std::string constraint = {})
      : std::runtime_error(message), kind_(kind), constraint_(std::move(constraint)) {}

  Kind kind() const { return kind_; }
  // For a unique violation: the constraint in PostgreSQL's default naming
  // ("shops_slug_key"), which SQLite's "shops.slug" is given as well.
  const std::string& constraint() const { return constraint_; }

 private:
  Kind kind_;
  std::string constraint_;
};

// The connection was lost while COMMIT was on its way: the transaction may
// or may not have been committed. What it did outside the database (a card
// authorization, say) must not be undone on a guess.
class CommitOutcomeUnknown : public Failure {
 public:
  explicit CommitOutcomeUnknown(const std::string& message) : Failure(Kind::unavailable, message) {}
};

// The constraint a unique-violation message names, in PostgreSQL's default
// naming: PostgreSQL's quoted name as it is; SQLite's columns
// "table.a, table.b" as "table_a_b_key". Empty when the message names none.
std::string violated_constraint(std::string_view message);

}  // namespace ps::db
