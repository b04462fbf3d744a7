#include "payments/stripe_provider.h"

#include "http/outbound.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>

namespace ps::payments {

namespace json = boost::json;

namespace {
// At 100 events a page: the last 50,000 authorizations.
constexpr int kMaxEventPages = 500;

std::string text_of(const json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value && value->is_string() ? std::string(value->as_string()) : std::string();
}

long long integer_of(const json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value && value->is_int64() ? value->as_int64() : 0;
}

// Ids go into URL paths: only the characters gateway ids are made of.
const std::string& checked_id(const std::string& id) {
  const bool plain =
      !id.empty() && id.size() <= 255 && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
      });
  if (!plain) throw PaymentError("not a gateway id: " + id.substr(0, 40));
  return id;
}

json::object error_of(const json::object& body) {
  const auto* error = body.if_contains("error");
  return error && error->is_object() ? error->as_object() : json::object{};
}

// Stripe: 400, 402 and 404 refuse the request itself; 401 and 403 are our
// keys (fixed by configuration), 409 and 429 conflicts and rate limits, 5xx
// the gateway's own trouble. A transfer beyond the platform's balance is a
// 400 that later captures lift.
bool refused_for_good(long status, const std::string& code) {
  return (status == 400 || status == 402 || status == 404) && code != "balance_insufficient" &&
         code != "idempotency_key_in_use" && code != "lock_timeout";
}

[[noreturn]] void refused(const std::string& what, long status, const json::object& body) {
  const auto error = error_of(body);
  const auto code = text_of(error, "code");
  const auto message = what + ": HTTP " + std::to_string(status) + " " + text_of(error, "type") +
                       " " + code + ": " + text_of(error, "message");
  if (refused_for_good(status, code))
    throw PaymentRefused(message, code.empty() ? text_of(error, "type") : code);
  throw PaymentError(message);
}

// The card's brand and last four, from its payment method.
void read_card(const json::value* method, AuthorizationResult& result) {
  if (!method || !method->is_object()) return;
  const auto* card = method->as_object().if_contains("card");
  if (!card || !card->is_object()) return;
  result.card_brand = text_of(card->as_object(), "brand");
  result.card_last4 = text_of(card->as_object(), "last4");
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}
}  // namespace

StripeProvider::Answer StripeProvider::send(const std::string& method, const std::string& path,
                                            const std::string& body,
                                            const std::string& idempotency_key,
                                            const std::string& connected_account) {
  http::OutboundRequest request;
  request.method = method;
  request.url = settings_.base_url + path;
  request.headers = {"Authorization: Bearer " + settings_.secret_key, "Accept: application/json"};
  if (!connected_account.empty())
    request.headers.push_back("Stripe-Account: " + checked_id(connected_account));
  if (method == "POST") {
    request.headers.push_back("Content-Type: application/x-www-form-urlencoded");
    if (!idempotency_key.empty()) request.headers.push_back("Idempotency-Key: " + idempotency_key);
  }
  request.body = body;
  request.timeout = settings_.timeout;
  http::OutboundResponse response;
  try {
    response = http::send(request);
  } catch (const http::OutboundError& error) {
    throw PaymentError(std::string("the gateway did not answer: ") + error.what());
  }
  Answer answer{response.status, {}, response.header("idempotent-replayed") == "true"};
  boost::system::error_code parse_error;
  auto parsed = json::parse(response.body, parse_error);
  if (parse_error || !parsed.is_object())
    throw PaymentError("the gateway answered " + std::to_string(response.status) +
                       " without a JSON object (" + method + " " + path + ")");
  answer.body = std::move(parsed.as_object());
  return answer;
}

StripeProvider::Answer StripeProvider::post(const std::string& path, const Form& form,
                                            const std::string& idempotency_key,
                                            const std::string& connected_account) {
  return send("POST", path, http::form_encode(form), idempotency_key, connected_account);
}

StripeProvider::Answer StripeProvider::get(const std::string& path) {
  return send("GET", path, {}, {}, {});
}

// The card first becomes a payment method (POST /v1/payment_methods with
// card[token]), the way Stripe's API reference takes a token: its
// PaymentIntent has no payment_method_data[card].
AuthorizationResult StripeProvider::authorize(long long amount_cents, const std::string& currency,
                                              const std::string& payment_token,
                                              const std::string& reference,
                                              const std::string& idempotency_key) {
  const auto method =
      post("/v1/payment_methods", {{"type", "card"}, {"card[token]", payment_token}},
           idempotency_key.empty() ? "" : idempotency_key + "-payment-method");
  if (method.status == 400 && text_of(error_of(method.body), "param").starts_with("card"))
    throw PaymentTokenRejected(text_of(error_of(method.body), "message"));
  if (method.status != 200) refused("create payment method", method.status, method.body);
  AuthorizationResult result;
  const json::value method_object(method.body);
  read_card(&method_object, result);

  const Form form{{"amount", std::to_string(amount_cents)},
                  {"currency", lower(currency)},
                  {"capture_method", "manual"},
                  {"confirm", "true"},
                  {"payment_method_types[]", "card"},
                  {"payment_method", checked_id(text_of(method.body, "id"))},
                  {"payment_method_options[card][request_multicapture]", "if_available"},
                  {"metadata[pocketshop_reference]", reference}};
  const auto answer = post("/v1/payment_intents", form, idempotency_key);
  if (answer.status == 200) {
    if (text_of(answer.body, "status") != "requires_capture")
      throw PaymentError("the payment intent is " + text_of(answer.body, "status") +
                         ", not requires_capture");
    result.approved = true;
    result.authorization_id = text_of(answer.body, "id");
    // A replayed answer is the authorization as it was; it may have been
    // released since (the attempt failed after it), and the token with it.
    if (answer.replayed && state(result.authorization_id).status != "requires_capture")
      throw PaymentTokenRejected("the authorization of this token was released");
    return result;
  }
  const auto error = error_of(answer.body);
  if (answer.status == 402 && text_of(error, "type") == "card_error") {
    result.decline_code = text_of(error, "decline_code");
    if (result.decline_code.empty()) result.decline_code = text_of(error, "code");
    result.message = text_of(error, "message");
    return result;
  }
  if (answer.status == 400 && text_of(error, "param") == "payment_method")
    throw PaymentTokenRejected(text_of(error, "message"));
  refused("authorize", answer.status, answer.body);
}

void StripeProvider::capture(const std::string& authorization_id, long long amount_cents,
                             bool final_capture, const std::string& idempotency_key) {
  const auto answer = post("/v1/payment_intents/" + checked_id(authorization_id) + "/capture",
                           {{"amount_to_capture", std::to_string(amount_cents)},
                            {"final_capture", final_capture ? "true" : "false"}},
                           idempotency_key);
  if (answer.status != 200) refused("capture", answer.status, answer.body);
}

void StripeProvider::cancel(const std::string& authorization_id,
                            const std::string& idempotency_key) {
  const auto answer = post("/v1/payment_intents/" + checked_id(authorization_id) + "/cancel",
                           {{"cancellation_reason", "requested_by_customer"}}, idempotency_key);
  if (answer.status != 200) refused("cancel", answer.status, answer.body);
}

std::string StripeProvider::refund(const std::string& authorization_id, long long amount_cents,
                                   const std::string& idempotency_key) {
  const auto answer = post(
      "/v1/refunds",
      {{"payment_intent", checked_id(authorization_id)}, {"amount", std::to_string(amount_cents)}},
      idempotency_key);
  if (answer.status != 200) refused("refund", answer.status, answer.body);
  return text_of(answer.body, "id");
}

void StripeProvider::submit_dispute_evidence(const std::string& dispute_id,
                                             const DisputeEvidence& evidence,
                                             const std::string& idempotency_key) {
  Form form;
  const auto add = [&](const char* field, const std::string& value) {
    if (!value.empty()) form.emplace_back("evidence[" + std::string(field) + "]", value);
  };
  add("product_description", evidence.product_description);
  add("shipping_carrier", evidence.shipping_carrier);
  add("shipping_tracking_number", evidence.shipping_tracking_number);
  add("uncategorized_text", evidence.explanation);
  form.emplace_back("submit", "true");
  const auto answer = post("/v1/disputes/" + checked_id(dispute_id), form, idempotency_key);
  if (answer.status != 200) refused("submit dispute evidence", answer.status, answer.body);
}

AuthorizationState StripeProvider::state(const std::string& authorization_id) {
  const auto intent = get("/v1/payment_intents/" + checked_id(authorization_id));
  if (intent.status != 200) refused("retrieve", intent.status, intent.body);
  AuthorizationState state{text_of(intent.body, "status"), integer_of(intent.body, "amount"),
                           integer_of(intent.body, "amount_capturable"),
                           integer_of(intent.body, "amount_received"), 0};
  const auto charge_id = text_of(intent.body, "latest_charge");
  if (!charge_id.empty()) {
    const auto charge = get("/v1/charges/" + checked_id(charge_id));
    if (charge.status != 200) refused("retrieve charge", charge.status, charge.body);
    state.refunded = integer_of(charge.body, "amount_refunded");
  }
  return state;
}

// Stripe keeps events for 30 days and lists them newest first; every
// authorization with manual capture has a payment_intent.amount_capturable_updated.
std::vector<GatewayAuthorization> StripeProvider::authorizations_since(std::int64_t created_after) {
  std::vector<GatewayAuthorization> found;
  std::set<std::string> seen;
  std::string after;
  for (int page = 0; page < kMaxEventPages; ++page) {
    std::string path = "/v1/events?type=payment_intent.amount_capturable_updated&limit=100";
    if (!after.empty()) path += "&starting_after=" + checked_id(after);
    const auto answer = get(path);
    if (answer.status != 200) refused("list events", answer.status, answer.body);
    const auto* data = answer.body.if_contains("data");
    if (!data || !data->is_array() || data->as_array().empty()) break;
    for (const auto& item : data->as_array()) {
      const auto& event = item.as_object();
      after = text_of(event, "id");
      if (integer_of(event, "created") < created_after) return found;
      const auto& intent = event.at("data").at("object").as_object();
      const auto id = text_of(intent, "id");
      if (!seen.insert(id).second) continue;
      const auto* metadata = intent.if_contains("metadata");
      found.push_back({id,
                       metadata && metadata->is_object()
                           ? text_of(metadata->as_object(), "pocketshop_reference")
                           : std::string(),
                       integer_of(intent, "amount"), integer_of(intent, "created")});
    }
    const auto* more = answer.body.if_contains("has_more");
    if (!more || !more->is_bool() || !more->as_bool()) break;
  }
  return found;
}

namespace {
void add_metadata(StripeProvider::Form& form, const std::map<std::string, std::string>& metadata) {
  for (const auto& [key, value] : metadata) form.emplace_back("metadata[" + key + "]", value);
}
}  // namespace

std::string StripeProvider::create_account(const std::string& email, const std::string& country,
                                           const std::map<std::string, std::string>& metadata,
                                           const std::string& idempotency_key) {
  Form form{{"type", "custom"}, {"country", country}, {"email", email}};
  add_metadata(form, metadata);
  const auto answer = post("/v1/accounts", form, idempotency_key);
  if (answer.status != 200) refused("create account", answer.status, answer.body);
  return text_of(answer.body, "id");
}

std::string StripeProvider::transfer(const std::string& account_id, long long amount_cents,
                                     const std::string& currency, const std::string& transfer_group,
                                     const std::map<std::string, std::string>& metadata,
                                     const std::string& idempotency_key) {
  Form form{{"amount", std::to_string(amount_cents)},
            {"currency", lower(currency)},
            {"destination", checked_id(account_id)},
            {"transfer_group", transfer_group}};
  add_metadata(form, metadata);
  const auto answer = post("/v1/transfers", form, idempotency_key);
  if (answer.status != 200) refused("transfer", answer.status, answer.body);
  return text_of(answer.body, "id");
}

GatewayPayout StripeProvider::payout(const std::string& account_id, long long amount_cents,
                                     const std::string& currency,
                                     const std::map<std::string, std::string>& metadata,
                                     const std::string& idempotency_key) {
  Form form{{"amount", std::to_string(amount_cents)}, {"currency", lower(currency)}};
  add_metadata(form, metadata);
  const auto answer = post("/v1/payouts", form, idempotency_key, account_id);
  if (answer.status != 200) refused("payout", answer.status, answer.body);
  return {text_of(answer.body, "id"), text_of(answer.body, "status"),
          text_of(answer.body, "failure_code")};
}

}  // namespace ps::payments
