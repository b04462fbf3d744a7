#include "payments/reconciliation.h"

#include "payments/store.h"

#include <spdlog/spdlog.h>

namespace ps::payments {

namespace {
// The references checkout gives authorize() (checkout/service.cpp).
constexpr std::string_view kCheckoutReference = "checkout-";

std::string amounts(const char* what, long long ours, long long theirs) {
  return std::string(what) + " " + std::to_string(ours) + " here, " + std::to_string(theirs) +
         " at the gateway";
}
}  // namespace

ReconciliationReport Reconciler::run(Millis now, Millis window, Millis grace) {
  ReconciliationReport report;
  const Millis newest = now - grace;
  for (const auto& authorization : provider_.authorizations_since((now - window) / 1000)) {
    if (!authorization.reference.starts_with(kCheckoutReference)) continue;
    if (authorization.created * 1000 > newest) continue;  // perhaps still in flight
    ++report.authorizations_checked;
    release_unrecorded(authorization, report);
  }
  const auto payments = database_.with_session(
      [&](db::Connection& sql) { return store::created_since(sql, now - window); });
  for (const auto& payment : payments) {
    if (payment.created_at > newest) continue;
    ++report.payments_checked;
    compare(payment, report);
  }
  for (const auto& id : report.released_unrecorded)
    spdlog::warn("reconciliation: released authorization {} of a checkout never recorded", id);
  for (const auto& id : report.released_finished)
    spdlog::warn("reconciliation: released the rest of finished authorization {}", id);
  for (const auto& difference : report.differences) spdlog::error("reconciliation: {}", difference);
  return report;
}

void Reconciler::release_unrecorded(const GatewayAuthorization& authorization,
                                    ReconciliationReport& report) {
  const bool recorded = database_.with_session([&](db::Connection& sql) {
    return store::find_by_authorization(sql, authorization.id).has_value();
  });
  if (recorded) return;
  if (provider_.state(authorization.id).status != "requires_capture") return;
  provider_.cancel(authorization.id, authorization.id + "-cancel-unrecorded");
  report.released_unrecorded.push_back(authorization.id);
}

void Reconciler::compare(const Payment& payment, ReconciliationReport& report) {
  const auto gateway = provider_.state(payment.authorization_id);
  const auto& id = payment.authorization_id;
  if (gateway.received != payment.captured_cents)
    report.differences.push_back(id + ": " +
                                 amounts("captured", payment.captured_cents, gateway.received));
  if (gateway.refunded != payment.refunded_cents)
    report.differences.push_back(id + ": " +
                                 amounts("refunded", payment.refunded_cents, gateway.refunded));
  if (gateway.amount != payment.amount_cents)
    report.differences.push_back(id + ": " +
                                 amounts("authorized", payment.amount_cents, gateway.amount));
  if (payment.uncaptured_cents() == 0 && gateway.status == "requires_capture" &&
      gateway.received == payment.captured_cents) {
    provider_.cancel(id, id + "-cancel-finished");
    report.released_finished.push_back(id);
  }
}

}  // namespace ps::payments
