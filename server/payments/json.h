#pragma once

// Payments as the API shows them.

#include "payments/model.h"

#include <boost/json/object.hpp>

namespace ps::payments {

boost::json::object to_json(const Payment& payment);

}  // namespace ps::payments
