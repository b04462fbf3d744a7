#pragma once

#include "accounts/auth.h"
#include "cart/service.h"
#include "core/worker_pool.h"
#include "http/router.h"

namespace ps::cart {

// /api/carts, /api/cart, /api/cart/items[/{product_id}], /api/cart/merge.
void add_routes(http::Router& router, CartService& carts, const accounts::Authenticator& auth,
                WorkerPool& workers);

}  // namespace ps::cart
