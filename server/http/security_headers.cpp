#include "http/security_headers.h"

#include <boost/url/parse.hpp>

namespace ps::http {

std::string content_security_policy(std::string_view payment_gateway_origin) {
  std::string connect = "'self'";
  if (!payment_gateway_origin.empty()) connect += " " + std::string(payment_gateway_origin);
  return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
         "font-src 'self'; connect-src " +
         connect +
         "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}

std::string origin_of(std::string_view url) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed || (parsed->scheme() != "http" && parsed->scheme() != "https") ||
      parsed->host().empty())
    return {};
  std::string origin = std::string(parsed->scheme()) + "://" + std::string(parsed->encoded_host());
  if (parsed->has_port()) origin += ":" + std::string(parsed->port());
  return origin;
}

void add_security_headers(Response& response, std::string_view content_security_policy) {
  response.set("Content-Security-Policy", content_security_policy);
  response.set("X-Content-Type-Options", "nosniff");
  // frame-ancestors 'none' for browsers that predate CSP level 2.
  response.set(bhttp::field::x_frame_options, "DENY");
  response.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.set("Cross-Origin-Opener-Policy", "same-origin");
}

}  // namespace ps::http
