#pragma once

// Orders as the API shows them.

#include "orders/model.h"

#include <boost/json/object.hpp>

namespace ps::orders {

boost::json::object to_json(const OrderView& view);
boost::json::object to_json(const OrderPage& page, const PageRequest& request);
boost::json::object to_json(const Dashboard& dashboard);

}  // namespace ps::orders
