#pragma once

#include "core/worker_pool.h"
#include "http/router.h"
#include "payments/events_service.h"

#include <cstddef>
#include <functional>

namespace ps::payments {

// The largest webhook body taken (the gateway's events are a few KiB).
inline constexpr std::size_t kMaxWebhookBodyBytes = 256 * 1024;

// POST /api/payments/webhook: the gateway's signed events. `enqueued` is
// called after an event was recorded (wakes this process's job runner).
void add_webhook_routes(http::Router& router, PaymentEventsService& events, WorkerPool& workers,
                        std::function<void()> enqueued);

}  // namespace ps::payments
