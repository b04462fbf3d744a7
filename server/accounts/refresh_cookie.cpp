#include "accounts/refresh_cookie.h"

#include "core/errors.h"

#include <fmt/format.h>
#include <boost/beast/core/string.hpp>

#include <optional>

namespace ps::accounts {

namespace {
constexpr std::size_t kMaxTokenLength = 256;

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// The value of cookie `name` in one Cookie header ("a=1; b=2"), if present.
std::optional<std::string_view> find_cookie(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto end = header.find(';');
    const std::string_view pair = trim(header.substr(0, end));
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && trim(pair.substr(0, equals)) == name)
      return trim(pair.substr(equals + 1));
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return std::nullopt;
}

ApiError csrf_rejected(std::string detail) {
  return ApiError(ErrorCode::csrf_rejected, std::move(detail));
}
}  // namespace

std::string refresh_cookie(std::string_view token, std::chrono::seconds max_age) {
  return fmt::format("{}={}; Path={}; Max-Age={}; HttpOnly; Secure; SameSite=Strict",
                     kRefreshCookieName, token, kRefreshCookiePath, max_age.count());
}

std::string expired_refresh_cookie() { return refresh_cookie("", std::chrono::seconds(0)); }

std::string refresh_token_from_cookie(const http::Request& request) {
  const auto [first, last] = request.raw.equal_range(http::bhttp::field::cookie);
  for (auto field = first; field != last; ++field) {
    const auto value = find_cookie(std::string_view(field->value()), kRefreshCookieName);
    if (value && value->size() <= kMaxTokenLength) return std::string(*value);
  }
  return {};
}

bool is_browser_client(const http::Request& request) {
  return !request.header(kBrowserClientHeader).empty();
}

void require_same_origin(const http::Request& request) {
  if (!is_browser_client(request))
    throw csrf_rejected(
        fmt::format("A request that uses the session cookie must send {}.", kBrowserClientHeader));
  const std::string_view site = request.header("Sec-Fetch-Site");
  if (!site.empty() && !boost::beast::iequals(site, "same-origin") &&
      !boost::beast::iequals(site, "none"))
    throw csrf_rejected("The session cookie is only accepted from this site's own pages.");
}

}  // namespace ps::accounts
