#include "gateway/service.h"

#include "core/random.h"
#include "gateway/cards.h"
#include "gateway/errors.h"
#include "gateway/store.h"

#include <spdlog/spdlog.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <array>
#include <ctime>
#include <map>
#include <set>

namespace ps::gateway {

namespace json = boost::json;

namespace {
// Stripe's largest amount: eight digits of minor units.
constexpr std::int64_t kMaxAmount = 99'999'999;
// The API version whose shapes the gateway follows (docs/gateway.md).
constexpr const char* kApiVersion = "2024-06-20";
constexpr std::int64_t kSecondsPerDay = 24 * 60 * 60;

std::int64_t now_seconds() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::string new_id(const char* prefix) { return prefix + random_hex(12); }

json::object metadata_json(const std::map<std::string, std::string>& metadata) {
  json::object object;
  for (const auto& [key, value] : metadata) object[key] = value;
  return object;
}

void merge_metadata(json::object& target, const std::map<std::string, std::string>& metadata) {
  if (metadata.empty()) return;
  auto& existing = target["metadata"].as_object();
  // Stripe's rule: an empty value removes the key.
  for (const auto& [key, value] : metadata)
    if (value.empty())
      existing.erase(key);
    else
      existing[key] = value;
}

json::value nullable(const std::optional<std::string>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

std::string text(const json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

std::int64_t number(const json::object& object, std::string_view key) {
  return object.at(key).as_int64();
}

std::string capitalized_brand(const std::string& brand) {
  if (brand == "visa") return "Visa";
  if (brand == "mastercard") return "MasterCard";
  if (brand == "amex") return "American Express";
  if (brand == "discover") return "Discover";
  return "Unknown";
}

std::string default_currency(const std::string& country) {
  static const std::map<std::string, std::string> currencies{
      {"US", "usd"}, {"GB", "gbp"}, {"CA", "cad"}, {"AU", "aud"}, {"CH", "chf"},
      {"DE", "eur"}, {"FR", "eur"}, {"NL", "eur"}, {"ES", "eur"}, {"IT", "eur"},
      {"IE", "eur"}, {"BE", "eur"}, {"AT", "eur"}, {"PT", "eur"}, {"FI", "eur"}};
  auto it = currencies.find(country);
  return it == currencies.end() ? "usd" : it->second;
}

struct Decline {
  std::string message, decline_code;
};

std::optional<Decline> decline_for(CardBehaviour behaviour) {
  switch (behaviour) {
    case CardBehaviour::decline:
      return Decline{"Your card was declined.", "generic_decline"};
    case CardBehaviour::insufficient:
      return Decline{"Your card has insufficient funds.", "insufficient_funds"};
    case CardBehaviour::lost:
      return Decline{"Your card was declined.", "lost_card"};
    default:
      return std::nullopt;
  }
}

std::string payout_failure_message(const std::string& code) {
  if (code == "account_closed") return "The bank account has been closed.";
  if (code == "no_account")
    return "The bank account details on file are probably incorrect. No bank account could be "
           "located with those details.";
  if (code == "insufficient_funds")
    return "Your Stripe account has insufficient funds to cover the payout.";
  return "The payout failed.";
}

StripeError unexpected_state(const std::string& what, const std::string& status,
                             const std::string& allowed) {
  return invalid_request("This PaymentIntent could not be " + what +
                             " because it has a status of " + status +
                             ". Only a PaymentIntent with one of the following statuses may be "
                             "acted upon: " +
                             allowed + ".",
                         {}, "payment_intent_unexpected_state");
}

// The dispute evidence fields Stripe takes as text, with its limits (its
// file fields need a Files API, which the test gateway does not have).
struct EvidenceField {
  const char* name;
  std::size_t max_length;
};
constexpr std::array<EvidenceField, 18> kEvidenceText{{{"access_activity_log", 20'000},
                                                       {"billing_address", 5'000},
                                                       {"cancellation_policy_disclosure", 20'000},
                                                       {"cancellation_rebuttal", 20'000},
                                                       {"customer_email_address", 5'000},
                                                       {"customer_name", 5'000},
                                                       {"customer_purchase_ip", 5'000},
                                                       {"duplicate_charge_explanation", 20'000},
                                                       {"duplicate_charge_id", 5'000},
                                                       {"product_description", 20'000},
                                                       {"refund_policy_disclosure", 20'000},
                                                       {"refund_refusal_explanation", 20'000},
                                                       {"service_date", 5'000},
                                                       {"shipping_address", 5'000},
                                                       {"shipping_carrier", 5'000},
                                                       {"shipping_date", 5'000},
                                                       {"shipping_tracking_number", 5'000},
                                                       {"uncategorized_text", 20'000}}};
constexpr std::int64_t kEvidenceDays = 21;  // until evidence is due

json::object no_evidence() {
  json::object evidence;
  for (const auto& field : kEvidenceText) evidence[field.name] = nullptr;
  return evidence;
}

// Evidence may be given while the bank waits for it; after that the dispute
// is under review or closed.
void require_response_awaited(const json::object& dispute, const std::string& action) {
  const auto status = text(dispute, "status");
  if (status != "needs_response" && status != "warning_needs_response")
    throw invalid_request("This dispute has a status of " + status + ": it can no longer be " +
                          action + ".");
}

StripeError insufficient_balance() {
  return invalid_request(
      "You have insufficient available funds in your Stripe account. Try adding funds directly "
      "to your available balance by creating Charges.",
      "amount", "balance_insufficient");
}
}  // namespace

// A transaction's view of the records: objects by kind, balances, and the
// events it adds (delivered once it commits).
class GatewayService::Session {
 public:
  Session(db::Connection& sql, const Call* call, bool webhooks_enabled)
      : sql_(sql), call_(call), webhooks_enabled_(webhooks_enabled) {}

  db::Connection& sql() { return sql_; }

  // The object `id` of `kind`, or StripeError 404 naming `param`.
  store::StoredObject load(const std::string& kind, const std::string& id,
                           const std::string& param) {
    auto found = id.empty() ? std::nullopt : store::find_object(sql_, id);
    if (!found || found->kind != kind) {
      if (param != "id" && param != "intent") {
        auto error = no_such(kind, id, param);
        throw StripeError(400, "invalid_request_error", error.detail())
            .code("resource_missing")
            .param(param);
      }
      throw no_such(kind, id, param);
    }
    return *found;
  }

  void save(const json::object& object, const std::string& account = store::kPlatform,
            const std::string& behaviour = {}) {
    store::put_object(sql_, object, account, behaviour);
  }

  void emit(const std::string& type, const json::object& object,
            const std::string& account = store::kPlatform) {
    json::object event{
        {"id", new_id("evt_")},
        {"object", "event"},
        {"api_version", kApiVersion},
        {"created", now_seconds()},
        {"data", json::object{{"object", object}}},
        {"livemode", false},
        {"pending_webhooks", webhooks_enabled_ ? 1 : 0},
        {"request", json::object{{"id", nullptr},
                                 {"idempotency_key", call_ && !call_->idempotency_key.empty()
                                                         ? json::value(call_->idempotency_key)
                                                         : json::value(nullptr)}}},
        {"type", type}};
    if (account != store::kPlatform) event["account"] = account;
    store::add_event(sql_, event);
    events_added_ = true;
  }

  bool events_added() const { return events_added_; }

 private:
  db::Connection& sql_;
  const Call* call_;
  bool webhooks_enabled_;
  bool events_added_ = false;
};

GatewayService::GatewayService(db::Database& database, bool webhooks_enabled,
                               std::function<void()> events_added)
    : database_(database),
      webhooks_enabled_(webhooks_enabled),
      events_added_(std::move(events_added)) {}

Reply GatewayService::write(const Call& call, const Operation& op) {
  const std::string scope = call.account + "|" + call.idempotency_key;
  const std::string fingerprint = sha256_hex(call.target + "\n" + call.form.canonical());
  bool events_added = false;
  Reply reply = database_.transaction([&](db::Connection& sql) {
    if (!call.idempotency_key.empty()) {
      if (auto stored = store::find_answer(sql, scope)) {
        if (stored->fingerprint != fingerprint) throw idempotency_mismatch(call.idempotency_key);
        return Reply{stored->status, json::parse(stored->body).as_object(), true};
      }
    }
    Session session(sql, &call, webhooks_enabled_);
    Reply fresh = op(session);
    if (!call.idempotency_key.empty())
      store::save_answer(sql, scope, {fingerprint, fresh.status, json::serialize(fresh.body)});
    events_added = session.events_added();
    return fresh;
  });
  if (events_added && events_added_) events_added_();
  return reply;
}

// --- cards --------------------------------------------------------------

Reply GatewayService::create_token(const Call& call) {
  const Form& form = call.form;
  // Stripe.js sends its own telemetry beside the card; it is accepted and ignored.
  form.allow_only({"card[", "guid", "muid", "sid", "payment_user_agent", "time_on_page", "key",
                   "referrer", "pasted_fields"});
  const std::string number = form.required_string("card[number]", 30);
  const int exp_month = static_cast<int>(form.required_integer("card[exp_month]", 1, 12));
  int exp_year = static_cast<int>(form.required_integer("card[exp_year]", 0, 9999));
  if (exp_year < 100) exp_year += 2000;
  const std::string cvc = form.required_string("card[cvc]", 4);
  const CardSummary card = summarize_card(number, exp_month, exp_year, cvc);

  json::object card_object{{"id", new_id("card_")},
                           {"object", "card"},
                           {"address_zip", nullable(form.get("card[address_zip]"))},
                           {"brand", capitalized_brand(card.brand)},
                           {"country", "US"},
                           {"cvc_check", "unchecked"},
                           {"exp_month", card.exp_month},
                           {"exp_year", card.exp_year},
                           {"funding", card.funding},
                           {"last4", card.last4},
                           {"metadata", json::object{}},
                           {"name", nullable(form.get("card[name]"))},
                           {"tokenization_method", nullptr}};
  json::object token{{"id", new_id("tok_")},     {"object", "token"},
                     {"card", card_object},      {"client_ip", nullptr},
                     {"created", now_seconds()}, {"livemode", false},
                     {"type", "card"},           {"used", false}};
  Call without_key = call;
  without_key.idempotency_key.clear();  // its parameters hold the card number: never stored
  return write(without_key, [&](Session& session) {
    session.save(token, store::kPlatform, to_string(card.behaviour));
    return Reply{200, token};
  });
}

namespace {
// A card payment method made from a token, as POST /v1/payment_methods (card[token])
// and payment_method_data[card][token] do.
json::object payment_method_from(const json::object& token) {
  const auto& card = token.at("card").as_object();
  std::string brand = text(card, "brand");
  std::transform(brand.begin(), brand.end(), brand.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (brand == "american express") brand = "amex";
  return {{"id", new_id("pm_")},
          {"object", "payment_method"},
          {"billing_details",
           json::object{
               {"address", nullptr}, {"email", nullptr}, {"name", nullptr}, {"phone", nullptr}}},
          {"card", json::object{{"brand", brand},
                                {"country", "US"},
                                {"exp_month", card.at("exp_month")},
                                {"exp_year", card.at("exp_year")},
                                {"funding", card.at("funding")},
                                {"last4", card.at("last4")}}},
          {"created", now_seconds()},
          {"customer", nullptr},
          {"livemode", false},
          {"metadata", json::object{}},
          {"type", "card"}};
}

json::object new_charge(const json::object& intent, const json::object& payment_method,
                        bool multicapture) {
  json::object card = payment_method.at("card").as_object();
  card["multicapture"] = json::object{{"status", multicapture ? "available" : "unavailable"}};
  return {{"id", new_id("ch_")},
          {"object", "charge"},
          {"amount", intent.at("amount")},
          {"amount_captured", 0},
          {"amount_refunded", 0},
          {"balance_transaction", nullptr},
          {"captured", false},
          {"created", now_seconds()},
          {"currency", intent.at("currency")},
          {"description", intent.at("description")},
          {"disputed", false},
          {"failure_code", nullptr},
          {"failure_message", nullptr},
          {"livemode", false},
          {"metadata", intent.at("metadata")},
          {"outcome", nullptr},
          {"paid", false},
          {"payment_intent", intent.at("id")},
          {"payment_method", payment_method.at("id")},
          {"payment_method_details", json::object{{"card", card}, {"type", "card"}}},
          {"refunded", false},
          {"status", "pending"},
          {"transfer_group", intent.at("transfer_group")}};
}

json::object outcome(bool authorized, const std::string& reason) {
  return {{"network_status", authorized ? "approved_by_network" : "declined_by_network"},
          {"reason", reason.empty() ? json::value(nullptr) : json::value(reason)},
          {"risk_level", "normal"},
          {"seller_message",
           authorized ? "Payment complete."
                      : "The bank did not return any further details with this decline."},
          {"type", authorized ? "authorized" : "issuer_declined"}};
}

// The answer with its payment method in full when the request asked for it
// (expand[]=payment_method), as Stripe expands it; what is stored keeps the id.
json::object expanded(json::object intent, const Form& form, const json::object& payment_method) {
  for (const char* key : {"expand[]", "expand[0]", "expand[1]"})
    if (form.get(key) == "payment_method") intent["payment_method"] = payment_method;
  return intent;
}

bool multicapture_requested(const json::object& intent) {
  const auto* options = intent.at("payment_method_options").as_object().if_contains("card");
  return options && text(options->as_object(), "request_multicapture") == "if_available";
}
}  // namespace

// --- payment methods ----------------------------------------------------

// A card payment method from a token (card[token]): the way Stripe's API
// reference gives for a token; payment_method_data has no card there.
Reply GatewayService::create_payment_method(const Call& call) {
  const Form& form = call.form;
  form.allow_only({"type", "card[token]", "metadata[", "expand["});
  if (!form.optional_enum("type", {"card"})) throw missing_param("type");
  const auto token_id = form.required_string("card[token]", 255);
  const auto metadata = form.metadata();
  return write(call, [&](Session& session) {
    auto token = session.load("token", token_id, "card[token]");
    if (token.body.at("used").as_bool())
      throw invalid_request("You cannot use a Stripe token more than once: " + token_id + ".",
                            "card[token]", "token_already_used");
    token.body["used"] = true;
    session.save(token.body, token.account, token.behaviour);
    auto payment_method = payment_method_from(token.body);
    payment_method["metadata"] = metadata_json(metadata);
    session.save(payment_method, store::kPlatform, token.behaviour);
    return Reply{200, payment_method};
  });
}

// --- payment intents ----------------------------------------------------

Reply GatewayService::create_payment_intent(const Call& call) {
  const Form& form = call.form;
  form.allow_only({"amount", "currency", "capture_method", "confirm", "payment_method",
                   "payment_method_data[type]", "payment_method_data[card][token]",
                   "payment_method_options[card][request_multicapture]", "payment_method_types[",
                   "metadata[", "transfer_group", "description", "receipt_email",
                   "statement_descriptor", "statement_descriptor_suffix", "expand["});
  const auto amount = form.required_integer("amount", 1, kMaxAmount);
  const auto currency = form.required_currency("currency");
  const auto capture_method =
      form.optional_enum("capture_method", {"automatic", "automatic_async", "manual"})
          .value_or("automatic_async");
  const bool confirm = form.optional_bool("confirm").value_or(false);
  const auto multicapture = form.optional_enum("payment_method_options[card][request_multicapture]",
                                               {"if_available", "never"});
  const auto method_type = form.optional_enum("payment_method_data[type]", {"card"});
  const auto token_id = form.optional_string("payment_method_data[card][token]", 255);
  const auto method_id = form.optional_string("payment_method", 255);
  if (method_type && !token_id) throw missing_param("payment_method_data[card][token]");
  if (token_id && !method_type) throw missing_param("payment_method_data[type]");
  if (token_id && method_id)
    throw invalid_request("You cannot provide both payment_method and payment_method_data.",
                          "payment_method_data");
  const auto metadata = form.metadata();

  return write(call, [&](Session& session) {
    std::optional<json::object> payment_method;
    std::string behaviour;
    if (token_id) {
      auto token = session.load("token", *token_id, "payment_method_data[card][token]");
      if (token.body.at("used").as_bool())
        throw invalid_request("You cannot use a Stripe token more than once: " + *token_id + ".",
                              "payment_method_data[card][token]", "token_already_used");
      token.body["used"] = true;
      session.save(token.body, token.account, token.behaviour);
      payment_method = payment_method_from(token.body);
      behaviour = token.behaviour;
      session.save(*payment_method, store::kPlatform, behaviour);
    } else if (method_id) {
      auto stored = session.load("payment_method", *method_id, "payment_method");
      payment_method = stored.body;
      behaviour = stored.behaviour;
    }

    json::object card_options;
    if (multicapture) card_options["request_multicapture"] = *multicapture;
    const std::string id = new_id("pi_");
    json::object intent{
        {"id", id},
        {"object", "payment_intent"},
        {"amount", amount},
        {"amount_capturable", 0},
        {"amount_details", json::object{{"tip", json::object{}}}},
        {"amount_received", 0},
        {"application", nullptr},
        {"application_fee_amount", nullptr},
        {"automatic_payment_methods", nullptr},
        {"canceled_at", nullptr},
        {"cancellation_reason", nullptr},
        {"capture_method", capture_method},
        {"client_secret", id + "_secret_" + random_hex(12)},
        {"confirmation_method", "automatic"},
        {"created", now_seconds()},
        {"currency", currency},
        {"customer", nullptr},
        {"description", nullable(form.get("description"))},
        {"last_payment_error", nullptr},
        {"latest_charge", nullptr},
        {"livemode", false},
        {"metadata", metadata_json(metadata)},
        {"next_action", nullptr},
        {"on_behalf_of", nullptr},
        {"payment_method", payment_method ? payment_method->at("id") : json::value(nullptr)},
        {"payment_method_options", json::object{{"card", card_options}}},
        {"payment_method_types", json::array{"card"}},
        {"processing", nullptr},
        {"receipt_email", nullable(form.get("receipt_email"))},
        {"review", nullptr},
        {"setup_future_usage", nullptr},
        {"shipping", nullptr},
        {"statement_descriptor", nullable(form.get("statement_descriptor"))},
        {"statement_descriptor_suffix", nullable(form.get("statement_descriptor_suffix"))},
        {"status", payment_method ? "requires_confirmation" : "requires_payment_method"},
        {"transfer_data", nullptr},
        {"transfer_group", nullable(form.get("transfer_group"))}};
    if (!confirm) {
      session.save(intent);
      return Reply{200, intent};
    }
    if (!payment_method)
      throw invalid_request(
          "You cannot confirm this PaymentIntent because it's missing a payment method. Pass "
          "payment_method or payment_method_data[card][token].",
          "payment_method", "payment_intent_unexpected_state");

    json::object charge = new_charge(intent, *payment_method, multicapture_requested(intent));
    intent["latest_charge"] = charge.at("id");
    const CardBehaviour card = card_behaviour_from(behaviour);
    if (auto decline = decline_for(card)) {
      charge["status"] = "failed";
      charge["failure_code"] = "card_declined";
      charge["failure_message"] = decline->message;
      charge["outcome"] = outcome(false, decline->decline_code);
      auto error = card_error(decline->message, "card_declined", decline->decline_code);
      json::object last_error = error.body().at("error").as_object();
      last_error["charge"] = charge.at("id");
      last_error["payment_method"] = *payment_method;
      intent["last_payment_error"] = last_error;
      intent["status"] = "requires_payment_method";
      session.save(charge);
      session.save(intent);
      session.emit("charge.failed", charge);
      session.emit("payment_intent.payment_failed", intent);
      error.extra("charge", charge.at("id")).extra("payment_intent", intent);
      return Reply{402, error.body()};
    }

    charge["status"] = "succeeded";
    charge["paid"] = true;
    charge["outcome"] = outcome(true, {});
    if (capture_method == "manual") {
      intent["status"] = "requires_capture";
      intent["amount_capturable"] = amount;
      session.save(charge);
      session.save(intent);
      session.emit("payment_intent.amount_capturable_updated", intent);
      return Reply{200, expanded(intent, form, *payment_method)};
    }
    charge["captured"] = true;
    charge["amount_captured"] = amount;
    intent["status"] = "succeeded";
    intent["amount_received"] = amount;
    store::add_to_balance(session.sql(), store::kPlatform, currency, amount);
    session.save(charge);
    session.save(intent);
    session.emit("charge.succeeded", charge);
    session.emit("payment_intent.succeeded", intent);
    return Reply{200, expanded(intent, form, *payment_method)};
  });
}

Reply GatewayService::capture_payment_intent(const Call& call) {
  const Form& form = call.form;
  form.allow_only({"amount_to_capture", "final_capture", "metadata[", "statement_descriptor",
                   "statement_descriptor_suffix", "expand["});
  const auto amount_to_capture = form.optional_integer("amount_to_capture", 1, kMaxAmount);
  const bool final_capture = form.optional_bool("final_capture").value_or(true);
  const auto metadata = form.metadata();

  return write(call, [&](Session& session) {
    auto intent = session.load("payment_intent", call.id, "intent").body;
    const std::string status = text(intent, "status");
    if (status != "requires_capture")
      throw unexpected_state("captured", status, "requires_capture");
    const std::int64_t capturable = number(intent, "amount_capturable");
    const std::int64_t amount = amount_to_capture.value_or(capturable);
    if (amount > capturable)
      throw invalid_request("The amount to capture (" + std::to_string(amount) +
                                ") is greater than the amount capturable (" +
                                std::to_string(capturable) + ").",
                            "amount_to_capture", "amount_too_large");
    if (!final_capture && !multicapture_requested(intent))
      throw invalid_request(
          "final_capture=false needs multicapture: create the PaymentIntent with "
          "payment_method_options[card][request_multicapture]=if_available.",
          "final_capture");
    auto charge = session.load("charge", text(intent, "latest_charge"), "intent").body;
    const auto method = session.load("payment_method", text(intent, "payment_method"), "intent");
    const CardBehaviour card = card_behaviour_from(method.behaviour);
    if (card == CardBehaviour::fail_capture)
      throw card_error("Your card was declined.", "card_declined", "processing_error");

    const std::string currency = text(intent, "currency");
    charge["amount_captured"] = number(charge, "amount_captured") + amount;
    charge["captured"] = true;
    intent["amount_received"] = number(intent, "amount_received") + amount;
    const bool done = final_capture || amount == capturable;
    intent["amount_capturable"] = done ? 0 : capturable - amount;
    if (done) intent["status"] = "succeeded";
    merge_metadata(intent, metadata);
    store::add_to_balance(session.sql(), store::kPlatform, currency, amount);
    session.emit("charge.captured", charge);
    session.emit(done ? "payment_intent.succeeded" : "payment_intent.amount_capturable_updated",
                 intent);

    if (done && card == CardBehaviour::dispute) {
      const std::int64_t disputed = number(intent, "amount_received");
      json::object dispute{{"id", new_id("du_")},
                           {"object", "dispute"},
                           {"amount", disputed},
                           {"balance_transactions", json::array{}},
                           {"charge", charge.at("id")},
                           {"created", now_seconds()},
                           {"currency", currency},
                           {"is_charge_refundable", false},
                           {"livemode", false},
                           {"metadata", json::object{}},
                           {"payment_intent", intent.at("id")},
                           {"reason", "fraudulent"},
                           {"status", "needs_response"},
                           {"evidence", no_evidence()},
                           {"evidence_details",
                            json::object{{"due_by", now_seconds() + kEvidenceDays * kSecondsPerDay},
                                         {"has_evidence", false},
                                         {"past_due", false},
                                         {"submission_count", 0}}}};
      charge["disputed"] = true;
      // As at Stripe, the disputed amount leaves the balance when the dispute opens.
      store::add_to_balance(session.sql(), store::kPlatform, currency, -disputed);
      session.save(dispute);
      session.emit("charge.dispute.created", dispute);
    }
    session.save(charge);
    session.save(intent);
    return Reply{200, intent};
  });
}

Reply GatewayService::cancel_payment_intent(const Call& call) {
  const Form& form = call.form;
  form.allow_only({"cancellation_reason", "expand["});
  const auto reason = form.optional_enum(
      "cancellation_reason", {"duplicate", "fraudulent", "requested_by_customer", "abandoned"});

  return write(call, [&](Session& session) {
    auto intent = session.load("payment_intent", call.id, "intent").body;
    const std::string status = text(intent, "status");
    static const std::set<std::string> cancelable{"requires_payment_method", "requires_capture",
                                                  "requires_confirmation", "requires_action",
                                                  "processing"};
    if (!cancelable.contains(status))
      throw invalid_request("You cannot cancel this PaymentIntent because it has a status of " +
                                status +
                                ". Only a PaymentIntent with one of the following statuses may "
                                "be canceled: requires_payment_method, requires_capture, "
                                "requires_confirmation, requires_action, processing.",
                            {}, "payment_intent_unexpected_state");
    intent["amount_capturable"] = 0;
    if (number(intent, "amount_received") > 0) {
      // Part of a multicapture was captured: the rest is released and the
      // payment stands at what was captured.
      intent["status"] = "succeeded";
      session.save(intent);
      session.emit("payment_intent.succeeded", intent);
      return Reply{200, intent};
    }
    intent["status"] = "canceled";
    intent["canceled_at"] = now_seconds();
    intent["cancellation_reason"] = nullable(reason);
    session.save(intent);
    session.emit("payment_intent.canceled", intent);
    return Reply{200, intent};
  });
}

// --- disputes -----------------------------------------------------------

// Closes a dispute: lost keeps the amount with the buyer; won gives it back
// to the platform's balance (Stripe's funds_reinstated).
void GatewayService::close_dispute_as(Session& session, json::object& dispute,
                                      const std::string& outcome) {
  dispute["status"] = outcome;
  session.save(dispute);
  session.emit("charge.dispute.closed", dispute);
  if (outcome != "won") return;
  store::add_to_balance(session.sql(), store::kPlatform, text(dispute, "currency"),
                        number(dispute, "amount"));
  session.emit("charge.dispute.funds_reinstated", dispute);
}

// Evidence for the bank, staged or (submit, the default) submitted. In test
// mode, as at Stripe, submitted uncategorized_text "winning_evidence" wins
// the dispute at once and "losing_evidence" loses it; other evidence leaves
// it under review.
Reply GatewayService::update_dispute(const Call& call) {
  const Form& form = call.form;
  std::vector<std::string> allowed{"metadata[", "submit", "expand["};
  for (const auto& field : kEvidenceText)
    allowed.push_back("evidence[" + std::string(field.name) + "]");
  form.allow_only(allowed);
  std::map<std::string, std::string> evidence;
  for (const auto& field : kEvidenceText)
    if (auto value =
            form.optional_string("evidence[" + std::string(field.name) + "]", field.max_length))
      evidence[field.name] = std::move(*value);
  const bool submit = form.optional_bool("submit").value_or(true);
  const auto metadata = form.metadata();

  return write(call, [&](Session& session) {
    auto dispute = session.load("dispute", call.id, "id").body;
    require_response_awaited(dispute, "updated");
    auto& stored = dispute["evidence"].as_object();
    for (const auto& [field, value] : evidence) stored[field] = value;
    merge_metadata(dispute, metadata);
    if (submit) {
      auto& details = dispute["evidence_details"].as_object();
      details["has_evidence"] = true;
      details["submission_count"] = number(details, "submission_count") + 1;
      dispute["status"] = "under_review";
    }
    session.save(dispute);
    session.emit("charge.dispute.updated", dispute);
    const auto test_outcome = text(stored, "uncategorized_text");
    if (submit && test_outcome == "winning_evidence") close_dispute_as(session, dispute, "won");
    if (submit && test_outcome == "losing_evidence") close_dispute_as(session, dispute, "lost");
    return Reply{200, dispute};
  });
}

// The platform accepts the dispute: it is lost.
Reply GatewayService::close_dispute(const Call& call) {
  call.form.allow_only({"expand["});
  return write(call, [&](Session& session) {
    auto dispute = session.load("dispute", call.id, "id").body;
    require_response_awaited(dispute, "closed");
    close_dispute_as(session, dispute, "lost");
    return Reply{200, dispute};
  });
}

// --- refunds ------------------------------------------------------------

Reply GatewayService::create_refund(const Call& call) {
  const Form& form = call.form;
  form.allow_only({"payment_intent", "charge", "amount", "reason", "metadata[",
                   "instructions_email", "expand["});
  const auto intent_id = form.optional_string("payment_intent", 255);
  const auto charge_id = form.optional_string("charge", 255);
  if (!intent_id && !charge_id)
    throw invalid_request(
        "One of the following params should be provided for this request: payment_intent or "
        "charge.",
        "payment_intent", "parameter_missing");
  const auto amount = form.optional_integer("amount", 1, kMaxAmount);
  const auto reason =
      form.optional_enum("reason", {"duplicate", "fraudulent", "requested_by_customer"});
  const auto metadata = form.metadata();

  return write(call, [&](Session& session) {
    std::string charge_ref = charge_id.value_or("");
    if (intent_id) {
      auto intent = session.load("payment_intent", *intent_id, "payment_intent").body;
      charge_ref = text(intent, "latest_charge");
      if (charge_ref.empty())
        throw invalid_request("This PaymentIntent does not have a successful charge to refund.",
                              "payment_intent");
    }
    auto charge = session.load("charge", charge_ref, intent_id ? "payment_intent" : "charge").body;
    const std::int64_t captured = number(charge, "amount_captured");
    const std::int64_t refunded = number(charge, "amount_refunded");
    const std::string charge_param = intent_id ? "payment_intent" : "charge";
    if (captured == 0)
      throw invalid_request("Charge " + text(charge, "id") +
                                " has not been captured; cancel its PaymentIntent to release "
                                "the authorization instead.",
                            charge_param);
    if (refunded >= captured)
      throw invalid_request("Charge " + text(charge, "id") + " has already been refunded.",
                            charge_param, "charge_already_refunded");
    const std::int64_t refund_amount = amount.value_or(captured - refunded);
    if (refund_amount > captured - refunded)
      throw invalid_request("Refund amount (" + std::to_string(refund_amount) +
                                ") is greater than unrefunded amount on charge (" +
                                std::to_string(captured - refunded) + ")",
                            "amount", "amount_too_large");

    const std::string currency = text(charge, "currency");
    json::object refund{{"id", new_id("re_")},
                        {"object", "refund"},
                        {"amount", refund_amount},
                        {"balance_transaction", nullptr},
                        {"charge", charge.at("id")},
                        {"created", now_seconds()},
                        {"currency", currency},
                        {"metadata", metadata_json(metadata)},
                        {"payment_intent", charge.at("payment_intent")},
                        {"reason", nullable(reason)},
                        {"receipt_number", nullptr},
                        {"source_transfer_reversal", nullptr},
                        {"status", "succeeded"},
                        {"transfer_reversal", nullptr}};
    charge["amount_refunded"] = refunded + refund_amount;
    charge["refunded"] = refunded + refund_amount == captured;
    store::add_to_balance(session.sql(), store::kPlatform, currency, -refund_amount);
    session.save(refund);
    session.save(charge);
    session.emit("refund.created", refund);
    session.emit("charge.refunded", charge);
    return Reply{200, refund};
  });
}

// --- connected accounts and money out -----------------------------------

Reply GatewayService::create_account(const Call& call) {
  const Form& form = call.form;
  form.allow_only({"type", "country", "email", "metadata[", "business_type", "capabilities[",
                   "business_profile[", "default_currency", "tos_acceptance[", "controller[",
                   "settings[", "expand["});
  if (call.account != store::kPlatform)
    throw invalid_request("Connected accounts cannot create accounts.", "Stripe-Account");
  const auto type =
      form.optional_enum("type", {"custom", "express", "standard"}).value_or("custom");
  std::string country = form.optional_string("country", 2).value_or("US");
  std::transform(country.begin(), country.end(), country.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (country.size() != 2) throw invalid_request("Invalid country: " + country, "country");
  const std::string currency = form.has("default_currency")
                                   ? form.required_currency("default_currency")
                                   : default_currency(country);
  const auto business_type = form.optional_enum(
      "business_type", {"individual", "company", "non_profit", "government_entity"});
  const auto metadata = form.metadata();
  // docs/gateway.md: metadata[gateway_payout_failure]=<failure_code> makes
  // every payout of the account fail with that code.
  const std::string payout_failure =
      metadata.contains("gateway_payout_failure") ? metadata.at("gateway_payout_failure") : "";

  return write(call, [&](Session& session) {
    json::object account{
        {"id", new_id("acct_")},
        {"object", "account"},
        {"business_type", nullable(business_type)},
        {"capabilities", json::object{{"card_payments", "active"}, {"transfers", "active"}}},
        {"charges_enabled", true},
        {"country", country},
        {"created", now_seconds()},
        {"default_currency", currency},
        {"details_submitted", true},
        {"email", nullable(form.get("email"))},
        {"metadata", metadata_json(metadata)},
        {"payouts_enabled", true},
        {"type", type}};
    session.save(account, store::kPlatform, payout_failure);
    session.emit("account.updated", account);
    return Reply{200, account};
  });
}

Reply GatewayService::create_transfer(const Call& call) {
  const Form& form = call.form;
  form.allow_only({"amount", "currency", "destination", "transfer_group", "metadata[",
                   "description", "expand["});
  if (call.account != store::kPlatform)
    throw invalid_request("Transfers are made from the platform's account: drop Stripe-Account.",
                          "Stripe-Account");
  const auto amount = form.required_integer("amount", 1, kMaxAmount);
  const auto currency = form.required_currency("currency");
  const auto destination = form.required_string("destination", 255);
  const auto metadata = form.metadata();

  return write(call, [&](Session& session) {
    session.load("account", destination, "destination");
    if (store::balance(session.sql(), store::kPlatform, currency) < amount)
      throw insufficient_balance();
    json::object transfer{{"id", new_id("tr_")},
                          {"object", "transfer"},
                          {"amount", amount},
                          {"amount_reversed", 0},
                          {"balance_transaction", nullptr},
                          {"created", now_seconds()},
                          {"currency", currency},
                          {"description", nullable(form.get("description"))},
                          {"destination", destination},
                          {"destination_payment", new_id("py_")},
                          {"livemode", false},
                          {"metadata", metadata_json(metadata)},
                          {"reversals", json::object{{"object", "list"},
                                                     {"data", json::array{}},
                                                     {"has_more", false},
                                                     {"url", "/v1/transfers/reversals"}}},
                          {"reversed", false},
                          {"source_transaction", nullptr},
                          {"source_type", "card"},
                          {"transfer_group", nullable(form.get("transfer_group"))}};
    store::add_to_balance(session.sql(), store::kPlatform, currency, -amount);
    store::add_to_balance(session.sql(), destination, currency, amount);
    session.save(transfer);
    session.emit("transfer.created", transfer);
    return Reply{200, transfer};
  });
}

Reply GatewayService::create_payout(const Call& call) {
  const Form& form = call.form;
  form.allow_only({"amount", "currency", "description", "metadata[", "method",
                   "statement_descriptor", "source_type", "expand["});
  const auto amount = form.required_integer("amount", 1, kMaxAmount);
  const auto currency = form.required_currency("currency");
  const auto method = form.optional_enum("method", {"standard", "instant"}).value_or("standard");
  const auto metadata = form.metadata();

  Reply reply = write(call, [&](Session& session) {
    if (store::balance(session.sql(), call.account, currency) < amount)
      throw insufficient_balance();
    const std::string bank = "ba_" + sha256_hex(call.account + "bank").substr(0, 24);
    json::object payout{{"id", new_id("po_")},
                        {"object", "payout"},
                        {"amount", amount},
                        {"application_fee", nullptr},
                        {"application_fee_amount", nullptr},
                        {"arrival_date", now_seconds() + kSecondsPerDay},
                        {"automatic", false},
                        {"balance_transaction", nullptr},
                        {"created", now_seconds()},
                        {"currency", currency},
                        {"description", nullable(form.get("description"))},
                        {"destination", bank},
                        {"failure_balance_transaction", nullptr},
                        {"failure_code", nullptr},
                        {"failure_message", nullptr},
                        {"livemode", false},
                        {"metadata", metadata_json(metadata)},
                        {"method", method},
                        {"original_payout", nullptr},
                        {"reconciliation_status", "not_applicable"},
                        {"reversed_by", nullptr},
                        {"source_type", "card"},
                        {"statement_descriptor", nullable(form.get("statement_descriptor"))},
                        {"status", "pending"},
                        {"type", "bank_account"}};
    store::add_to_balance(session.sql(), call.account, currency, -amount);
    session.save(payout, call.account);
    session.emit("payout.created", payout, call.account);
    return Reply{200, payout};
  });
  settle_pending_payouts();
  return reply;
}

void GatewayService::settle_pending_payouts() {
  const auto pending = database_.with_session(
      [](db::Connection& sql) { return store::ids_with_status(sql, "payout", "pending"); });
  for (const auto& id : pending) {
    const bool added = database_.transaction([&](db::Connection& sql) {
      auto payout = store::find_object(sql, id);
      if (!payout || text(payout->body, "status") != "pending") return false;
      std::string failure;
      if (payout->account != store::kPlatform)
        if (auto account = store::find_object(sql, payout->account)) failure = account->behaviour;
      Session session(sql, nullptr, webhooks_enabled_);
      auto& body = payout->body;
      if (failure.empty()) {
        body["status"] = "paid";
        session.save(body, payout->account);
        session.emit("payout.paid", body, payout->account);
        return true;
      }
      body["status"] = "failed";
      body["failure_code"] = failure;
      body["failure_message"] = payout_failure_message(failure);
      // A failed payout returns its money to the balance.
      store::add_to_balance(sql, payout->account, text(body, "currency"), number(body, "amount"));
      session.save(body, payout->account);
      session.emit("payout.failed", body, payout->account);
      return true;
    });
    if (added && events_added_) events_added_();
  }
}

Reply GatewayService::retrieve_balance(const Call& call) {
  return database_.with_session([&](db::Connection& sql) {
    json::array available, pending;
    auto entries = store::balances(sql, call.account);
    if (entries.empty()) entries.emplace_back("usd", 0);
    for (const auto& [currency, amount] : entries) {
      available.push_back(json::object{{"amount", amount},
                                       {"currency", currency},
                                       {"source_types", json::object{{"card", amount}}}});
      pending.push_back(json::object{
          {"amount", 0}, {"currency", currency}, {"source_types", json::object{{"card", 0}}}});
    }
    return Reply{200, json::object{{"object", "balance"},
                                   {"available", available},
                                   {"livemode", false},
                                   {"pending", pending}}};
  });
}

// --- reads --------------------------------------------------------------

Reply GatewayService::retrieve(const std::string& kind, const Call& call) {
  return database_.with_session([&](db::Connection& sql) {
    auto found = store::find_object(sql, call.id);
    const bool visible =
        found && found->kind == kind && (kind == "account" || found->account == call.account);
    if (!visible) throw no_such(kind, call.id);
    return Reply{200, found->body};
  });
}

Reply GatewayService::retrieve_event(const Call& call) {
  return database_.with_session([&](db::Connection& sql) {
    auto event = store::find_event(sql, call.id);
    if (!event) throw no_such("event", call.id);
    return Reply{200, *event};
  });
}

Reply GatewayService::list_events(int limit, const std::string& type,
                                  const std::string& starting_after) {
  return database_.with_session([&](db::Connection& sql) {
    auto events = store::list_events(sql, limit + 1, type, starting_after);
    const bool has_more = static_cast<int>(events.size()) > limit;
    if (has_more) events.pop_back();
    json::array data;
    for (auto& event : events) data.push_back(std::move(event));
    return Reply{
        200,
        json::object{
            {"object", "list"}, {"data", data}, {"has_more", has_more}, {"url", "/v1/events"}}};
  });
}

}  // namespace ps::gateway
