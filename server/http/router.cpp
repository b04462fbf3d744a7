#include "http/router.h"

#include "core/errors.h"

#include <algorithm>

namespace ps::http {

namespace {
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start < path.size()) {
    if (path[start] == '/') {
      ++start;
      continue;
    }
    const std::size_t end = std::min(path.find('/', start), path.size());
    parts.push_back(path.substr(start, end - start));
    start = end;
  }
  return parts;
}

bool is_param(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool matches(const std::vector<std::string>& pattern, const std::vector<std::string_view>& path,
             std::vector<std::pair<std::string, std::string>>* params) {
  if (pattern.size() != path.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (is_param(pattern[i])) {
      if (params) params->emplace_back(pattern[i].substr(1, pattern[i].size() - 2), path[i]);
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  return true;
}
}  // namespace

void Router::add(bhttp::verb method, std::string pattern, Handler handler,
                 std::optional<std::size_t> max_body_bytes) {
  std::vector<std::string> segments;
  for (auto part : split_path(pattern)) segments.emplace_back(part);
  segments_.push_back(std::move(segments));
  routes_.push_back({method, std::move(pattern), std::move(handler), max_body_bytes});
}

// The route for (method, path); with several, the one with the most literal
// segments ("/api/shops/mine" beats "/api/shops/{slug}"). When none matches
// the method, `allow` collects the methods the path does support.
const Router::Route* Router::find(bhttp::verb method, std::string_view path,
                                  std::string* allow) const {
  const auto parts = split_path(path);
  const Route* best = nullptr;
  std::size_t best_literals = 0;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (!matches(segments_[i], parts, nullptr)) continue;
    const auto route_method = routes_[i].method;
    if (route_method == method ||
        (route_method == bhttp::verb::get && method == bhttp::verb::head)) {
      const auto literals = static_cast<std::size_t>(
          std::count_if(segments_[i].begin(), segments_[i].end(),
                        [](const std::string& s) { return !is_param(s); }));
      if (!best || literals > best_literals) {
        best = &routes_[i];
        best_literals = literals;
      }
    } else if (allow) {
      const std::string name(bhttp::to_string(route_method));
      if (allow->find(name) == std::string::npos) *allow += (allow->empty() ? "" : ", ") + name;
    }
  }
  return best;
}

const Handler& Router::resolve(Request& request) const {
  std::string allow;
  const Route* route = find(request.method(), request.path, &allow);
  if (!route) {
    const bool reads =
        request.method() == bhttp::verb::get || request.method() == bhttp::verb::head;
    if (allow.empty() && reads && fallback_) {
      request.route = "(web app)";
      return fallback_;
    }
    if (allow.empty()) throw ApiError::not_found("No resource at " + request.path);
    throw ApiError::method_not_allowed(allow);
  }
  request.path_params.clear();
  matches(segments_[route - routes_.data()], split_path(request.path), &request.path_params);
  request.route = route->pattern;
  return route->handler;
}

std::optional<std::size_t> Router::body_limit(bhttp::verb method, std::string_view path) const {
  const Route* route = find(method, path, nullptr);
  return route ? route->max_body_bytes : std::nullopt;
}

}  // namespace ps::http
