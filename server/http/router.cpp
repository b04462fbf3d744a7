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

void Router::add(bhttp::verb method, std::string pattern, Handler handler) {
  std::vector<std::string> segments;
  for (auto part : split_path(pattern)) segments.emplace_back(part);
  segments_.push_back(std::move(segments));
  routes_.push_back({method, std::move(pattern), std::move(handler)});
}

const Handler& Router::resolve(Request& request) const {
  const auto path = split_path(request.path);
  const Route* best = nullptr;
  std::size_t best_literals = 0;
  std::string allow;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (!matches(segments_[i], path, nullptr)) continue;
    const auto method = routes_[i].method;
    if (method == request.method() ||
        (method == bhttp::verb::get && request.method() == bhttp::verb::head)) {
      // "/api/shops/mine" beats "/api/shops/{slug}": more literal segments win.
      const auto literals = static_cast<std::size_t>(
          std::count_if(segments_[i].begin(), segments_[i].end(),
                        [](const std::string& s) { return !is_param(s); }));
      if (!best || literals > best_literals) {
        best = &routes_[i];
        best_literals = literals;
      }
      continue;
    }
    const std::string name(bhttp::to_string(method));
    if (allow.find(name) == std::string::npos) allow += (allow.empty() ? "" : ", ") + name;
  }
  if (best) {
    request.path_params.clear();
    matches(segments_[best - routes_.data()], path, &request.path_params);
    return best->handler;
  }
  if (allow.empty()) throw ApiError::not_found("No resource at " + request.path);
  throw ApiError::method_not_allowed(allow);
}

}  // namespace ps::http
