#pragma once

#include "core/page.h"
#include "payouts/model.h"

#include <boost/json/object.hpp>

#include <vector>

namespace ps::payouts {

boost::json::object to_json(const PayoutAccount& account);
boost::json::object to_json(const Payout& payout);
boost::json::object to_json(const std::vector<Payout>& payouts);
boost::json::object to_json(const OrderEarnings& order);
boost::json::object to_json(const OrderEarningsPage& page, const PageRequest& request);

}  // namespace ps::payouts
