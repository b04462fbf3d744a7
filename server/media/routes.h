#pragma once

#include "accounts/auth.h"
#include "core/config.h"
#include "core/worker_pool.h"
#include "http/router.h"
#include "media/service.h"

namespace ps::media {

// POST /api/uploads (vendors; multipart/form-data with one "file" part, its
// own body limit: config.max_upload_bytes) and GET /media/{key}/{file}
// (public, immutable, ETag / If-None-Match).
void add_routes(http::Router& router, MediaService& media, const accounts::Authenticator& auth,
                WorkerPool& workers, const Config& config);

}  // namespace ps::media
