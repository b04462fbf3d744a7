#include "accounts/routes.h"

#include "http/json_input.h"

namespace ps::accounts {

namespace {
using boost::asio::awaitable;
using http::JsonFields;
using http::Request;
using http::Response;

constexpr std::size_t kMinPassword = 8;
constexpr std::size_t kMaxPassword = 1024;  // argon2 cost grows with length
constexpr std::size_t kMaxEmail = 254;
constexpr std::size_t kMaxDisplayName = 80;

boost::json::object session_json(const SignedIn& signed_in) {
  return {{"user", to_json(signed_in.user)},
          {"access_token", signed_in.tokens.access_token},
          {"refresh_token", signed_in.tokens.refresh_token},
          {"token_type", "Bearer"},
          {"expires_in", signed_in.tokens.access_expires_in.count()}};
}

std::string read_email(JsonFields& fields) {
  const std::string raw = fields.required_string("email", 1, kMaxEmail);
  if (!fields.has("email") || raw.empty()) return {};
  std::string email = normalize_email(raw);
  if (email.empty()) fields.fail("email", "must be a valid email address");
  return email;
}

NewAccount read_new_account(const Request& request) {
  const auto body = http::parse_json_object(request);
  JsonFields fields(body);
  NewAccount account;
  account.email = read_email(fields);
  account.password =
      fields.required_string("password", kMinPassword, kMaxPassword, JsonFields::Trim::no);
  account.display_name = fields.required_string("display_name", 1, kMaxDisplayName);
  const auto role = fields.required_string("role", 1, 16);
  if (!role.empty()) {
    if (auto parsed = parse_role(role))
      account.role = *parsed;
    else
      fields.fail("role", "must be buyer or vendor");
  }
  fields.finish();
  return account;
}

std::string read_refresh_token(const Request& request) {
  const auto body = http::parse_json_object(request);
  JsonFields fields(body);
  std::string token = fields.required_string("refresh_token", 1, 256);
  fields.finish();
  return token;
}

}  // namespace

boost::json::object to_json(const User& user) {
  return {{"id", user.id},
          {"email", user.email},
          {"display_name", user.display_name},
          {"role", to_string(user.role)},
          {"created_at", to_rfc3339(user.created_at)}};
}

void add_routes(http::Router& router, AccountsService& accounts, const Authenticator& auth,
                WorkerPool& workers, LoginLimits limits) {
  using http::bhttp::verb;

  router.add(verb::post, "/api/auth/register",
             [&, limits](Request& request) -> awaitable<Response> {
               NewAccount account = read_new_account(request);
               limits.signups_per_client.enforce(request.client_address);
               auto signed_in = co_await workers.run(
                   request.request_id, [&] { return accounts.register_user(account); });
               co_return http::json_response(201, session_json(signed_in));
             });

  router.add(verb::post, "/api/auth/login", [&, limits](Request& request) -> awaitable<Response> {
    const auto body = http::parse_json_object(request);
    JsonFields fields(body);
    const std::string email = read_email(fields);
    const std::string password =
        fields.required_string("password", 1, kMaxPassword, JsonFields::Trim::no);
    fields.finish();
    limits.per_client.enforce(request.client_address);
    limits.per_email_and_client.enforce(email + ' ' + request.client_address);
    auto signed_in =
        co_await workers.run(request.request_id, [&] { return accounts.login(email, password); });
    co_return http::json_response(200, session_json(signed_in));
  });

  router.add(verb::post, "/api/auth/refresh", [&](Request& request) -> awaitable<Response> {
    const std::string token = read_refresh_token(request);
    auto signed_in =
        co_await workers.run(request.request_id, [&] { return accounts.refresh(token); });
    co_return http::json_response(200, session_json(signed_in));
  });

  router.add(verb::post, "/api/auth/logout", [&](Request& request) -> awaitable<Response> {
    const std::string token = read_refresh_token(request);
    co_await workers.run(request.request_id, [&] { accounts.logout(token); });
    co_return http::empty_response(204);
  });

  router.add(verb::get, "/api/me", [&](Request& request) -> awaitable<Response> {
    const User user = co_await auth.require_user(request);
    co_return http::json_response(200, to_json(user));
  });
}

}  // namespace ps::accounts
