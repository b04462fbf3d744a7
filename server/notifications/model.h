#pragma once

#include "core/clock.h"
#include "core/page.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ps::notifications {

// What the bell lists: "new_order", "order_shipped", "order_delivered",
// "order_cancelled", "refund", "review_reply", "new_review", "new_message",
// "payout_paid", "payout_failed", "payment_disputed", "dispute_won",
// "dispute_lost", "favorite_price_drop", "favorite_back_in_stock".
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
  Millis created_at = 0;
  Millis read_at = 0;  // 0: unread
};

struct NotificationPage {
  std::vector<Notification> items;
  long long total = 0;
  long long unread = 0;
};

// Who a notice goes to: the address and name mails use.
struct Recipient {
  std::int64_t user_id = 0;
  std::string email;
  std::string display_name;
};

}  // namespace ps::notifications
