#pragma once

// Carts as the API shows them.

#include "cart/model.h"

#include <boost/json/object.hpp>

namespace ps::cart {

// The lines, the same lines grouped by shop with subtotals, the totals, and
// the warnings (lines that cannot be bought as they are, mixed currencies).
boost::json::object to_json(const CartView& cart);

}  // namespace ps::cart
