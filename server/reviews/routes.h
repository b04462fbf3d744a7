#pragma once

#include "accounts/auth.h"
#include "core/worker_pool.h"
#include "http/router.h"
#include "reviews/service.h"

namespace ps::reviews {

// /api/products/{id}/reviews, /api/reviews/{id}, /api/reviews/{id}/reply.
void add_routes(http::Router& router, ReviewsService& reviews, const accounts::Authenticator& auth,
                WorkerPool& workers);

}  // namespace ps::reviews
