#include "reviews/routes.h"

#include "http/json_input.h"
#include "http/query_input.h"
#include "reviews/json.h"

#include <boost/json.hpp>

namespace ps::reviews {

namespace {
using boost::asio::awaitable;
using http::JsonFields;
using http::Request;
using http::Response;

// A shop's reply, as POST and PUT .../reply take it: {"body": "..."}.
std::string read_reply(const Request& request) {
  const auto body = http::parse_json_object(request);
  JsonFields fields(body);
  auto text = fields.required_string("body", 1, 4000);
  fields.finish();
  return text;
}

}  // namespace

void add_routes(http::Router& router, ReviewsService& reviews, const accounts::Authenticator& auth,
                WorkerPool& workers) {
  using http::bhttp::verb;

  router.add(verb::get, "/api/products/{id}/reviews", [&](Request& request) -> awaitable<Response> {
    const auto product_id = request.id_param("id", "product");
    http::QueryFields query(request);
    const auto page = query.page(10, 50);
    query.finish();
    const auto viewer = co_await auth.optional_user(request);
    std::optional<std::int64_t> viewer_id;
    if (viewer) viewer_id = viewer->id;
    auto result = co_await workers.run(
        request.request_id, [&] { return reviews.for_product(product_id, viewer_id, page); });
    co_return http::json_response(200, to_json(result, page));
  });

  router.add(verb::get, "/api/products/{id}/review-eligibility",
             [&](Request& request) -> awaitable<Response> {
               const auto product_id = request.id_param("id", "product");
               const auto viewer = co_await auth.optional_user(request);
               std::optional<std::int64_t> viewer_id;
               if (viewer) viewer_id = viewer->id;
               auto eligibility = co_await workers.run(
                   request.request_id, [&] { return reviews.eligibility(product_id, viewer_id); });
               co_return http::json_response(200, to_json(eligibility));
             });

  router.add(
      verb::post, "/api/products/{id}/reviews", [&](Request& request) -> awaitable<Response> {
        const auto user = co_await auth.require_user(request);
        const auto product_id = request.id_param("id", "product");
        const auto body = http::parse_json_object(request);
        JsonFields fields(body);
        const auto rating = static_cast<int>(fields.required_integer("rating", 1, 5));
        const auto text = fields.required_string("body", 1, 4000);
        fields.finish();
        auto review = co_await workers.run(
            request.request_id, [&] { return reviews.create(user.id, product_id, rating, text); });
        co_return http::json_response(201, to_json(review));
      });

  router.add(verb::patch, "/api/reviews/{id}", [&](Request& request) -> awaitable<Response> {
    const auto user = co_await auth.require_user(request);
    const auto review_id = request.id_param("id", "review");
    const auto body = http::parse_json_object(request);
    JsonFields fields(body);
    ReviewInput input;
    if (auto rating = fields.optional_integer("rating", 1, 5))
      input.rating = static_cast<int>(*rating);
    input.body = fields.optional_string("body", 1, 4000);
    fields.finish();
    auto review = co_await workers.run(request.request_id,
                                       [&] { return reviews.update(user.id, review_id, input); });
    co_return http::json_response(200, to_json(review));
  });

  router.add(verb::delete_, "/api/reviews/{id}", [&](Request& request) -> awaitable<Response> {
    const auto user = co_await auth.require_user(request);
    const auto review_id = request.id_param("id", "review");
    co_await workers.run(request.request_id, [&] { reviews.remove(user.id, review_id); });
    co_return http::empty_response(204);
  });

  router.add(verb::post, "/api/reviews/{id}/reply", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    const auto review_id = request.id_param("id", "review");
    const auto text = read_reply(request);
    auto review = co_await workers.run(request.request_id,
                                       [&] { return reviews.reply(vendor.id, review_id, text); });
    co_return http::json_response(201, to_json(review));
  });

  router.add(verb::put, "/api/reviews/{id}/reply", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    const auto review_id = request.id_param("id", "review");
    const auto text = read_reply(request);
    auto review = co_await workers.run(
        request.request_id, [&] { return reviews.edit_reply(vendor.id, review_id, text); });
    co_return http::json_response(200, to_json(review));
  });

  router.add(verb::delete_, "/api/reviews/{id}/reply",
             [&](Request& request) -> awaitable<Response> {
               const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
               const auto review_id = request.id_param("id", "review");
               co_await workers.run(request.request_id,
                                    [&] { reviews.remove_reply(vendor.id, review_id); });
               co_return http::empty_response(204);
             });
}

}  // namespace ps::reviews
