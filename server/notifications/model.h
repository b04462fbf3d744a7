#pragma once

#include <cstdint>
#include <string>

namespace ps::notifications {

// What the bell lists: "new_order", "order_shipped", "review_reply",
// "new_message", "refund", ...
struct NewNotification {
  std::int64_t user_id = 0;
  std::string kind;
  std::string title;  // plain text, one line
  std::string body;   // plain text, may be empty
  std::string link;   // a path in the web app: "/orders/12"
};

struct Notification {
  std::int64_t id = 0;
  std::string kind, title, body, link;
  std::int64_t created_at = 0;
  std::int64_t read_at = 0;  // 0: unread
};

}  // namespace ps::notifications
