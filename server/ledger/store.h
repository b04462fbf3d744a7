#pragma once

#include "core/page.h"
#include "db/query.h"
#include "ledger/model.h"

#include <optional>
#include <string>
#include <vector>

namespace ps::ledger {

// SQL for the ledger; no business rules here.
namespace store {
// Inserts the transaction's row unless one with its (kind, reference)
// exists; false when it did (or a concurrent transaction inserted it first).
bool insert_transaction(db::Connection& sql, const LedgerTransaction& transaction);
// The transaction posted for (kind, reference), with its entries.
std::optional<LedgerTransaction> find_transaction(db::Connection& sql, const std::string& kind,
                                                  const std::string& reference);
void insert_entry(db::Connection& sql, std::int64_t transaction_id, const Entry& entry);
// Adds amount to the account's balance in the currency (a new row at first).
void add_to_balance(db::Connection& sql, const std::string& account, const std::string& currency,
                    long long amount);
// The account's balance in each currency it has one in, by currency.
std::vector<Balance> balances_of(db::Connection& sql, const std::string& account);
// The transactions with an entry on the vendor's account, newest first, with
// the amounts the clearing and fee accounts moved in each.
std::vector<StatementLine> statement_lines(db::Connection& sql, const std::string& vendor_account,
                                           const PageRequest& page);
long long count_statement_lines(db::Connection& sql, const std::string& vendor_account);
}  // namespace store

}  // namespace ps::ledger
