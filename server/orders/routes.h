#pragma once

#include "accounts/auth.h"
#include "core/worker_pool.h"
#include "http/router.h"
#include "orders/service.h"

namespace ps::orders {

// /api/orders…, /api/my/shop/orders, /api/dashboard.
// payment_workers: for the steps that wait on the gateway (ship captures,
// cancel releases, refunds refund).
void add_routes(http::Router& router, OrdersService& orders, const accounts::Authenticator& auth,
                WorkerPool& workers, WorkerPool& payment_workers);

}  // namespace ps::orders
