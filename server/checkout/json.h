#pragma once

// Checkouts as the API shows them.

#include "checkout/model.h"

#include <boost/json/object.hpp>

namespace ps::checkout {

// {"checkout_id", "total_cents", "currency", "payment", "orders"}
boost::json::object to_json(const PlacedCheckout& placed);

}  // namespace ps::checkout
