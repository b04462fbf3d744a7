#include "notifications/json.h"

#include "http/query_input.h"

#include <boost/json.hpp>

namespace ps::notifications {

boost::json::object to_json(const Notification& n) {
  return {{"id", n.id},
          {"kind", n.kind},
          {"title", n.title},
          {"body", n.body},
          {"link", n.link},
          {"created_at", to_rfc3339(n.created_at)},
          {"read_at",
           n.read_at ? boost::json::value(to_rfc3339(n.read_at)) : boost::json::value(nullptr)}};
}

boost::json::object to_json(const NotificationPage& page, const PageRequest& request) {
  boost::json::array items;
  for (const auto& notification : page.items) items.push_back(to_json(notification));
  auto json = http::page_json(request, page.total);
  json["items"] = std::move(items);
  json["unread"] = page.unread;
  return json;
}

}  // namespace ps::notifications
