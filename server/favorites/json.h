#pragma once

#include "core/page.h"
#include "favorites/service.h"

#include <boost/json/object.hpp>

#include <vector>

namespace ps::favorites {

boost::json::object to_json(const Favorite& favorite);
boost::json::object to_json(const FavoritePage& page, const PageRequest& request);
boost::json::object to_json(const std::vector<SaveCount>& counts);

}  // namespace ps::favorites
