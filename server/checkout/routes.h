#pragma once

#include "accounts/auth.h"
#include "checkout/service.h"
#include "core/worker_pool.h"
#include "http/rate_limiter.h"
#include "http/router.h"

namespace ps::checkout {

// Where browsers turn the card into a token: the card goes there, never here.
struct CardTokenizing {
  std::string tokens_url;
  std::string publishable_key;
};

// POST /api/checkout, GET /api/payments/config.
void add_routes(http::Router& router, CheckoutService& checkout,
                const accounts::Authenticator& auth, WorkerPool& payment_workers,
                http::RateLimiter& per_user, const CardTokenizing& tokenizing);

}  // namespace ps::checkout
