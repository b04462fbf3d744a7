#pragma once

#include "db/database.h"
#include "gateway/form.h"

#include <boost/json/object.hpp>

#include <functional>
#include <string>

namespace ps::gateway {

// One API call as the service sees it, after authentication.
struct Call {
  Form form;
  std::string account;          // the Stripe-Account header: store::kPlatform when absent
  std::string idempotency_key;  // empty: none
  std::string target;           // "POST /v1/refunds": part of what an idempotency key is bound to
  std::string id;               // the {id} of the path, if any
  std::string api_key;          // the secret key, for the payment intent's client_secret only
};

struct Reply {
  int status = 200;
  boost::json::object body;
  bool replayed = false;  // the stored answer to an idempotency key
};

// The test-mode gateway: Stripe's objects and their state changes, each in
// one transaction with its events and its idempotent answer (store.h).
// Errors are thrown as StripeError; a declined card is an answer (402),
// committed and replayed like any other.
class GatewayService {
 public:
  // events_added: called after a commit that added events (wakes delivery).
  GatewayService(db::Database& database, bool webhooks_enabled, std::function<void()> events_added);

  Reply create_token(const Call& call);
  Reply create_payment_method(const Call& call);
  Reply create_payment_intent(const Call& call);
  Reply capture_payment_intent(const Call& call);
  Reply cancel_payment_intent(const Call& call);
  Reply create_refund(const Call& call);
  Reply update_dispute(const Call& call);
  Reply close_dispute(const Call& call);

  Reply create_account(const Call& call);
  Reply create_transfer(const Call& call);
  Reply create_payout(const Call& call);
  Reply retrieve_balance(const Call& call);

  // GET /v1/<kind>s/{id} for any object kind the gateway keeps.
  Reply retrieve(const std::string& kind, const Call& call);
  Reply retrieve_event(const Call& call);
  Reply list_events(int limit, const std::string& type, const std::string& starting_after);

  // Moves payouts still pending to paid or failed (with their events); run
  // after each payout and at start, so that a crash in between loses none.
  void settle_pending_payouts();

 private:
  class Session;
  using Operation = std::function<Reply(Session&)>;

  // Runs op in a transaction, answering a repeated idempotency key with the
  // stored answer instead, and refusing one reused with other parameters.
  Reply write(const Call& call, const Operation& op);
  void close_dispute_as(Session& session, boost::json::object& dispute, const std::string& outcome);

  db::Database& database_;
  bool webhooks_enabled_;
  std::function<void()> events_added_;
};

}  // namespace ps::gateway
