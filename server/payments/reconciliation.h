#pragma once

#include "core/clock.h"
#include "db/database.h"
#include "payments/model.h"
#include "payments/provider.h"

#include <string>
#include <vector>

namespace ps::payments {

// What one reconciliation found and did.
struct ReconciliationReport {
  int authorizations_checked = 0;  // ours at the gateway, in the window
  int payments_checked = 0;        // in our database, in the window
  // Authorizations held at the gateway for a checkout our database never
  // recorded (its commit failed after the gateway said yes): released.
  std::vector<std::string> released_unrecorded;
  // Holds our records say are over (every order captured or cancelled) that
  // the gateway still held: released.
  std::vector<std::string> released_finished;
  // Differences that need a person: "pi_...: captured 2500 here, 0 at the gateway".
  std::vector<std::string> differences;
};

// Compares our payments with the gateway's authorizations and repairs what
// is safe to repair (releasing holds nobody will capture); reports the rest.
// `grace` keeps it away from checkouts still in flight. Safe to run on
// several instances at once: each repair is idempotent at the gateway.
// Blocking: gateway calls happen outside any database transaction.
class Reconciler {
 public:
  Reconciler(db::Database& database, PaymentProvider& provider)
      : database_(database), provider_(provider) {}

  ReconciliationReport run(Millis now, Millis window, Millis grace);

 private:
  void release_unrecorded(const GatewayAuthorization& authorization, ReconciliationReport& report);
  void compare(const Payment& payment, ReconciliationReport& report);

  db::Database& database_;
  PaymentProvider& provider_;
};

}  // namespace ps::payments
