#pragma once

#include "core/worker_pool.h"
#include "gateway/service.h"
#include "http/router.h"

#include <string>

namespace ps::gateway {

struct ApiKeys {
  std::string secret;       // sk_test_...: every endpoint
  std::string publishable;  // pk_test_...: POST /v1/tokens only, as Stripe.js uses it
};

// The Stripe-shaped endpoints (docs/gateway.md): form-encoded bodies, JSON
// answers, Bearer keys, Idempotency-Key on POSTs, Stripe-Account for
// connected accounts, CORS on the tokenizing endpoint.
void add_routes(http::Router& router, GatewayService& service, WorkerPool& workers,
                const ApiKeys& keys);

}  // namespace ps::gateway
