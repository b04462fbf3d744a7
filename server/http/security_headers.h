#pragma once

#include "http/request.h"

#include <string_view>

namespace ps::http {

// The Content-Security-Policy of every response. The built web app loads
// only its own files (no inline script or style: Vite emits none, and React
// sets style props through the CSSOM, which style-src does not govern), its
// images come from /media, and it talks only to its own origin.
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'";

// Sets the browser hardening headers (CSP, nosniff, no framing, referrer
// policy, opener isolation) on a response: web app, API and media alike.
void add_security_headers(Response& response);

}  // namespace ps::http
