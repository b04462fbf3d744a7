#pragma once

#include "core/errors.h"
#include "http/metrics.h"
#include "http/request.h"
#include "http/router.h"

namespace ps::http {

// What every request goes through around its route handler: URL parsing,
// routing (404/405), turning errors into problem+json, the X-Request-Id
// header, HEAD handling and the access log.
class Pipeline {
 public:
  Pipeline(const Router& router, Metrics& metrics) : router_(router), metrics_(metrics) {}

  // Never throws: failures become problem+json responses.
  boost::asio::awaitable<Response> handle(Request& request) const;

  // The body limit of the route that will serve this request, when it has
  // its own (decided from the headers, before the body is read).
  std::optional<std::size_t> body_limit(const RawRequest& request) const;

  // A response for a request the server refused before routing (malformed,
  // too large, ...). Logged like any other.
  Response reject(Request& request, const ApiError& error) const;

 private:
  void finish(Request& request, Response& response, double seconds) const;

  const Router& router_;
  Metrics& metrics_;
};

// Renders an ApiError as an RFC 9457 response (headers included).
Response to_problem_response(const ApiError& error);

}  // namespace ps::http
