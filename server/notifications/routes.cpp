#include "notifications/routes.h"

#include "http/query_input.h"
#include "notifications/json.h"

#include <boost/json.hpp>

namespace ps::notifications {

namespace {
using boost::asio::awaitable;
using http::Request;
using http::Response;
}  // namespace

void add_routes(http::Router& router, NotificationsService& notifications,
                const accounts::Authenticator& auth, WorkerPool& workers) {
  using http::bhttp::verb;

  router.add(verb::get, "/api/me/notifications", [&](Request& request) -> awaitable<Response> {
    const auto user = co_await auth.require_user(request);
    http::QueryFields query(request);
    const auto page = query.page(20, 50);
    const bool unread_only = query.boolean("unread").value_or(false);
    query.finish();
    auto result = co_await workers.run(
        request.request_id, [&] { return notifications.list(user.id, unread_only, page); });
    co_return http::json_response(200, to_json(result, page));
  });

  router.add(verb::get, "/api/me/notifications/unread-count",
             [&](Request& request) -> awaitable<Response> {
               const auto user = co_await auth.require_user(request);
               const auto unread = co_await workers.run(
                   request.request_id, [&] { return notifications.unread_count(user.id); });
               co_return http::json_response(200, boost::json::object{{"unread", unread}});
             });

  router.add(
      verb::post, "/api/me/notifications/{id}/read", [&](Request& request) -> awaitable<Response> {
        const auto user = co_await auth.require_user(request);
        const auto id = request.id_param("id", "notification");
        co_await workers.run(request.request_id, [&] { notifications.mark_read(user.id, id); });
        co_return http::empty_response(204);
      });

  router.add(verb::post, "/api/me/notifications/read",
             [&](Request& request) -> awaitable<Response> {
               const auto user = co_await auth.require_user(request);
               const auto marked = co_await workers.run(
                   request.request_id, [&] { return notifications.mark_all_read(user.id); });
               co_return http::json_response(200, boost::json::object{{"marked", marked}});
             });
}

}  // namespace ps::notifications
