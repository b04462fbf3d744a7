#pragma once

#include "core/errors.h"
#include "http/metrics.h"
#include "http/problems.h"
#include "http/request.h"
#include "http/router.h"
#include "http/security_headers.h"

#include <functional>
#include <map>
#include <string>

namespace ps::http {

// The conflict each unique constraint stands for, by constraint name in
// PostgreSQL's default naming (db::Failure::constraint()), e.g.
// "shops_slug_key" -> 409 /problems/shop-slug-taken. Unnamed ones answer a
// plain /problems/conflict.
using NamedConflicts = std::map<std::string, ApiError, std::less<>>;

// How errors are answered: problem+json for the shop's API; another shape for
// a server that speaks someone else's protocol (the test gateway).
using ErrorRenderer = std::function<Response(const ApiError&)>;

// Runs after a request that may have written (not GET, HEAD or OPTIONS) was
// answered with success, before the response leaves: e.g. to name the
// database position its writes reached (http/read_after.h).
using AfterWrite = std::function<boost::asio::awaitable<void>(const Request&, Response&)>;

// What every request goes through around its route handler: URL parsing,
// routing (404/405), turning errors into problem+json (database failures
// included: 503, 507, named 409s), the X-Request-Id header, HEAD handling
// and the access log.
class Pipeline {
 public:
  Pipeline(
      const Router& router, Metrics& metrics, NamedConflicts conflicts = {},
      ErrorRenderer render_error = [](const ApiError& error) { return problem_response(error); })
      : router_(router),
        metrics_(metrics),
        conflicts_(std::move(conflicts)),
        render_error_(std::move(render_error)) {}

  // Never throws: failures become problem+json responses.
  boost::asio::awaitable<Response> handle(Request& request) const;

  // The body limit of the route that will serve this request, when it has
  // its own (decided from the headers, before the body is read).
  std::optional<std::size_t> body_limit(const RawRequest& request) const;

  // A response for a request the server refused before routing (malformed,
  // too large, ...). Logged like any other.
  Response reject(Request& request, const ApiError& error) const;

  // Before serving: the Content-Security-Policy every response carries.
  void set_content_security_policy(std::string policy) {
    content_security_policy_ = std::move(policy);
  }

  // Before serving: what runs after each successful write (none by default).
  void set_after_write(AfterWrite after_write) { after_write_ = std::move(after_write); }

 private:
  void finish(Request& request, Response& response, double seconds) const;
  Response answer(const Request& request, const ApiError& error) const;

  const Router& router_;
  Metrics& metrics_;
  NamedConflicts conflicts_;
  ErrorRenderer render_error_;
  std::string content_security_policy_ = content_security_policy();
  AfterWrite after_write_;
};

}  // namespace ps::http
