#pragma once

#include "db/database.h"
#include "jobs/queue.h"
#include "ledger/service.h"
#include "payments/event_store.h"

#include <functional>
#include <string>
#include <string_view>

namespace ps::payments {

// The gateway's webhook events: received (signature checked, recorded and
// handed to the job queue in one transaction, so that the answer is fast
// and a crash loses nothing), then applied by a payment_event job, once:
// the event is marked processed in the transaction of its effects.
//
//   payment_intent.*, charge.*  the payment's gateway snapshot (status and
//                               amounts), unless a later event was applied
//   charge.dispute.created      the disputed amount taken back from the
//                               vendors (ledger kind "dispute")
//   charge.dispute.closed,      the outcome, once per dispute: won gives the
//   .funds_reinstated           vendors back what was taken ("dispute_won"),
//                               lost keeps it; both tell the vendors
//   payout.*                    the payout handler's (payouts registers it
//                               at wiring time); without one, left unprocessed
//   anything else               recorded and marked processed, no effect
//
// Blocking: call from the WorkerPool (receive) or a job runner (apply).
class PaymentEventsService {
 public:
  // webhook_secret: Config::payment_webhook_secret (whsec_...); empty: the
  // endpoint is not configured and receive() refuses every event.
  PaymentEventsService(db::Database& database, ledger::LedgerService& ledger,
                       std::string webhook_secret)
      : database_(database), ledger_(ledger), webhook_secret_(std::move(webhook_secret)) {}

  bool configured() const { return !webhook_secret_.empty(); }

  // Applies payout.* events in the event's transaction; set before any job
  // runs. The payouts feature registers it (payments does not know payouts).
  using PayoutEventHandler = std::function<void(db::Connection&, const GatewayEvent&)>;
  void on_payout_event(PayoutEventHandler handler) { payout_handler_ = std::move(handler); }

  struct Received {
    std::string event_id;
    bool duplicate = false;  // the id was recorded before: nothing changed
  };
  // Checks the Stripe-Signature header against the body at `now_seconds`,
  // then records the event and enqueues its job. ApiError: 503
  // webhooks_not_configured, 400 webhook_signature_invalid,
  // webhook_timestamp_out_of_tolerance, webhook_event_malformed.
  Received receive(std::string_view signature_header, std::string_view body,
                   std::int64_t now_seconds);

  // The payment_event job's handler (jobs::JobHandler): no outside work, the
  // event applied in the job's transaction.
  jobs::JobEffects handle_job(const jobs::Job& job);

  // Applies a recorded event in the caller's transaction, unless it was
  // processed already.
  void apply(db::Connection& sql, const std::string& event_id);

 private:
  // One order's part of a dispute's clawback: from its held earnings and
  // from its shop's balance.
  struct ClawbackShare {
    PaidOrder order;
    long long from_pending = 0;
    long long from_balance = 0;
    long long total() const { return from_pending + from_balance; }
  };

  void apply_dispute(db::Connection& sql, const Dispute& dispute);
  void take_back(db::Connection& sql, const PaymentRef& payment, const Dispute& dispute);
  void give_back(db::Connection& sql, const PaymentRef& payment, const Dispute& dispute);
  void tell_lost(db::Connection& sql, const PaymentRef& payment, const Dispute& dispute);
  std::vector<ClawbackShare> clawback_shares(db::Connection& sql, const PaymentRef& payment,
                                             const Dispute& dispute);

  db::Database& database_;
  ledger::LedgerService& ledger_;
  std::string webhook_secret_;
  PayoutEventHandler payout_handler_;
};

}  // namespace ps::payments
