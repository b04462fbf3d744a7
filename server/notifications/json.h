#pragma once

// Notifications as the API shows them.

#include "core/page.h"
#include "notifications/model.h"

#include <boost/json/object.hpp>

namespace ps::notifications {

boost::json::object to_json(const Notification& notification);
boost::json::object to_json(const NotificationPage& page, const PageRequest& request);

}  // namespace ps::notifications
