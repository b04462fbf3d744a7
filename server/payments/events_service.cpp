#include "payments/events_service.h"

#include "core/errors.h"
#include "core/money.h"
#include "notifications/service.h"
#include "payments/webhook_signature.h"

#include <spdlog/spdlog.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cctype>
#include <map>

namespace ps::payments {

namespace {
bool same_currency(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Tells the order's vendor (bell and mail) that its share of a disputed
// payment was taken back from their earnings.
void tell_disputed(db::Connection& sql, const PaidOrder& order, long long share,
                   const std::string& currency) {
  const auto amount = money_text(share, currency);
  const auto number = "#" + std::to_string(order.id);
  const auto link = "/orders/" + std::to_string(order.id);
  mail::NewMail mail{
      .kind = "payment_disputed",
      .brand = {order.shop_name, order.shop_accent_color},
      .subject = "A payment was disputed: order " + number,
      .heading = "A buyer's bank disputed a payment",
      .paragraphs = {"The bank of the buyer of order " + number +
                         " disputed the card payment. While the bank reviews it, " + amount +
                         " has been taken back from the earnings of " + order.shop_name + ".",
                     "Keep what shows the order reached the buyer (tracking, messages): the "
                     "bank may ask for it."},
      .lines = {{"Order", number}, {"Taken back", amount}},
      .action = mail::Action{"See the order", link}};
  notifications::tell(
      sql, order.shop_owner_id,
      notifications::NewNotification{.kind = "payment_disputed",
                                     .title = "Payment for order " + number + " disputed",
                                     .body = amount + " was taken back from your earnings.",
                                     .link = link},
      std::move(mail));
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
    case EventFamily::dispute_created: {
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

// The disputed amount leaves the gateway's balance (clearing) and is taken
// back from the vendors whose orders the payment paid for, split over the
// orders in proportion to their totals: the captured ones, or all of them
// when none was captured (the dispute is the gateway's word, not ours). Each
// order's share comes from its pending earnings first, then the balance.
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
  // Once per dispute, whatever events carry it: taking back changes the
  // orders' holds before the posting, which alone would be deduplicated.
  // Another event of it, applied concurrently, waited for the payment's lock.
  if (ledger_.posted(sql, kDisputeKind, dispute.id)) return;
  auto orders = event_store::orders_paid_by(sql, payment->id);
  if (orders.empty() || dispute.amount == 0) return;
  const bool any_captured =
      std::any_of(orders.begin(), orders.end(), [](const auto& order) { return order.captured; });
  std::vector<long long> weights;
  for (const auto& order : orders)
    weights.push_back(order.captured || !any_captured ? order.total_cents : 0);
  const auto shares = split_in_proportion(dispute.amount, weights);

  std::map<std::string, long long> per_account;
  for (std::size_t i = 0; i < orders.size(); ++i) {
    if (shares[i] == 0) continue;
    for (const auto& debit : ledger_.take_back(sql, orders[i].id, orders[i].shop_id, shares[i]))
      per_account[debit.account] += debit.amount;
    tell_disputed(sql, orders[i], shares[i], payment->currency);
  }
  ledger::LedgerTransaction clawback;
  clawback.kind = kDisputeKind;
  clawback.reference = dispute.id;
  clawback.currency = payment->currency;
  clawback.memo = "dispute " + dispute.id + " on " + dispute.payment_intent;
  clawback.entries.push_back({ledger::chart::kGatewayClearing, -dispute.amount});
  for (const auto& [account, amount] : per_account) clawback.entries.push_back({account, amount});
  ledger_.post(sql, std::move(clawback));
}

}  // namespace ps::payments
