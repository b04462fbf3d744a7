#pragma once

// A person's data across the features (issue 17): what deleting an account
// does to the orders, shops and reviews that mention it, and the export of
// everything we keep about them. Here, above the features, because it reads
// the tables of several (accounts sits below orders, shops and reviews).

#include "accounts/auth.h"
#include "accounts/service.h"
#include "core/worker_pool.h"
#include "db/database.h"
#include "http/router.h"
#include "ledger/service.h"

#include <boost/json/object.hpp>

namespace ps::personal_data {

// Wires the deletion rules into AccountsService::delete_account:
// - a buyer's name and address are blanked in every order and checkout the
//   shops keep (their reviews stay, under "Deleted user"); their cart and
//   notifications go;
// - a vendor with a shop is refused (409 account-in-use) while the shop has
//   orders not yet delivered, cancelled or refunded, earnings still held, a
//   balance either way, or a payout on its way; otherwise the shop's products
//   are archived, so nothing more can be bought from it.
void on_account_deletion(accounts::AccountsService& accounts, ledger::LedgerService& ledger);

// Everything we keep about the user, as the export's JSON.
boost::json::object export_of(db::Connection& sql, const accounts::User& user);

// GET /api/me/export.
void add_routes(http::Router& router, db::Database& database, const accounts::Authenticator& auth,
                WorkerPool& workers);

}  // namespace ps::personal_data
