#include "http/pipeline.h"

#include <spdlog/spdlog.h>
#include <boost/url/parse.hpp>

#include <chrono>

namespace ps::http {

namespace {
using Clock = std::chrono::steady_clock;

void parse_target(Request& request) {
  auto parsed = boost::urls::parse_origin_form(request.raw.target());
  if (!parsed) throw ApiError::bad_request("The request target is not a valid URL path.");
  request.path = parsed->path();
  request.query_params.clear();
  for (auto param : parsed->params()) request.query_params.emplace_back(param.key, param.value);
}

void finish(Request& request, Response& response, Clock::time_point started) {
  response.set("X-Request-Id", request.request_id);
  if (request.method() == bhttp::verb::head) {
    const auto length = response.body().size();
    response.body().clear();
    response.content_length(length);
  }
  const double millis = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  spdlog::info("access request_id={} client={} method={} path={} status={} bytes={} ms={:.2f}",
               request.request_id, request.client_address,
               std::string_view(bhttp::to_string(request.method())),
               request.path.empty() ? std::string_view(request.raw.target()) : request.path,
               response.result_int(), response.body().size(), millis);
}
}  // namespace

Response to_problem_response(const ApiError& error) {
  Response response = problem_response(error.status(), error.to_json());
  for (const auto& [name, value] : error.headers()) response.set(name, value);
  return response;
}

boost::asio::awaitable<Response> Pipeline::handle(Request& request) const {
  const auto started = Clock::now();
  Response response;
  try {
    parse_target(request);
    const Handler& handler = router_.resolve(request);
    response = co_await handler(request);
  } catch (const ApiError& error) {
    response = to_problem_response(error);
  } catch (const std::exception& error) {
    spdlog::error("request_id={} unhandled error: {}", request.request_id, error.what());
    response = to_problem_response(ApiError::internal());
  }
  finish(request, response, started);
  co_return response;
}

std::optional<std::size_t> Pipeline::body_limit(const RawRequest& request) const {
  auto parsed = boost::urls::parse_origin_form(request.target());
  if (!parsed) return std::nullopt;
  return router_.body_limit(request.method(), std::string(parsed->path()));
}

Response Pipeline::reject(Request& request, const ApiError& error) const {
  const auto started = Clock::now();
  Response response = to_problem_response(error);
  response.keep_alive(false);
  finish(request, response, started);
  return response;
}

}  // namespace ps::http
