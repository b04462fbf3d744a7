#include "payments/events_service.h"

#include "core/errors.h"
#include "core/money.h"
#include "notifications/service.h"
#include "payments/dispute_store.h"
#include "payments/webhook_signature.h"

#include <spdlog/spdlog.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

namespace ps::payments {

namespace {
// What an order's vendor is told (bell and mail) of a dispute about it.
struct DisputeNotice {
  std::string kind;     // the notification's and the mail's
  std::string subject;  // the mail's, before ": order #N"
  std::string heading;
  std::string title;  // the bell's, with {order} for "#N"
  std::string body;   // the bell's
  std::vector<std::string> paragraphs;
  std::string amount_label;  // the mail's line for the amount
};

std::string with_order(std::string text, const std::string& number) {
  if (const auto at = text.find("{order}"); at != std::string::npos) text.replace(at, 7, number);
  return text;
}

void tell_vendor(db::Connection& sql, const PaidOrder& order, const std::string& amount,
                 const DisputeNotice& notice) {
  const auto number = "#" + std::to_string(order.id);
  const auto link = "/orders/" + std::to_string(order.id);
  mail::NewMail mail{.kind = notice.kind,
                     .brand = {order.shop_name, order.shop_accent_color},
                     .subject = notice.subject + ": order " + number,
                     .heading = notice.heading,
                     .paragraphs = notice.paragraphs,
                     .lines = {{"Order", number}, {notice.amount_label, amount}},
                     .action = mail::Action{"See the order", link}};
  notifications::tell(sql, order.shop_owner_id,
                      notifications::NewNotification{.kind = notice.kind,
                                                     .title = with_order(notice.title, number),
                                                     .body = notice.body,
                                                     .link = link},
                      std::move(mail));
}

// Its share of a disputed payment was taken back from their earnings.
void tell_disputed(db::Connection& sql, const PaidOrder& order, long long share,
                   const std::string& currency) {
  const auto amount = money_text(share, currency);
  const auto number = "#" + std::to_string(order.id);
  tell_vendor(
      sql, order, amount,
      {.kind = "payment_disputed",
       .subject = "A payment was disputed",
       .heading = "A buyer's bank disputed a payment",
       .title = "Payment for order {order} disputed",
       .body = amount + " was taken back from your earnings.",
       .paragraphs = {"The bank of the buyer of order " + number +
                          " disputed the card payment. While the bank reviews it, " + amount +
                          " has been taken back from the earnings of " + order.shop_name + ".",
                      "Keep what shows the order reached the buyer (tracking, messages): "
                      "the bank may ask for it."},
       .amount_label = "Taken back"});
}

// The bank decided the dispute: for the shop (won), what was taken back is
// in their earnings again; for the buyer, it stays with the buyer.
void tell_dispute_closed(db::Connection& sql, const PaidOrder& order, long long share,
                         const std::string& currency, bool won) {
  const auto amount = money_text(share, currency);
  const auto closed = "The buyer's bank closed the dispute of order #" + std::to_string(order.id) +
                      " in favour of ";
  tell_vendor(sql, order, amount,
              {.kind = won ? "dispute_won" : "dispute_lost",
               .subject = won ? "Dispute won" : "Dispute lost",
               .heading = won ? "The bank decided for your shop" : "The bank decided for the buyer",
               .title = won ? "Dispute of order {order} won" : "Dispute of order {order} lost",
               .body = amount + (won ? " is back in your earnings." : " stays with the buyer."),
               .paragraphs = {won ? closed + order.shop_name + ": the " + amount +
                                        " taken back is in your earnings again."
                                  : closed + "the buyer: the " + amount +
                                        " taken back from your earnings when it opened stays "
                                        "with them."},
               .amount_label = won ? "Given back" : "Kept by the buyer"});
}

}  // namespace

PaymentEventsService::Received PaymentEventsService::receive(std::string_view signature_header,
                                                             std::string_view body,
                                                             std::int64_t now_seconds) {
  if (!configured())
    throw ApiError(ErrorCode::webhooks_not_configured,
                   "This shop has no webhook secret; set --payment-webhook-secret.");
  switch (check_signature(signature_header, body, webhook_secret_, now_seconds)) {
    case SignatureCheck::valid:
      break;
    case SignatureCheck::stale:
      throw ApiError(ErrorCode::webhook_timestamp_out_of_tolerance,
                     "The Stripe-Signature timestamp is more than 300 seconds away from now.");
    default:
      throw ApiError(ErrorCode::webhook_signature_invalid,
                     "The Stripe-Signature header is missing, malformed or does not match.");
  }
  auto event = parse_event(body);
  if (!event)
    throw ApiError(ErrorCode::webhook_event_malformed,
                   "The body is not an event: it needs a string id and type, an integer "
                   "created and an object data.object.");
  StoredEvent stored{event->id,         event->type,  event->account, event->created * 1000,
                     std::string(body), now_millis(), std::nullopt};
  const bool recorded = database_.transaction([&](db::Connection& sql) {
    if (!event_store::insert(sql, stored)) return false;
    jobs::NewJob job;
    job.kind = kPaymentEventJob;
    job.payload = boost::json::serialize(boost::json::object{{"event_id", event->id}});
    job.dedupe_key = kPaymentEventJob + ":" + event->id;
    jobs::enqueue(sql, job);
    return true;
  });
  return {event->id, !recorded};
}

jobs::JobEffects PaymentEventsService::handle_job(const jobs::Job& job) {
  const auto payload = boost::json::parse(job.payload).as_object();
  std::string event_id(payload.at("event_id").as_string());
  return [this, event_id](db::Connection& sql) { apply(sql, event_id); };
}

void PaymentEventsService::apply(db::Connection& sql, const std::string& event_id) {
  const auto stored = event_store::find(sql, event_id);
  if (!stored) throw std::runtime_error("payment event " + event_id + " is not recorded");
  if (stored->processed_at) return;
  const auto event = parse_event(stored->payload);
  if (!event) throw std::runtime_error("payment event " + event_id + " no longer parses");
  switch (family_of(event->type)) {
    case EventFamily::payment_intent:
    case EventFamily::charge:
      if (const auto snapshot = snapshot_of(*event)) event_store::apply_snapshot(sql, *snapshot);
      break;
    case EventFamily::dispute_created:
    case EventFamily::dispute_closed: {
      const auto dispute = dispute_of(*event);
      if (!dispute) throw std::runtime_error("dispute event " + event_id + " lacks its fields");
      apply_dispute(sql, *dispute);
      break;
    }
    case EventFamily::payout:
      // Without a handler (no payouts wired) they stay unprocessed
      // (processed_at NULL) for one that comes later.
      if (!payout_handler_) return;
      payout_handler_(sql, *event);
      break;
    case EventFamily::other:
      break;
  }
  event_store::mark_processed(sql, event_id, now_millis());
}

// A dispute's events, in whatever order they come: its clawback first (an
// outcome may arrive before the opening), then its outcome, once.
void PaymentEventsService::apply_dispute(db::Connection& sql, const Dispute& dispute) {
  const auto payment = event_store::lock_payment(sql, dispute.payment_intent);
  if (!payment) {
    spdlog::warn("payments: dispute {} names payment intent {}, which no payment of ours has",
                 dispute.id, dispute.payment_intent);
    return;
  }
  if (!same_currency(payment->currency, dispute.currency))
    throw std::runtime_error("dispute " + dispute.id + " is in " + dispute.currency +
                             ", its payment in " + payment->currency);
  // Another event of this dispute, applied concurrently, waited for the
  // payment's lock: it finds what this one did.
  dispute_store::record(sql, dispute, payment->id, now_millis());
  take_back(sql, *payment, dispute);
  if (dispute.status != "won" && dispute.status != "lost") return;
  if (!dispute_store::close(sql, dispute.id, dispute.status, now_millis())) return;
  if (dispute.status == "won")
    give_back(sql, *payment, dispute);
  else
    tell_lost(sql, *payment, dispute);
}

// The disputed amount leaves the gateway's balance (clearing) and is taken
// back from the vendors whose orders the payment paid for, split over the
// orders in proportion to their totals: the captured ones, or all of them
// when none was captured (the dispute is the gateway's word, not ours). Each
// order's share comes from its pending earnings first, then the balance.
void PaymentEventsService::take_back(db::Connection& sql, const PaymentRef& payment,
                                     const Dispute& dispute) {
  // Once per dispute, whatever events carry it: taking back changes the
  // orders' holds before the posting, which alone would be deduplicated.
  if (ledger_.find_posted(sql, ledger::kinds::kDispute, dispute.id)) return;
  auto orders = event_store::orders_paid_by(sql, payment.id);
  if (orders.empty() || dispute.amount == 0) return;
  const bool any_captured =
      std::any_of(orders.begin(), orders.end(), [](const auto& order) { return order.captured; });
  std::vector<long long> weights;
  for (const auto& order : orders)
    weights.push_back(order.captured || !any_captured ? order.total_cents : 0);
  const auto shares = split_in_proportion(dispute.amount, weights);

  ledger::LedgerTransaction clawback;
  clawback.kind = ledger::kinds::kDispute;
  clawback.reference = dispute.id;
  clawback.currency = payment.currency;
  clawback.memo = "dispute " + dispute.id + " on " + dispute.payment_intent;
  clawback.entries.push_back({ledger::chart::kGatewayClearing, -dispute.amount});
  for (std::size_t i = 0; i < orders.size(); ++i) {
    if (shares[i] == 0) continue;
    for (auto& debit : ledger_.take_back(sql, orders[i].id, orders[i].shop_id, shares[i]))
      clawback.entries.push_back(std::move(debit));
    tell_disputed(sql, orders[i], shares[i], payment.currency);
  }
  ledger_.post(sql, std::move(clawback));
}

// What the dispute's clawback took from each order of the payment, read from
// its posting, whose vendor entries name their orders (empty when nothing
// was taken: no orders, or nothing disputed).
std::vector<PaymentEventsService::ClawbackShare> PaymentEventsService::clawback_shares(
    db::Connection& sql, const PaymentRef& payment, const Dispute& dispute) {
  const auto clawback = ledger_.find_posted(sql, ledger::kinds::kDispute, dispute.id);
  if (!clawback) return {};
  std::vector<ClawbackShare> shares;
  for (auto& order : event_store::orders_paid_by(sql, payment.id)) {
    ClawbackShare share;
    for (const auto& entry : clawback->entries) {
      if (entry.order_id != order.id) continue;
      if (entry.account == ledger::chart::vendor_pending(order.shop_id))
        share.from_pending += entry.amount;
      else
        share.from_balance += entry.amount;
    }
    share.order = std::move(order);
    if (share.total() != 0) shares.push_back(std::move(share));
  }
  return shares;
}

// The bank decided for the shop: the gateway's balance has the amount back,
// and each vendor gets back what the clawback took from them (ledger.h's
// give_back: to the order's pending earnings while they are held).
void PaymentEventsService::give_back(db::Connection& sql, const PaymentRef& payment,
                                     const Dispute& dispute) {
  const auto shares = clawback_shares(sql, payment, dispute);
  if (shares.empty()) return;
  ledger::LedgerTransaction reinstated;
  reinstated.kind = ledger::kinds::kDisputeWon;
  reinstated.reference = dispute.id;
  reinstated.currency = payment.currency;
  reinstated.memo = "dispute " + dispute.id + " on " + dispute.payment_intent + " won";
  long long given_back = 0;
  for (const auto& share : shares) {
    for (const auto& credit : ledger_.give_back(sql, share.order.id, share.order.shop_id,
                                                share.from_pending, share.from_balance))
      reinstated.entries.push_back(credit);
    given_back += share.total();
    tell_dispute_closed(sql, share.order, share.total(), payment.currency, true);
  }
  reinstated.entries.push_back({ledger::chart::kGatewayClearing, given_back});
  ledger_.post(sql, std::move(reinstated));
}

// The bank decided for the buyer: the clawback stands; each vendor it took
// from is told.
void PaymentEventsService::tell_lost(db::Connection& sql, const PaymentRef& payment,
                                     const Dispute& dispute) {
  for (const auto& share : clawback_shares(sql, payment, dispute))
    tell_dispute_closed(sql, share.order, share.total(), payment.currency, false);
}

}  // namespace ps::payments
