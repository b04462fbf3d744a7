#pragma once

// The vendor's statement as CSV (RFC 4180), for spreadsheets.

#include "core/money.h"
#include "ledger/model.h"

#include <string>
#include <string_view>
#include <vector>

namespace ps::ledger {

using ps::decimal_of;  // core/money.h

// One text cell: quoted when it holds a comma, quote or line break (quotes
// doubled), and prefixed with ' when it starts like a spreadsheet formula
// (= + - @, tab or carriage return), so opening the file runs nothing.
std::string csv_text_cell(std::string_view text);

// A header line, then one line per statement line in the given order:
// date (RFC 3339, UTC), kind, order id, currency, gross, fee, net, balance;
// lines end in CRLF.
std::string statement_csv(const std::vector<StatementLine>& lines);

}  // namespace ps::ledger
