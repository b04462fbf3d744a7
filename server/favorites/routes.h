#pragma once

#include "accounts/auth.h"
#include "core/worker_pool.h"
#include "favorites/service.h"
#include "http/router.h"

namespace ps::favorites {

// /api/me/favorites: the signed-in person's saved products;
// /api/my/favorite-counts: how many people saved each of a vendor's products.
void add_routes(http::Router& router, FavoritesService& favorites,
                const accounts::Authenticator& auth, WorkerPool& workers);

}  // namespace ps::favorites
