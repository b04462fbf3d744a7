#pragma once

#include "accounts/service.h"
#include "accounts/tokens.h"
#include "core/worker_pool.h"
#include "http/request.h"

#include <boost/asio/awaitable.hpp>

namespace ps::accounts {

// The guard routes call to learn who is asking: a valid Bearer access token
// for a user who still exists (401 otherwise), optionally of one role (403).
class Authenticator {
 public:
  Authenticator(const TokenIssuer& tokens, AccountsService& accounts, WorkerPool& workers)
      : tokens_(tokens), accounts_(accounts), workers_(workers) {}

  boost::asio::awaitable<User> require_user(const http::Request& request) const;
  boost::asio::awaitable<User> require_role(const http::Request& request, Role role) const;
  // Nobody when the request has no Authorization header; otherwise as require_user.
  boost::asio::awaitable<std::optional<User>> optional_user(const http::Request& request) const;

 private:
  const TokenIssuer& tokens_;
  AccountsService& accounts_;
  WorkerPool& workers_;
};

}  // namespace ps::accounts
