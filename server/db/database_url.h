#pragma once

#include "db/connection.h"

#include <string_view>

namespace ps::db {

// The database a URL names: "postgres://" or "postgresql://", or "sqlite:"
// (sqlite:relative.db, sqlite:///absolute.db). Throws std::invalid_argument
// for any other.
Dialect dialect_of(std::string_view url);

}  // namespace ps::db
