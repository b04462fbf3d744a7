#pragma once

#include "accounts/auth.h"
#include "catalog/service.h"
#include "core/worker_pool.h"
#include "http/router.h"
#include "shops/service.h"

namespace ps::shops {

// /api/shops, /api/shops/{slug}, /api/my/shop.
void add_routes(http::Router& router, ShopsService& shops, catalog::CatalogService& catalog,
                const accounts::Authenticator& auth, WorkerPool& workers);

}  // namespace ps::shops
