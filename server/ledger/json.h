#pragma once

// The ledger as vendors see it.

#include "core/page.h"
#include "ledger/model.h"

#include <boost/json/object.hpp>

namespace ps::ledger {

boost::json::object balances_json(const std::vector<Balance>& balances, int platform_fee_bps);
boost::json::object to_json(const Statement& statement, const PageRequest& request);

}  // namespace ps::ledger
