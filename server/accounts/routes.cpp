#include "accounts/routes.h"

#include "accounts/refresh_cookie.h"
#include "core/text.h"
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

// A session started or renewed: the refresh token goes into the cookie, and
// into the JSON body too for API clients, never for a browser client, whose
// scripts must not see it.
Response session_response(unsigned status, const Request& request, const SignedIn& signed_in,
                          std::chrono::seconds refresh_ttl) {
  boost::json::object body{{"user", to_json(signed_in.user)},
                           {"access_token", signed_in.tokens.access_token},
                           {"token_type", "Bearer"},
                           {"expires_in", signed_in.tokens.access_expires_in.count()}};
  if (!is_browser_client(request)) body["refresh_token"] = signed_in.tokens.refresh_token;
  Response response = http::json_response(status, body);
  response.set(http::bhttp::field::set_cookie,
               refresh_cookie(signed_in.tokens.refresh_token, refresh_ttl));
  return response;
}

std::string read_email(JsonFields& fields) {
  const std::string raw = fields.required_string("email", 1, kMaxEmail);
  if (!fields.has("email") || raw.empty()) return {};
  std::string email = normalize_email(raw);
  if (email.empty()) fields.fail("email", "must be a valid email address");
  return email;
}

// The name others see: one line of text.
std::string read_display_name(JsonFields& fields) {
  std::string name = fields.required_string("display_name", 1, kMaxDisplayName);
  if (text::has_control_characters(name))
    fields.fail("display_name", "must be one line of text, without control characters");
  return name;
}

// Throws ApiError 429 once the user's budget of password guesses is spent.
void count_password_check(const LoginLimits& limits, const User& user) {
  limits.password_checks_per_user.enforce(std::to_string(user.id));
}

NewAccount read_new_account(const Request& request) {
  const auto body = http::parse_json_object(request);
  JsonFields fields(body);
  NewAccount account;
  account.email = read_email(fields);
  account.password =
      fields.required_string("password", kMinPassword, kMaxPassword, JsonFields::Trim::no);
  account.display_name = read_display_name(fields);
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

std::string read_mailed_token(JsonFields& fields) {
  return fields.required_string("token", 1, 256, JsonFields::Trim::no);
}

std::string read_new_password(JsonFields& fields, const char* name) {
  return fields.required_string(name, kMinPassword, kMaxPassword, JsonFields::Trim::no);
}

std::string read_password(JsonFields& fields, const char* name) {
  return fields.required_string(name, 1, kMaxPassword, JsonFields::Trim::no);
}

// The same answer whether or not an account uses the address.
constexpr const char* kResetRequested =
    "If an account uses this address, a link to reset its password is on its way.";

struct PresentedToken {
  std::string token;  // empty when the cookie is missing
  bool from_cookie = false;
};

// API clients name the refresh token in a JSON body; a request without a
// body uses the browser's cookie, which only a same-origin request may.
PresentedToken presented_refresh_token(const Request& request) {
  if (!request.raw.body().empty()) return {read_refresh_token(request), false};
  require_same_origin(request);
  return {refresh_token_from_cookie(request), true};
}

}  // namespace

// Password reset, email verification and the settings behind the password.
void add_recovery_routes(http::Router& router, AccountsService& accounts, const Authenticator& auth,
                         WorkerPool& workers, LoginLimits limits);

boost::json::object to_json(const User& user) {
  return {{"id", user.id},
          {"email", user.email},
          {"display_name", user.display_name},
          {"role", to_string(user.role)},
          {"email_verified", user.email_verified},
          {"created_at", to_rfc3339(user.created_at)}};
}

void add_routes(http::Router& router, AccountsService& accounts, const Authenticator& auth,
                WorkerPool& workers, LoginLimits limits) {
  using http::bhttp::verb;

  router.add(verb::post, "/api/auth/register",
             [&, limits](Request& request) -> awaitable<Response> {
               NewAccount account = read_new_account(request);
               auto signed_in = co_await workers.run(request.request_id, [&] {
                 limits.signups_per_client.enforce(request.client_address);
                 return accounts.register_user(account);
               });
               co_return session_response(201, request, signed_in, accounts.refresh_ttl());
             });

  router.add(verb::post, "/api/auth/login", [&, limits](Request& request) -> awaitable<Response> {
    const auto body = http::parse_json_object(request);
    JsonFields fields(body);
    const std::string email = read_email(fields);
    const std::string password =
        fields.required_string("password", 1, kMaxPassword, JsonFields::Trim::no);
    fields.finish();
    auto signed_in = co_await workers.run(request.request_id, [&] {
      limits.per_client.enforce(request.client_address);
      limits.per_email_and_client.enforce(email + ' ' + request.client_address);
      return accounts.login(email, password);
    });
    co_return session_response(200, request, signed_in, accounts.refresh_ttl());
  });

  router.add(verb::post, "/api/auth/refresh", [&](Request& request) -> awaitable<Response> {
    const PresentedToken presented = presented_refresh_token(request);
    std::optional<SignedIn> signed_in;
    try {
      if (presented.token.empty()) throw ApiError::unauthorized("There is no session to renew.");
      signed_in = co_await workers.run(request.request_id, [&] {
        return accounts.refresh(presented.token, presented.from_cookie
                                                     ? accounts::TokenSource::cookie
                                                     : accounts::TokenSource::body);
      });
    } catch (ApiError& error) {
      // A refused cookie is deleted, so the browser stops sending it.
      if (presented.from_cookie) error.with_header("Set-Cookie", expired_refresh_cookie());
      throw;
    }
    co_return session_response(200, request, *signed_in, accounts.refresh_ttl());
  });

  router.add(verb::post, "/api/auth/logout", [&](Request& request) -> awaitable<Response> {
    const PresentedToken presented = presented_refresh_token(request);
    if (!presented.token.empty())
      co_await workers.run(request.request_id, [&] { accounts.logout(presented.token); });
    Response response = http::empty_response(204);
    response.set(http::bhttp::field::set_cookie, expired_refresh_cookie());
    co_return response;
  });

  router.add(verb::get, "/api/me", [&](Request& request) -> awaitable<Response> {
    const User user = co_await auth.require_user(request);
    co_return http::json_response(200, to_json(user));
  });

  router.add(verb::patch, "/api/me", [&](Request& request) -> awaitable<Response> {
    const User user = co_await auth.require_user(request);
    const auto body = http::parse_json_object(request);
    JsonFields fields(body);
    const std::string display_name = read_display_name(fields);
    fields.finish();
    const User renamed = co_await workers.run(request.request_id,
                                              [&] { return accounts.rename(user, display_name); });
    co_return http::json_response(200, to_json(renamed));
  });

  add_recovery_routes(router, accounts, auth, workers, limits);
}

void add_recovery_routes(http::Router& router, AccountsService& accounts, const Authenticator& auth,
                         WorkerPool& workers, LoginLimits limits) {
  using http::bhttp::verb;

  router.add(verb::post, "/api/auth/password-reset",
             [&, limits](Request& request) -> awaitable<Response> {
               const auto body = http::parse_json_object(request);
               JsonFields fields(body);
               const std::string email = read_email(fields);
               fields.finish();
               co_await workers.run(request.request_id, [&] {
                 limits.resets_per_client.enforce(request.client_address);
                 limits.resets_per_email.enforce(email);
                 accounts.request_password_reset(email);
               });
               co_return http::json_response(202, {{"detail", kResetRequested}});
             });

  router.add(
      verb::post, "/api/auth/password-reset/confirm", [&](Request& request) -> awaitable<Response> {
        const auto body = http::parse_json_object(request);
        JsonFields fields(body);
        const std::string token = read_mailed_token(fields);
        const std::string password = read_new_password(fields, "password");
        fields.finish();
        co_await workers.run(request.request_id, [&] { accounts.reset_password(token, password); });
        co_return http::empty_response(204);
      });

  router.add(verb::post, "/api/auth/verify-email", [&](Request& request) -> awaitable<Response> {
    const auto body = http::parse_json_object(request);
    JsonFields fields(body);
    const std::string token = read_mailed_token(fields);
    fields.finish();
    const User user =
        co_await workers.run(request.request_id, [&] { return accounts.verify_email(token); });
    co_return http::json_response(200, {{"user", to_json(user)}});
  });

  router.add(verb::post, "/api/me/verification-mail",
             [&, limits](Request& request) -> awaitable<Response> {
               const User user = co_await auth.require_user(request);
               co_await workers.run(request.request_id, [&] {
                 limits.verification_mails_per_user.enforce(std::to_string(user.id));
                 accounts.resend_verification(user);
               });
               co_return http::empty_response(202);
             });

  router.add(verb::post, "/api/me/password", [&, limits](Request& request) -> awaitable<Response> {
    const User user = co_await auth.require_user(request);
    const auto body = http::parse_json_object(request);
    JsonFields fields(body);
    const std::string current = read_password(fields, "current_password");
    const std::string next = read_new_password(fields, "new_password");
    fields.finish();
    const auto signed_in = co_await workers.run(request.request_id, [&] {
      count_password_check(limits, user);
      return accounts.change_password(user, current, next);
    });
    co_return session_response(200, request, signed_in, accounts.refresh_ttl());
  });

  router.add(verb::post, "/api/auth/logout-others",
             [&, limits](Request& request) -> awaitable<Response> {
               const User user = co_await auth.require_user(request);
               const auto body = http::parse_json_object(request);
               JsonFields fields(body);
               const std::string password = read_password(fields, "password");
               fields.finish();
               const auto signed_in = co_await workers.run(request.request_id, [&] {
                 count_password_check(limits, user);
                 return accounts.logout_others(user, password);
               });
               co_return session_response(200, request, signed_in, accounts.refresh_ttl());
             });

  router.add(verb::delete_, "/api/me", [&, limits](Request& request) -> awaitable<Response> {
    const User user = co_await auth.require_user(request);
    const auto body = http::parse_json_object(request);
    JsonFields fields(body);
    const std::string password = read_password(fields, "password");
    fields.finish();
    co_await workers.run(request.request_id, [&] {
      count_password_check(limits, user);
      accounts.delete_account(user, password);
    });
    Response response = http::empty_response(204);
    response.set(http::bhttp::field::set_cookie, expired_refresh_cookie());
    co_return response;
  });

  router.add(verb::post, "/api/me/email", [&, limits](Request& request) -> awaitable<Response> {
    const User user = co_await auth.require_user(request);
    const auto body = http::parse_json_object(request);
    JsonFields fields(body);
    const std::string password = read_password(fields, "password");
    const std::string email = read_email(fields);
    fields.finish();
    co_await workers.run(request.request_id, [&] {
      count_password_check(limits, user);
      accounts.request_email_change(user, password, email);
    });
    co_return http::empty_response(202);
  });
}

}  // namespace ps::accounts
