#include "mail/routes.h"

#include "http/json_input.h"
#include "http/query_input.h"
#include "mail/json.h"
#include "mail/unsubscribe.h"

namespace ps::mail {

namespace {
using boost::asio::awaitable;
using http::Request;
using http::Response;

constexpr std::size_t kMaxToken = 200;

std::string token_of(const Request& request) {
  const auto token = request.query("token");
  if (!token || token->empty() || token->size() > kMaxToken) throw unsubscribe_token_invalid();
  return std::string(*token);
}

Preferences preference_changes(const Request& request) {
  const auto body = http::parse_json_object(request);
  http::JsonFields fields(body);
  Preferences changes;
  for (const auto topic : kTopics)
    if (auto enabled = fields.optional_bool(topic)) changes[std::string(topic)] = *enabled;
  for (const auto& entry : body)
    if (!is_topic(entry.key())) fields.fail(entry.key(), "is not a notification topic");
  fields.finish();
  return changes;
}

void require_mailbox(const MailService& mail) {
  if (!mail.has_mailbox())
    throw ApiError::not_found(
        "The development mailbox exists only while mails are kept as files (no SMTP server "
        "configured).");
}

Response raw_message_response(const store::StoredMail& mail) {
  Response response{http::bhttp::status::ok, 11};
  response.set(http::bhttp::field::content_type, "message/rfc822");
  response.set(http::bhttp::field::content_disposition,
               "attachment; filename=\"mail-" + std::to_string(mail.id) + ".eml\"");
  response.body() = mail.raw_message;
  response.prepare_payload();
  return response;
}
}  // namespace

ApiError unsubscribe_token_invalid() {
  return ApiError(ErrorCode::unsubscribe_token_invalid,
                  "This unsubscribe link is not valid. Change your notification preferences in "
                  "your account instead.");
}

void add_routes(http::Router& router, MailService& mail, RequireUser require_user,
                WorkerPool& workers) {
  using http::bhttp::verb;

  // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the URL;
  // the token in the URL is all the proof, so the body is not read.
  router.add(verb::post, "/api/mail/unsubscribe", [&](Request& request) -> awaitable<Response> {
    const auto token = token_of(request);
    const bool done =
        co_await workers.run(request.request_id, [&] { return mail.unsubscribe(token); });
    if (!done) throw unsubscribe_token_invalid();
    co_return http::empty_response(204);
  });

  router.add(verb::get, "/api/me/notification-preferences",
             [&, require_user](Request& request) -> awaitable<Response> {
               const auto user_id = co_await require_user(request);
               auto preferences = co_await workers.run(request.request_id,
                                                       [&] { return mail.preferences(user_id); });
               co_return http::json_response(200, to_json(preferences));
             });

  router.add(verb::put, "/api/me/notification-preferences",
             [&, require_user](Request& request) -> awaitable<Response> {
               const auto user_id = co_await require_user(request);
               const auto changes = preference_changes(request);
               auto preferences = co_await workers.run(
                   request.request_id, [&] { return mail.set_preferences(user_id, changes); });
               co_return http::json_response(200, to_json(preferences));
             });

  router.add(verb::get, "/api/dev/mailbox", [&](Request& request) -> awaitable<Response> {
    require_mailbox(mail);
    http::QueryFields query(request);
    const auto page = query.page(20, 100);
    query.finish();
    auto mails = co_await workers.run(request.request_id, [&] { return mail.mailbox(page); });
    co_return http::json_response(200, to_json(mails, page));
  });

  router.add(verb::get, "/api/dev/mailbox/{id}", [&](Request& request) -> awaitable<Response> {
    require_mailbox(mail);
    const auto id = request.id_param("id", "mail");
    auto found = co_await workers.run(request.request_id, [&] { return mail.mailbox_mail(id); });
    if (!found) throw ApiError::not_found("There is no such mail.");
    co_return http::json_response(200, to_json(*found));
  });

  router.add(verb::get, "/api/dev/mailbox/{id}/raw", [&](Request& request) -> awaitable<Response> {
    require_mailbox(mail);
    const auto id = request.id_param("id", "mail");
    auto found = co_await workers.run(request.request_id, [&] { return mail.mailbox_mail(id); });
    if (!found) throw ApiError::not_found("There is no such mail.");
    co_return raw_message_response(*found);
  });
}

}  // namespace ps::mail
