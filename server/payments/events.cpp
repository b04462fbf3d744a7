#include "payments/events.h"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <stdexcept>

namespace ps::payments {

namespace json = boost::json;

namespace {
const json::value* member(const json::object& object, std::string_view name) {
  return object.if_contains(name);
}

std::optional<std::string> text(const json::object& object, std::string_view name) {
  const auto* value = member(object, name);
  if (!value || !value->is_string()) return std::nullopt;
  return std::string(value->get_string());
}

std::optional<long long> integer(const json::object& object, std::string_view name) {
  const auto* value = member(object, name);
  if (value && value->is_int64()) return value->get_int64();
  if (value && value->is_uint64() && value->get_uint64() <= INT64_MAX)
    return static_cast<long long>(value->get_uint64());
  return std::nullopt;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Ids are short printable ASCII at the gateway; anything else is not an event of its.
bool plain_id(std::string_view id) {
  return !id.empty() && id.size() <= 255 &&
         std::all_of(id.begin(), id.end(), [](char c) { return c > ' ' && c < 127; });
}
}  // namespace

std::optional<GatewayEvent> parse_event(std::string_view body) {
  boost::system::error_code error;
  auto parsed = json::parse(body, error);
  if (error || !parsed.is_object()) return std::nullopt;
  const auto& root = parsed.get_object();
  GatewayEvent event;
  auto id = text(root, "id"), type = text(root, "type");
  auto created = integer(root, "created");
  const auto* data = member(root, "data");
  if (!id || !plain_id(*id) || !type || !plain_id(*type) || !created || *created < 0 || !data ||
      !data->is_object())
    return std::nullopt;
  const auto* object = data->get_object().if_contains("object");
  if (!object || !object->is_object()) return std::nullopt;
  if (const auto* account = member(root, "account"); account && !account->is_null()) {
    if (!account->is_string() || !plain_id(account->get_string())) return std::nullopt;
    event.account = account->get_string();
  }
  event.id = std::move(*id);
  event.type = std::move(*type);
  event.created = *created;
  event.object = object->get_object();
  return event;
}

EventFamily family_of(std::string_view type) {
  if (type == "charge.dispute.created") return EventFamily::dispute_created;
  if (type == "charge.dispute.closed" || type == "charge.dispute.funds_reinstated")
    return EventFamily::dispute_closed;
  if (starts_with(type, "charge.dispute.")) return EventFamily::other;
  if (starts_with(type, "payment_intent.")) return EventFamily::payment_intent;
  if (starts_with(type, "charge.")) return EventFamily::charge;
  if (starts_with(type, "payout.")) return EventFamily::payout;
  return EventFamily::other;
}

std::optional<PaymentSnapshot> snapshot_of(const GatewayEvent& event) {
  PaymentSnapshot snapshot;
  snapshot.event_created = event.created * 1000;
  switch (family_of(event.type)) {
    case EventFamily::payment_intent: {
      auto intent = text(event.object, "id");
      if (!intent) return std::nullopt;
      snapshot.payment_intent = std::move(*intent);
      snapshot.status = text(event.object, "status");
      snapshot.amount_capturable = integer(event.object, "amount_capturable");
      snapshot.amount_received = integer(event.object, "amount_received");
      return snapshot;
    }
    case EventFamily::charge: {
      auto intent = text(event.object, "payment_intent");
      if (!intent) return std::nullopt;
      snapshot.payment_intent = std::move(*intent);
      snapshot.amount_received = integer(event.object, "amount_captured");
      snapshot.amount_refunded = integer(event.object, "amount_refunded");
      return snapshot;
    }
    default:
      return std::nullopt;
  }
}

std::optional<Dispute> dispute_of(const GatewayEvent& event) {
  const auto family = family_of(event.type);
  if (family != EventFamily::dispute_created && family != EventFamily::dispute_closed)
    return std::nullopt;
  auto id = text(event.object, "id"), intent = text(event.object, "payment_intent"),
       currency = text(event.object, "currency"), status = text(event.object, "status");
  auto amount = integer(event.object, "amount");
  if (!id || !intent || !currency || !amount || *amount < 0) return std::nullopt;
  Dispute dispute{std::move(*id), std::move(*intent), std::move(*currency), *amount,
                  status.value_or("")};
  if (const auto* details = member(event.object, "evidence_details");
      details && details->is_object())
    dispute.evidence_due_by = integer(details->get_object(), "due_by");
  return dispute;
}

std::vector<long long> split_in_proportion(long long amount,
                                           const std::vector<long long>& weights) {
  std::vector<long long> shares(weights.size(), 0);
  if (weights.empty()) return shares;
  __int128 total = 0;
  for (const auto weight : weights) {
    if (weight < 0) throw std::invalid_argument("split_in_proportion: a negative weight");
    total += weight;
  }
  const auto largest =
      static_cast<std::size_t>(std::max_element(weights.begin(), weights.end()) - weights.begin());
  if (total == 0) {
    shares[0] = amount;
    return shares;
  }
  long long given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    shares[i] = static_cast<long long>(static_cast<__int128>(amount) * weights[i] / total);
    given += shares[i];
  }
  shares[largest] += amount - given;
  return shares;
}

}  // namespace ps::payments
