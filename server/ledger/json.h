#pragma once

// The ledger as vendors see it.

#include "core/page.h"
#include "ledger/model.h"

#include <boost/json/object.hpp>

namespace ps::ledger {

boost::json::object to_json(const VendorBalances& balances);
boost::json::object to_json(const Statement& statement, const PageRequest& request);

}  // namespace ps::ledger
