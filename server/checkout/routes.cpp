#include "checkout/routes.h"

#include "checkout/json.h"
#include "http/json_input.h"

#include <boost/json.hpp>

namespace ps::checkout {

namespace {
using boost::asio::awaitable;
using http::JsonFields;
using http::Request;
using http::Response;

constexpr std::size_t kMaxIdempotencyKey = 255;

// Reads a nested object's fields, reporting errors as "object.field".
class NestedFields {
 public:
  NestedFields(const boost::json::object& body, std::string_view name, JsonFields& parent)
      : name_(name), parent_(parent) {
    const auto* value = body.if_contains(name);
    if (!value || !value->is_object()) {
      parent.fail(name, value ? "must be an object" : "is required");
      return;
    }
    object_ = value->as_object();
  }
  JsonFields& fields() { return fields_; }
  // Copies the nested problems into the parent, prefixed.
  void finish() {
    try {
      fields_.finish();
    } catch (const ApiError& error) {
      for (const auto& [field, messages] : error.field_errors())
        for (const auto& message : messages) parent_.fail(name_ + "." + field, message);
    }
  }

 private:
  std::string name_;
  JsonFields& parent_;
  boost::json::object object_;
  JsonFields fields_{object_};
};

payments::CardDetails read_card(const boost::json::object& body, JsonFields& fields) {
  NestedFields card(body, "card", fields);
  payments::CardDetails details;
  auto number = card.fields().required_string("number", 1, 30);
  number.erase(
      std::remove_if(number.begin(), number.end(), [](char c) { return c == ' ' || c == '-'; }),
      number.end());
  if (!number.empty() && (number.find_first_not_of("0123456789") != std::string::npos ||
                          number.size() < 12 || number.size() > 19))
    card.fields().fail("number", "must be 12 to 19 digits");
  details.number = number;
  details.exp_month = static_cast<int>(card.fields().required_integer("exp_month", 1, 12));
  details.exp_year = static_cast<int>(card.fields().required_integer("exp_year", 2000, 2100));
  details.cvc = card.fields().required_string("cvc", 1, 4);
  card.finish();
  return details;
}

ShippingAddress read_address(const boost::json::object& body, JsonFields& fields) {
  NestedFields address(body, "shipping_address", fields);
  auto& f = address.fields();
  ShippingAddress result{f.required_string("name", 1, 100),
                         f.required_string("line1", 1, 200),
                         f.optional_string("line2", 0, 200).value_or(""),
                         f.required_string("city", 1, 100),
                         f.required_string("postal_code", 1, 20),
                         f.required_string("country", 2, 2)};
  std::transform(result.country.begin(), result.country.end(), result.country.begin(), ::toupper);
  address.finish();
  return result;
}
}  // namespace

void add_routes(http::Router& router, CheckoutService& checkout,
                const accounts::Authenticator& auth, WorkerPool& workers,
                http::RateLimiter& per_user) {
  router.add(
      http::bhttp::verb::post, "/api/checkout", [&](Request& request) -> awaitable<Response> {
        const auto buyer = co_await auth.require_user(request);
        per_user.enforce(std::to_string(buyer.id));
        CheckoutRequest input;
        input.buyer_id = buyer.id;
        input.buyer_name = buyer.display_name;
        input.idempotency_key = std::string(request.header("Idempotency-Key"));
        if (input.idempotency_key.size() > kMaxIdempotencyKey)
          throw ApiError::validation({{"Idempotency-Key", {"must be at most 255 characters"}}});
        const auto body = http::parse_json_object(request);
        JsonFields fields(body);
        input.card = read_card(body, fields);
        input.address = read_address(body, fields);
        fields.finish();

        auto placed =
            co_await workers.run(request.request_id, [&] { return checkout.checkout(input); });
        co_return http::json_response(201, to_json(placed));
      });
}

}  // namespace ps::checkout
