#pragma once

#include "accounts/auth.h"
#include "core/worker_pool.h"
#include "http/router.h"
#include "shops/service.h"

namespace ps::shops {

// POST /api/shops, PATCH /api/shops/{slug}, /api/my/shop. The reads that
// show shops with their products are the catalog's (catalog/routes.h).
void add_routes(http::Router& router, ShopsService& shops, const accounts::Authenticator& auth,
                WorkerPool& workers);

}  // namespace ps::shops
