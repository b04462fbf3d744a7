#pragma once

#include "accounts/auth.h"
#include "addresses/service.h"
#include "core/worker_pool.h"
#include "http/router.h"

namespace ps::addresses {

// GET, PUT and DELETE /api/me/address: the signed-in user's saved address.
void add_routes(http::Router& router, AddressesService& addresses,
                const accounts::Authenticator& auth, WorkerPool& workers);

}  // namespace ps::addresses
