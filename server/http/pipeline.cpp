#include "http/pipeline.h"

#include "core/random.h"
#include "db/failure.h"
#include "http/compression.h"
#include "http/problems.h"
#include "http/security_headers.h"

#include <spdlog/spdlog.h>
#include <boost/url/parse.hpp>

#include <chrono>

namespace ps::http {

namespace {
using Clock = std::chrono::steady_clock;

// PostgreSQL's error line, without the statement and its values after it.
std::string_view first_line(std::string_view text) { return text.substr(0, text.find('\n')); }

void parse_target(Request& request) {
  auto parsed = boost::urls::parse_origin_form(request.raw.target());
  if (!parsed) throw ApiError::bad_request("The request target is not a valid URL path.");
  request.path = parsed->path();
  request.query_params.clear();
  for (auto param : parsed->params()) request.query_params.emplace_back(param.key, param.value);
}

// API reads can be revalidated: a strong ETag over the (identity) body, and
// 304 Not Modified when the client already has it in either encoding.
void add_validators(const Request& request, Response& response) {
  const bool read = request.method() == bhttp::verb::get || request.method() == bhttp::verb::head;
  if (!read || response.result() != bhttp::status::ok || request.path.rfind("/api/", 0) != 0)
    return;
  if (response.find(bhttp::field::etag) == response.end())
    response.set(bhttp::field::etag, "\"" + digest_hex(response.body()) + "\"");
  if (response.find(bhttp::field::cache_control) == response.end())
    response.set(bhttp::field::cache_control, request.header(bhttp::field::authorization).empty()
                                                  ? "no-cache"
                                                  : "private, no-cache");
  if (if_none_match_matches(request.header(bhttp::field::if_none_match),
                            response[bhttp::field::etag])) {
    response.result(bhttp::status::not_modified);
    response.body().clear();
    response.erase(bhttp::field::content_type);
    response.prepare_payload();
  }
}

bool may_write(const Request& request) {
  const auto method = request.method();
  return method != bhttp::verb::get && method != bhttp::verb::head &&
         method != bhttp::verb::options;
}

double seconds_since(Clock::time_point started) {
  return std::chrono::duration<double>(Clock::now() - started).count();
}

// Seconds a client is asked to wait before retrying: about as long as the
// database layer waits between its own reconnection attempts.
constexpr const char* kRetryAfterUnavailable = "2";
constexpr const char* kRetryAfterReadOnly = "10";

// The one place a database failure becomes what the client is told; the
// database layer has logged what the operator needs (the path, the reason).
ApiError problem_for(const db::Failure& failure, const NamedConflicts& conflicts) {
  using Kind = db::Failure::Kind;
  switch (failure.kind()) {
    case Kind::unavailable:
      return ApiError(ErrorCode::database_unavailable,
                      "The database cannot be reached right now; nothing was changed. Retry "
                      "shortly.")
          .with_header("Retry-After", kRetryAfterUnavailable);
    case Kind::read_only:
      return ApiError(ErrorCode::database_read_only,
                      "The database cannot save changes right now; nothing was changed. Retry "
                      "later.")
          .with_header("Retry-After", kRetryAfterReadOnly);
    case Kind::disk_full:
      return ApiError(ErrorCode::insufficient_storage,
                      "The server has no space left to save this change; nothing was changed. "
                      "Retry later.");
    case Kind::transaction_conflict:
      return ApiError(ErrorCode::concurrent_change,
                      "A concurrent request was changing the same things; nothing was changed. "
                      "Send the request again.")
          .with_header("Retry-After", "1")
          .with_cause(std::string(first_line(failure.what())));
    case Kind::unique_violation:
      break;
  }
  if (auto named = conflicts.find(failure.constraint()); named != conflicts.end())
    return named->second;
  return ApiError(ErrorCode::concurrent_change,
                  "A concurrent request saved the same thing first; reload and try again.")
      .with_cause("unique constraint " + failure.constraint() + " has no named conflict");
}
}  // namespace

// Common to every answer: the request id, HEAD without a body, the access
// log line and the metrics.
void Pipeline::finish(Request& request, Response& response, double seconds) const {
  response.set("X-Request-Id", request.request_id);
  add_security_headers(response, content_security_policy_);
  if (request.method() == bhttp::verb::head) {
    const auto length = response.body().size();
    response.body().clear();
    response.content_length(length);
  }
  spdlog::info("access request_id={} client={} method={} path={} status={} bytes={} ms={:.2f}",
               request.request_id, request.client_address,
               std::string_view(bhttp::to_string(request.method())),
               request.path.empty() ? std::string_view(request.raw.target()) : request.path,
               response.result_int(), response.body().size(), seconds * 1000);
  metrics_.observe(request, response.result_int(), seconds);
}

// The client's answer; the private cause, if any, goes to the log only.
Response Pipeline::answer(const Request& request, const ApiError& error) const {
  if (!error.cause().empty())
    spdlog::warn("request_id={} problem={} cause={}", request.request_id,
                 problem_type(error.code()).slug, error.cause());
  return render_error_(error);
}

boost::asio::awaitable<Response> Pipeline::handle(Request& request) const {
  const auto started = Clock::now();
  Response response;
  try {
    parse_target(request);
    const Handler& handler = router_.resolve(request);
    response = co_await handler(request);
    if (after_write_ && may_write(request) && response.result_int() < 400)
      co_await after_write_(request, response);
    const bool gzip = negotiate_gzip(request, response);
    add_validators(request, response);
    if (gzip) use_gzip(response);
  } catch (const ApiError& error) {
    response = answer(request, error);
  } catch (const db::Failure& failure) {
    response = answer(request, problem_for(failure, conflicts_));
  } catch (const std::exception& error) {
    spdlog::error("request_id={} unhandled error: {}", request.request_id, error.what());
    response = render_error_(ApiError::internal());
  }
  finish(request, response, seconds_since(started));
  co_return response;
}

std::optional<std::size_t> Pipeline::body_limit(const RawRequest& request) const {
  auto parsed = boost::urls::parse_origin_form(request.target());
  if (!parsed) return std::nullopt;
  return router_.body_limit(request.method(), std::string(parsed->path()));
}

Response Pipeline::reject(Request& request, const ApiError& error) const {
  const auto started = Clock::now();
  Response response = answer(request, error);
  response.keep_alive(false);
  finish(request, response, seconds_since(started));
  return response;
}

}  // namespace ps::http
