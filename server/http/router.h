#pragma once

#include "http/request.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ps::http {

// Maps (method, path) to a handler. Patterns are literal segments and
// {name} parameters, e.g. "/api/shops/{slug}/products".
class Router {
 public:
  struct Route {
    bhttp::verb method;
    std::string pattern;
    Handler handler;
    std::optional<std::size_t> max_body_bytes;  // overrides the server's limit (uploads)
  };

  void add(bhttp::verb method, std::string pattern, Handler handler,
           std::optional<std::size_t> max_body_bytes = std::nullopt);

  // Serves GET and HEAD requests for paths no route knows (the web app).
  void set_fallback(Handler handler) { fallback_ = std::move(handler); }

  // The body limit of the route that would serve (method, path), if it has its own.
  std::optional<std::size_t> body_limit(bhttp::verb method, std::string_view path) const;

  // Finds the handler for request.method() and request.path, filling
  // request.path_params. Throws ApiError 404 (no such path) or 405 (path
  // exists, method does not; with Allow).
  const Handler& resolve(Request& request) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  const Route* find(bhttp::verb method, std::string_view path, std::string* allow) const;

  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;
  Handler fallback_;  // split patterns, parallel to routes_
};

}  // namespace ps::http
