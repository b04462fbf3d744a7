#include "messages/routes.h"

#include "http/json_input.h"
#include "http/query_input.h"
#include "messages/json.h"

#include <boost/json.hpp>

#include <limits>

namespace ps::messages {

namespace {
using boost::asio::awaitable;
using http::JsonFields;
using http::Request;
using http::Response;

constexpr std::size_t kMaxClientKey = 255;
constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();

// The body, the images and the client key (Idempotency-Key, or the body's
// client_key) of a message being sent; collects problems into `fields`.
NewMessage read_message(const Request& request, JsonFields& fields,
                        const boost::json::object& body) {
  NewMessage message;
  message.body = fields.required_string("body", 1, kMaxBodyLength);
  if (!message.body.empty())
    if (auto problem = body_problem(message.body); !problem.empty()) fields.fail("body", problem);
  if (const auto* images = body.if_contains("image_ids"); images && !images->is_null()) {
    if (!images->is_array()) {
      fields.fail("image_ids", "must be an array of image ids");
    } else if (images->as_array().size() > kMaxImagesPerMessage) {
      fields.fail("image_ids",
                  "must have at most " + std::to_string(kMaxImagesPerMessage) + " images");
    } else {
      for (const auto& id : images->as_array()) {
        if (!id.is_int64() || id.as_int64() < 1) {
          fields.fail("image_ids", "must be an array of image ids");
          break;
        }
        message.image_ids.push_back(id.as_int64());
      }
    }
  }
  message.client_key = std::string(request.header("Idempotency-Key"));
  if (message.client_key.empty())
    message.client_key = fields.optional_string("client_key", 1, kMaxClientKey).value_or("");
  if (message.client_key.size() > kMaxClientKey)
    fields.fail("Idempotency-Key", "must be at most 255 characters");
  return message;
}

// The body of a request that sends a message and nothing else.
NewMessage read_message_body(const Request& request) {
  const auto body = http::parse_json_object(request);
  JsonFields fields(body);
  auto message = read_message(request, fields, body);
  fields.finish();
  return message;
}

Response sent_response(const Sent& sent) {
  return http::json_response(sent.created ? 201 : 200, to_json(sent));
}
}  // namespace

void add_routes(http::Router& router, MessagesService& messages,
                const accounts::Authenticator& auth, WorkerPool& workers, MessageLimits limits) {
  using http::bhttp::verb;

  router.add(verb::get, "/api/conversations", [&](Request& request) -> awaitable<Response> {
    const auto user = co_await auth.require_user(request);
    http::QueryFields query(request);
    const auto page = query.page(20, 100);
    query.finish();
    auto result =
        co_await workers.run(request.request_id, [&] { return messages.list(user.id, page); });
    co_return http::json_response(200, to_json(result, page));
  });

  router.add(verb::post, "/api/conversations",
             [&, limits](Request& request) -> awaitable<Response> {
               const auto user = co_await auth.require_user(request);
               const auto body = http::parse_json_object(request);
               JsonFields fields(body);
               const auto shop_id = fields.required_integer("shop_id", 1, kMaxId);
               Subject subject;
               subject.product_id = fields.optional_integer("product_id", 1, kMaxId);
               subject.order_id = fields.optional_integer("order_id", 1, kMaxId);
               if (subject.product_id && subject.order_id)
                 fields.fail("order_id", "give a product or an order, not both");
               const auto message = read_message(request, fields, body);
               fields.finish();
               auto sent = co_await workers.run(request.request_id, [&] {
                 limits.conversations_per_user.enforce(std::to_string(user.id));
                 limits.messages_per_user.enforce(std::to_string(user.id));
                 return messages.start(user.id, shop_id, subject, message);
               });
               co_return sent_response(sent);
             });

  router.add(verb::get, "/api/conversations/{id}", [&](Request& request) -> awaitable<Response> {
    const auto user = co_await auth.require_user(request);
    const auto conversation_id = request.id_param("id", "conversation");
    http::QueryFields query(request);
    const auto page = query.page(50, 100);
    query.finish();
    auto thread = co_await workers.run(
        request.request_id, [&] { return messages.thread(user.id, conversation_id, page); });
    co_return http::json_response(200, to_json(thread, page));
  });

  router.add(verb::post, "/api/conversations/{id}/messages",
             [&, limits](Request& request) -> awaitable<Response> {
               const auto user = co_await auth.require_user(request);
               const auto conversation_id = request.id_param("id", "conversation");
               const auto message = read_message_body(request);
               auto sent = co_await workers.run(request.request_id, [&] {
                 limits.messages_per_user.enforce(std::to_string(user.id));
                 return messages.reply(user.id, conversation_id, message);
               });
               co_return sent_response(sent);
             });

  router.add(verb::post, "/api/orders/{id}/messages",
             [&, limits](Request& request) -> awaitable<Response> {
               const auto user = co_await auth.require_user(request);
               const auto order_id = request.id_param("id", "order");
               const auto message = read_message_body(request);
               auto sent = co_await workers.run(request.request_id, [&] {
                 limits.conversations_per_user.enforce(std::to_string(user.id));
                 limits.messages_per_user.enforce(std::to_string(user.id));
                 return messages.write_about_order(user.id, order_id, message);
               });
               co_return sent_response(sent);
             });

  router.add(verb::post, "/api/conversations/{id}/read",
             [&](Request& request) -> awaitable<Response> {
               const auto user = co_await auth.require_user(request);
               const auto conversation_id = request.id_param("id", "conversation");
               std::optional<std::int64_t> up_to;
               if (!request.raw.body().empty()) {
                 const auto body = http::parse_json_object(request);
                 JsonFields fields(body);
                 up_to = fields.optional_integer("message_id", 1, kMaxId);
                 fields.finish();
               }
               auto conversation = co_await workers.run(request.request_id, [&] {
                 return messages.mark_read(user.id, conversation_id, up_to);
               });
               co_return http::json_response(200, to_json(conversation));
             });

  router.add(verb::get, "/api/me/unread-messages", [&](Request& request) -> awaitable<Response> {
    const auto user = co_await auth.require_user(request);
    const auto count =
        co_await workers.run(request.request_id, [&] { return messages.unread_total(user.id); });
    co_return http::json_response(200, {{"count", count}});
  });
}

}  // namespace ps::messages
