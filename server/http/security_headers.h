#pragma once

#include "http/request.h"

#include <string>
#include <string_view>

namespace ps::http {

// The Content-Security-Policy of every response. The built web app loads
// only its own files (no inline script or style: Vite emits none, and React
// sets style props through the CSSOM, which style-src does not govern), its
// images come from /media, and it talks only to its own origin and, when
// given, the payment gateway's origin (the card goes there, never to us).
std::string content_security_policy(std::string_view payment_gateway_origin = {});

// The scheme, host and port of a URL ("https://api.stripe.com" of
// "https://api.stripe.com/v1/tokens"); empty when it is not an http(s) URL.
std::string origin_of(std::string_view url);

// Sets the browser hardening headers (CSP, nosniff, no framing, referrer
// policy, opener isolation) on a response: web app, API and media alike.
void add_security_headers(Response& response, std::string_view content_security_policy);

}  // namespace ps::http
