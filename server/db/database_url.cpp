#include "db/database_url.h"

#include <stdexcept>

namespace ps::db {

Dialect dialect_of(std::string_view url) {
  if (url.starts_with("postgres")) return Dialect::postgres;
  if (url.starts_with("sqlite:")) return Dialect::sqlite;
  throw std::invalid_argument("database URL must start with sqlite:// or postgresql://");
}

}  // namespace ps::db
