#include "db/database_url.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace ps {
namespace {

TEST(DatabaseUrl, NamesItsDialect) {
  EXPECT_EQ(db::dialect_of("sqlite:data/pocketshop.db"), db::Dialect::sqlite);
  EXPECT_EQ(db::dialect_of("sqlite:///var/lib/pocketshop.db"), db::Dialect::sqlite);
  EXPECT_EQ(db::dialect_of("postgresql://shop@127.0.0.1/shop"), db::Dialect::postgres);
  EXPECT_EQ(db::dialect_of("postgres://shop@127.0.0.1/shop"), db::Dialect::postgres);
  for (const char* url : {"", "mysql://shop@db/shop", "data/pocketshop.db", "SQLITE:x.db"})
    EXPECT_THROW(db::dialect_of(url), std::invalid_argument) << url;
}

}  // namespace
}  // namespace ps
