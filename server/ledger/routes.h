#pragma once

#include "accounts/auth.h"
#include "core/worker_pool.h"
#include "http/router.h"
#include "ledger/service.h"

namespace ps::ledger {

// /api/my/balance and /api/my/statement, for vendors.
void add_routes(http::Router& router, LedgerService& ledger, const accounts::Authenticator& auth,
                WorkerPool& workers);

}  // namespace ps::ledger
