#pragma once

#include "accounts/auth.h"
#include "checkout/service.h"
#include "core/worker_pool.h"
#include "http/rate_limiter.h"
#include "http/router.h"

namespace ps::checkout {

// POST /api/checkout.
void add_routes(http::Router& router, CheckoutService& checkout,
                const accounts::Authenticator& auth, WorkerPool& workers,
                http::RateLimiter& per_user);

}  // namespace ps::checkout
