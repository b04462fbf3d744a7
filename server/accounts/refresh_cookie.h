#pragma once

#include "http/request.h"

#include <chrono>
#include <string>
#include <string_view>

namespace ps::accounts {

// How a browser holds its refresh token: in a cookie no script can read
// (HttpOnly), sent only over HTTPS or to localhost (Secure), never with a
// request another site starts (SameSite=Strict), and only to /api/auth, whose
// refresh and logout routes read it.
inline constexpr std::string_view kRefreshCookieName = "pocketshop_refresh";
inline constexpr std::string_view kRefreshCookiePath = "/api/auth";

// The header a browser client sends on every /api/auth request: it marks the
// request as the app's own (a cross-site form cannot send it, and a
// cross-site fetch with it needs a CORS grant this server never gives), and
// keeps the refresh token out of the JSON answers it reads.
inline constexpr std::string_view kBrowserClientHeader = "X-Requested-With";

// Set-Cookie values that store the token for max_age, or delete the cookie.
std::string refresh_cookie(std::string_view token, std::chrono::seconds max_age);
std::string expired_refresh_cookie();

// The refresh token in the request's cookies; empty when there is none.
std::string refresh_token_from_cookie(const http::Request& request);

bool is_browser_client(const http::Request& request);

// CSRF protection of the cookie's routes: the request must carry
// kBrowserClientHeader, and, where the browser says where it comes from
// (Sec-Fetch-Site), come from this origin. ApiError 403 csrf-rejected else.
void require_same_origin(const http::Request& request);

}  // namespace ps::accounts
