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
std::vector<AccountBalance> balances_of(db::Connection& sql, const std::string& account);
// The transactions with an entry on the vendor's pending or balance account,
// releases left out (they only move money between the two), newest first,
// with the amounts the clearing and fee accounts moved in each.
std::vector<StatementLine> statement_lines(db::Connection& sql, std::int64_t shop_id,
                                           const PageRequest& page);
long long count_statement_lines(db::Connection& sql, std::int64_t shop_id);
// The same lines posted in [from, until), oldest first, each with the
// balance after it counted over all of the vendor's lines.
std::vector<StatementLine> statement_lines_between(db::Connection& sql, std::int64_t shop_id,
                                                   Millis from, Millis until);

// What each of the shop's orders with a sale earned (OrderEarnings), newest
// sale first; the order's, or nullopt when it is not the shop's or has no sale.
std::vector<OrderEarnings> order_earnings(db::Connection& sql, std::int64_t shop_id,
                                          const PageRequest& page);
long long count_order_earnings(db::Connection& sql, std::int64_t shop_id);
std::optional<OrderEarnings> order_earnings_of(db::Connection& sql, std::int64_t shop_id,
                                               std::int64_t order_id);

// Holds (model.h); a hold is written by the transaction that posts its sale.
void insert_hold(db::Connection& sql, const Hold& hold);
// The hold, locked until this transaction ends (FOR UPDATE on PostgreSQL;
// SQLite's write transaction holds the whole database already).
std::optional<Hold> find_hold_for_update(db::Connection& sql, const std::string& reference);
void set_hold_amount(db::Connection& sql, const std::string& reference, long long amount);
// Starts the hold's clock once: later calls leave due_at as it is.
void set_hold_due(db::Connection& sql, const std::string& reference, Millis due_at);
// Unreleased holds due at `now`, oldest due first.
std::vector<std::string> due_holds(db::Connection& sql, Millis now, int limit);
// Marks a due, unreleased hold released; false when it was not (any more):
// of concurrent claims, one wins (PostgreSQL re-checks the row after the
// winner commits).
bool claim_release(db::Connection& sql, const std::string& reference, Millis now);
}  // namespace store

}  // namespace ps::ledger
