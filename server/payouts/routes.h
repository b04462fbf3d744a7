#pragma once

#include "accounts/auth.h"
#include "core/worker_pool.h"
#include "http/router.h"
#include "payouts/service.h"

namespace ps::payouts {

// /api/my/payout-account, /api/my/payout-settings and /api/my/payouts, for
// vendors.
// payment_workers: for connecting a payout account, which waits on the gateway.
void add_routes(http::Router& router, PayoutsService& payouts, const accounts::Authenticator& auth,
                WorkerPool& workers, WorkerPool& payment_workers);

}  // namespace ps::payouts
