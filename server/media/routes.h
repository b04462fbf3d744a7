#pragma once

#include "accounts/auth.h"
#include "core/config.h"
#include "core/worker_pool.h"
#include "http/rate_limiter.h"
#include "http/router.h"
#include "media/service.h"

namespace ps::media {

// POST /api/uploads (any signed-in user; multipart/form-data with one "file"
// part, its own body limit: config.max_upload_bytes; at most
// uploads_per_user's events per user, as each costs decoding, three encodings
// and stored files) and GET /media/{key}/{file} (public, immutable, ETag /
// If-None-Match).
void add_routes(http::Router& router, MediaService& media, const accounts::Authenticator& auth,
                WorkerPool& workers, http::RateLimiter& uploads_per_user, const Config& config);

}  // namespace ps::media
