#pragma once

#include "core/page.h"
#include "favorites/service.h"

#include <boost/json/object.hpp>

namespace ps::favorites {

boost::json::object to_json(const Favorite& favorite);
boost::json::object to_json(const FavoritePage& page, const PageRequest& request);

}  // namespace ps::favorites
