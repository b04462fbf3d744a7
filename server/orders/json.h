#pragma once

// Orders as the API shows them.

#include "orders/model.h"

#include <boost/json/object.hpp>

namespace ps::orders {

// The order as its buyer or vendor sees it; the vendor also sees the fee.
boost::json::object to_json(const OrderView& view);
// fee_reversed_cents only for the shop's vendor.
boost::json::object to_json(const OrderRefund& refund, bool seen_by_seller);
boost::json::object to_json(const OrderPage& page, const PageRequest& request);
boost::json::object to_json(const Dashboard& dashboard);

}  // namespace ps::orders
