#pragma once

// Orders as the API shows them.

#include "http/json_input.h"
#include "orders/model.h"

#include <boost/json/object.hpp>

namespace ps::orders {

// The order as its buyer or vendor sees it; the vendor also sees the fee.
boost::json::object to_json(const OrderView& view);
// fee_reversed_cents only for the shop's vendor.
boost::json::object to_json(const OrderRefund& refund, bool seen_by_seller);
boost::json::object to_json(const OrderPage& page, const PageRequest& request);
boost::json::object to_json(const Dashboard& dashboard);
// A shipping address from a request's fields (country upper-cased); the
// caller's finish() reports what is wrong.
ShippingAddress read_shipping_address(http::JsonFields& fields);

}  // namespace ps::orders
