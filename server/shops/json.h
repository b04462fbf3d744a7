#pragma once

// Shops as the API reads and shows them.

#include "http/request.h"
#include "shops/service.h"

#include <boost/json/object.hpp>

namespace ps::shops {

// sp: where the JSON tree lives (a request-scoped arena on hot paths).
boost::json::object to_json(const ShopView& view, boost::json::storage_ptr sp = {});
boost::json::object summary_json(const ShopSummary& shop, boost::json::storage_ptr sp = {});
boost::json::object to_json(const ShippingRate& rate, boost::json::storage_ptr sp = {});

// The directory's query: ?q=&sort=newest|products|name&page=&limit= (422 otherwise).
ShopFilter read_filter(const http::Request& request);

}  // namespace ps::shops
