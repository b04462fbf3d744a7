#pragma once

#include "accounts/auth.h"
#include "accounts/service.h"
#include "core/worker_pool.h"
#include "http/rate_limiter.h"
#include "http/router.h"

namespace ps::accounts {

struct LoginLimits {
  http::RateLimiter& per_client;
  // Per email from one address, not per email alone: that would let anyone
  // keep a chosen account locked out (issue 15, item 11).
  http::RateLimiter& per_email_and_client;
  http::RateLimiter& signups_per_client;
};

// /api/auth/* and /api/me.
void add_routes(http::Router& router, AccountsService& accounts, const Authenticator& auth,
                WorkerPool& workers, LoginLimits limits);

boost::json::object to_json(const User& user);

}  // namespace ps::accounts
