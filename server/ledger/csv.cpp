#include "ledger/csv.h"

namespace ps::ledger {

std::string csv_text_cell(std::string_view text) {
  std::string cell;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
    cell += '\'';
  cell += text;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (const char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string statement_csv(const std::vector<StatementLine>& lines) {
  std::string csv = "date,kind,order_id,currency,gross,fee,net,balance\r\n";
  for (const auto& line : lines) {
    csv += to_rfc3339(line.created_at);
    csv += ',';
    csv += csv_text_cell(line.kind);
    csv += ',';
    csv += std::to_string(line.order_id);
    csv += ',';
    csv += csv_text_cell(line.currency);
    for (const long long amount :
         {line.gross_cents, line.fee_cents, line.net_cents, line.balance_cents}) {
      csv += ',';
      csv += decimal_of(amount);
    }
    csv += "\r\n";
  }
  return csv;
}

}  // namespace ps::ledger
