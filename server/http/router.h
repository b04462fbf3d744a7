#pragma once

#include "http/request.h"

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
  };

  void add(bhttp::verb method, std::string pattern, Handler handler);

  // Finds the handler for request.method() and request.path, filling
  // request.path_params. Throws ApiError 404 (no such path) or 405 (path
  // exists, method does not; with Allow).
  const Handler& resolve(Request& request) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;  // split patterns, parallel to routes_
};

}  // namespace ps::http
