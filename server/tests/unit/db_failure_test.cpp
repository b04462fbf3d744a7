#include "db/failure.h"

#include <gtest/gtest.h>

namespace ps::db {
namespace {

TEST(DbFailure, PostgresNamesItsConstraint) {
  EXPECT_EQ(violated_constraint("Cannot execute query. ERROR:  duplicate key value violates unique "
                                "constraint \"shops_slug_key\"\nDETAIL:  Key (slug)=(x) already "
                                "exists.\n"),
            "shops_slug_key");
}

TEST(DbFailure, SqliteColumnsGetPostgresDefaultName) {
  EXPECT_EQ(violated_constraint("sqlite3_statement_backend::loadOne: UNIQUE constraint failed: "
                                "shops.slug while executing \"INSERT INTO shops (a, b) ...\""),
            "shops_slug_key");
  EXPECT_EQ(violated_constraint("UNIQUE constraint failed: reviews.product_id, reviews.buyer_id"),
            "reviews_product_id_buyer_id_key");
}

TEST(DbFailure, OtherMessagesNameNone) {
  EXPECT_EQ(violated_constraint("FOREIGN KEY constraint failed"), "");
  EXPECT_EQ(violated_constraint("UNIQUE constraint failed: "), "");
}

}  // namespace
}  // namespace ps::db
