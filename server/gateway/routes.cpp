#include "gateway/routes.h"

#include "gateway/errors.h"
#include "gateway/store.h"

#include <sodium.h>

namespace ps::gateway {

namespace asio = boost::asio;
using http::bhttp::verb;

namespace {
constexpr std::size_t kMaxIdempotencyKey = 255;
constexpr int kDefaultListLimit = 10;
constexpr int kMaxListLimit = 100;

enum class KeyKind { secret, publishable_or_secret };

bool same(std::string_view given, const std::string& expected) {
  return given.size() == expected.size() &&
         sodium_memcmp(given.data(), expected.data(), given.size()) == 0;
}

// "sk_test_****abcd": Stripe's way of naming a wrong key without echoing it.
std::string redacted(std::string_view key) {
  const auto prefix_end = key.find('_', key.find('_') + 1);
  const std::string prefix(
      key.substr(0, prefix_end == std::string_view::npos ? 0 : prefix_end + 1));
  return prefix + "****" + std::string(key.substr(key.size() > 4 ? key.size() - 4 : key.size()));
}

// The key of "Bearer <key>", or of "Basic base64(<key>:)" as `curl -u <key>:`
// sends it (the form Stripe's reference uses); empty when there is none.
std::string api_key_of(std::string_view header) {
  constexpr std::string_view bearer = "Bearer ", basic = "Basic ";
  if (header.starts_with(bearer)) return std::string(header.substr(bearer.size()));
  if (!header.starts_with(basic)) return {};
  const std::string_view encoded = header.substr(basic.size());
  std::string decoded(encoded.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(decoded.data()), decoded.size(),
                        encoded.data(), encoded.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0)
    return {};
  decoded.resize(length);
  return decoded.substr(0, decoded.find(':'));
}

void authenticate(const http::Request& request, const ApiKeys& keys, KeyKind kind) {
  const std::string key = api_key_of(request.header(http::bhttp::field::authorization));
  if (key.empty())
    throw authentication_error(
        "You did not provide an API key. You need to provide your API key in the Authorization "
        "header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
  if (same(key, keys.secret)) return;
  if (same(key, keys.publishable)) {
    if (kind == KeyKind::publishable_or_secret) return;
    throw authentication_error(
        "This API call cannot be made with a publishable API key. Please use a secret API key.");
  }
  throw authentication_error("Invalid API Key provided: " + redacted(key));
}

Form parse_body(const http::Request& request) {
  const auto& body = request.raw.body();
  const std::string_view type = request.header(http::bhttp::field::content_type);
  if (!body.empty() && !type.starts_with("application/x-www-form-urlencoded"))
    throw invalid_request(
        "Invalid request: send the parameters form-encoded (Content-Type: "
        "application/x-www-form-urlencoded), as Stripe's API takes them.");
  return Form::parse(body);
}

Call make_call(const http::Request& request, bool with_body) {
  Call call;
  if (with_body) call.form = parse_body(request);
  call.account = std::string(request.header("Stripe-Account"));
  if (!call.account.empty() && !call.account.starts_with("acct_"))
    throw invalid_request("Invalid Stripe-Account header: " + call.account.substr(0, 60),
                          "Stripe-Account");
  if (request.method() == verb::post) {
    call.idempotency_key = std::string(request.header("Idempotency-Key"));
    if (call.idempotency_key.size() > kMaxIdempotencyKey)
      throw invalid_request("Idempotency-Key must be at most 255 characters.", "Idempotency-Key");
  }
  call.target = std::string(http::bhttp::to_string(request.method())) + " " + request.route;
  call.id = std::string(request.param("id"));
  return call;
}

void allow_cross_origin(http::Response& response) {
  response.set(http::bhttp::field::access_control_allow_origin, "*");
}

// One endpoint: authenticate, parse, one service call on a worker thread,
// errors in Stripe's shape (with CORS where the browser must read them).
template <class Serve>
http::Handler endpoint(const ApiKeys& keys, WorkerPool& workers, KeyKind kind, bool cors,
                       Serve serve) {
  return [keys, &workers, kind, cors,
          serve](http::Request& request) -> asio::awaitable<http::Response> {
    http::Response response;
    std::optional<Reply> reply;
    try {
      authenticate(request, keys, kind);
      const Call call = make_call(request, request.method() == verb::post);
      auto work = [&] { return serve(call, request); };
      reply = co_await workers.run(request.request_id, work);
    } catch (const ApiError& error) {
      response = render_error(error);
    }
    if (reply) {
      response = http::json_response(reply->status, reply->body);
      if (reply->replayed) response.set("Idempotent-Replayed", "true");
    }
    if (cors) allow_cross_origin(response);
    co_return response;
  };
}

int list_limit(const http::Request& request) {
  const auto text = request.query("limit");
  if (!text) return kDefaultListLimit;
  Form form = Form::parse("limit=" + std::string(*text));
  return static_cast<int>(form.required_integer("limit", 1, kMaxListLimit));
}
}  // namespace

void add_routes(http::Router& router, GatewayService& service, WorkerPool& workers,
                const ApiKeys& keys) {
  using Method = Reply (GatewayService::*)(const Call&);
  auto secret_post = [&](const char* path, Method method) {
    router.add(verb::post, path,
               endpoint(keys, workers, KeyKind::secret, false,
                        [&service, method](const Call& call, const http::Request&) {
                          return (service.*method)(call);
                        }));
  };
  auto secret_get = [&](const char* path, const char* kind) {
    router.add(
        verb::get, path,
        endpoint(keys, workers, KeyKind::secret, false,
                 [&service, kind = std::string(kind)](const Call& call, const http::Request&) {
                   return service.retrieve(kind, call);
                 }));
  };

  router.add(verb::post, "/v1/tokens",
             endpoint(keys, workers, KeyKind::publishable_or_secret, true,
                      [&service](const Call& call, const http::Request&) {
                        return service.create_token(call);
                      }));
  router.add(verb::options, "/v1/tokens", [](http::Request&) -> asio::awaitable<http::Response> {
    http::Response response = http::empty_response(204);
    allow_cross_origin(response);
    response.set(http::bhttp::field::access_control_allow_methods, "POST, OPTIONS");
    response.set(http::bhttp::field::access_control_allow_headers,
                 "Authorization, Content-Type, Idempotency-Key, Stripe-Account");
    response.set(http::bhttp::field::access_control_max_age, "600");
    co_return response;
  });

  secret_post("/v1/payment_methods", &GatewayService::create_payment_method);
  secret_post("/v1/payment_intents", &GatewayService::create_payment_intent);
  secret_get("/v1/payment_intents/{id}", "payment_intent");
  secret_post("/v1/payment_intents/{id}/capture", &GatewayService::capture_payment_intent);
  secret_post("/v1/payment_intents/{id}/cancel", &GatewayService::cancel_payment_intent);
  secret_get("/v1/charges/{id}", "charge");
  secret_get("/v1/payment_methods/{id}", "payment_method");
  secret_post("/v1/refunds", &GatewayService::create_refund);
  secret_get("/v1/refunds/{id}", "refund");
  secret_get("/v1/disputes/{id}", "dispute");
  secret_post("/v1/disputes/{id}", &GatewayService::update_dispute);
  secret_post("/v1/disputes/{id}/close", &GatewayService::close_dispute);

  secret_post("/v1/accounts", &GatewayService::create_account);
  secret_get("/v1/accounts/{id}", "account");
  secret_post("/v1/transfers", &GatewayService::create_transfer);
  secret_get("/v1/transfers/{id}", "transfer");
  secret_post("/v1/payouts", &GatewayService::create_payout);
  secret_get("/v1/payouts/{id}", "payout");
  router.add(verb::get, "/v1/balance",
             endpoint(keys, workers, KeyKind::secret, false,
                      [&service](const Call& call, const http::Request&) {
                        return service.retrieve_balance(call);
                      }));

  router.add(verb::get, "/v1/events/{id}",
             endpoint(keys, workers, KeyKind::secret, false,
                      [&service](const Call& call, const http::Request&) {
                        return service.retrieve_event(call);
                      }));
  router.add(verb::get, "/v1/events",
             endpoint(keys, workers, KeyKind::secret, false,
                      [&service](const Call&, const http::Request& request) {
                        return service.list_events(
                            list_limit(request), std::string(request.query("type").value_or("")),
                            std::string(request.query("starting_after").value_or("")));
                      }));
}

}  // namespace ps::gateway
