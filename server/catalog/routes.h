#pragma once

#include "accounts/auth.h"
#include "catalog/service.h"
#include "core/worker_pool.h"
#include "http/router.h"

namespace ps::catalog {

// /api/products, /api/products/{id}, /api/my/products, /api/categories, and
// the storefront reads that show shops with their products: /api/shops and
// /api/shops/{slug}.
void add_routes(http::Router& router, CatalogService& catalog, const accounts::Authenticator& auth,
                WorkerPool& workers);

}  // namespace ps::catalog
