#include "accounts/refresh_cookie.h"

#include "core/errors.h"
#include "http/cookies.h"

#include <fmt/format.h>
#include <boost/beast/core/string.hpp>

#include <optional>

namespace ps::accounts {

namespace {
constexpr std::size_t kMaxTokenLength = 256;

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
    const auto value = http::find_cookie(std::string_view(field->value()), kRefreshCookieName);
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
