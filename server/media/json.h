#pragma once

// Images as the API shows them.

#include "media/model.h"

#include <boost/json/object.hpp>

namespace ps::media {

// {"id", "width", "height", "urls": {"small", "medium", "large"}}, the URLs
// under /media/. sp: where the JSON tree lives (a request-scoped arena on
// the catalog's hot paths).
boost::json::object to_json(const Image& image, boost::json::storage_ptr sp = {});

}  // namespace ps::media
