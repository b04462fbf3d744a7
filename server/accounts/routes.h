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
  // Password reset requests, per client address and per email address: the
  // second keeps anyone from flooding one mailbox.
  http::RateLimiter& resets_per_client;
  http::RateLimiter& resets_per_email;
  http::RateLimiter& verification_mails_per_user;
  // Every request that confirms an action with the password (change it,
  // change the address, sign out the other devices, delete the account),
  // per user: a stolen access token must not become a way to guess it.
  http::RateLimiter& password_checks_per_user;
};

// /api/auth/*, /api/me and the account's settings (/api/me/*).
void add_routes(http::Router& router, AccountsService& accounts, const Authenticator& auth,
                WorkerPool& workers, LoginLimits limits);

boost::json::object to_json(const User& user);

}  // namespace ps::accounts
