// The statement's CSV: exact decimals from minor units, cells quoted as
// RFC 4180 says, and no cell a spreadsheet would run as a formula.
#include "ledger/csv.h"

#include <gtest/gtest.h>

#include <limits>

namespace ps::ledger {
namespace {

TEST(DecimalOf, WritesMinorUnitsWithTwoFractionDigitsExactly) {
  EXPECT_EQ(decimal_of(0), "0.00");
  EXPECT_EQ(decimal_of(5), "0.05");
  EXPECT_EQ(decimal_of(-5), "-0.05");
  EXPECT_EQ(decimal_of(1205), "12.05");
  EXPECT_EQ(decimal_of(-250), "-2.50");
  EXPECT_EQ(decimal_of(std::numeric_limits<long long>::max()), "92233720368547758.07");
  EXPECT_EQ(decimal_of(std::numeric_limits<long long>::min()), "-92233720368547758.08");
}

TEST(CsvTextCell, QuotesWhatNeedsQuotingAndDefusesFormulas) {
  EXPECT_EQ(csv_text_cell("sale"), "sale");
  EXPECT_EQ(csv_text_cell(""), "");
  EXPECT_EQ(csv_text_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_text_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_text_cell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_text_cell("=1+2"), "'=1+2");
  EXPECT_EQ(csv_text_cell("+1"), "'+1");
  EXPECT_EQ(csv_text_cell("-1"), "'-1");
  EXPECT_EQ(csv_text_cell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_text_cell("\tx"), "'\tx");
  EXPECT_EQ(csv_text_cell("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  EXPECT_EQ(csv_text_cell("a=b"), "a=b");  // only a leading sign starts a formula
}

TEST(StatementCsv, WritesAHeaderAndALinePerStatementLine) {
  StatementLine sale{1, "sale", 42, "USD", 0, 5000, 500, 4500, 4500};
  StatementLine refund{2, "refund", 42, "USD", kDayMillis, -2500, -250, -2250, 2250};
  EXPECT_EQ(statement_csv({sale, refund}),
            "date,kind,order_id,currency,gross,fee,net,balance\r\n"
            "1970-01-01T00:00:00Z,sale,42,USD,50.00,5.00,45.00,45.00\r\n"
            "1970-01-02T00:00:00Z,refund,42,USD,-25.00,-2.50,-22.50,22.50\r\n");
  EXPECT_EQ(statement_csv({}), "date,kind,order_id,currency,gross,fee,net,balance\r\n");
}

}  // namespace
}  // namespace ps::ledger
