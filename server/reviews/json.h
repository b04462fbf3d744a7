#pragma once

// Reviews as the API shows them.

#include "reviews/model.h"

#include <boost/json/object.hpp>

namespace ps::reviews {

boost::json::object to_json(const Review& review);
boost::json::object to_json(const ReviewPage& page, const PageRequest& request);
boost::json::object to_json(const ReviewEligibility& eligibility);

}  // namespace ps::reviews
