#include "checkout/routes.h"

#include "checkout/json.h"
#include "http/json_input.h"
#include "orders/json.h"

#include <boost/json.hpp>

namespace ps::checkout {

namespace {
using boost::asio::awaitable;
using http::JsonFields;
using http::Request;
using http::Response;

constexpr std::size_t kMaxIdempotencyKey = 255;
constexpr std::size_t kMaxPaymentToken = 255;

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
  void finish() { fields_.finish_into(parent_, name_); }

 private:
  std::string name_;
  JsonFields& parent_;
  boost::json::object object_;
  JsonFields fields_{object_};
};

// The card goes to the gateway, never here: a body that carries card details
// is refused before anything else is read, and without echoing any of it.
void refuse_card_data(const boost::json::object& body) {
  for (const char* field : {"card", "card_number", "number", "cvc", "cvv", "exp_month", "exp_year"})
    if (body.contains(field))
      throw ApiError(ErrorCode::card_data_refused,
                     "Card details are never sent to this server. Send the card to the payment "
                     "gateway's tokenizing endpoint (GET /api/payments/config says where) and "
                     "post the single-use token it returns as payment_token.")
          .with_member("expected", boost::json::string("payment_token"));
}

ShippingAddress read_address(const boost::json::object& body, JsonFields& fields) {
  NestedFields address(body, "shipping_address", fields);
  auto result = orders::read_shipping_address(address.fields());
  address.finish();
  return result;
}
}  // namespace

void add_routes(http::Router& router, CheckoutService& checkout,
                const accounts::Authenticator& auth, WorkerPool& payment_workers,
                http::RateLimiter& per_user, const CardTokenizing& tokenizing) {
  router.add(http::bhttp::verb::get, "/api/payments/config",
             [tokenizing](Request&) -> awaitable<Response> {
               co_return http::json_response(200,
                                             {{"provider", "stripe"},
                                              {"tokens_url", tokenizing.tokens_url},
                                              {"publishable_key", tokenizing.publishable_key}});
             });
  router.add(
      http::bhttp::verb::post, "/api/checkout", [&](Request& request) -> awaitable<Response> {
        const auto buyer = co_await auth.require_user(request);
        CheckoutRequest input;
        input.buyer_id = buyer.id;
        input.buyer_name = buyer.display_name;
        input.idempotency_key = std::string(request.header("Idempotency-Key"));
        if (input.idempotency_key.size() > kMaxIdempotencyKey)
          throw ApiError::validation({{"Idempotency-Key", {"must be at most 255 characters"}}});
        const auto body = http::parse_json_object(request);
        JsonFields fields(body);
        refuse_card_data(body);
        input.payment_token = fields.required_string("payment_token", 1, kMaxPaymentToken);
        input.address = read_address(body, fields);
        fields.finish();

        auto placed = co_await payment_workers.run(request.request_id, [&] {
          per_user.enforce(std::to_string(buyer.id));
          return checkout.checkout(input);
        });
        co_return http::json_response(201, to_json(placed));
      });
}

}  // namespace ps::checkout
