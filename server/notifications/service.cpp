#include "notifications/service.h"

#include "core/clock.h"
#include "notifications/store.h"

namespace ps::notifications {

std::int64_t notify(db::Connection& sql, const NewNotification& notification) {
  return store::insert_notification(sql, notification, now_millis());
}

}  // namespace ps::notifications
