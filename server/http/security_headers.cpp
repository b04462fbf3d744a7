#include "http/security_headers.h"

namespace ps::http {

void add_security_headers(Response& response) {
  response.set("Content-Security-Policy", kContentSecurityPolicy);
  response.set("X-Content-Type-Options", "nosniff");
  // frame-ancestors 'none' for browsers that predate CSP level 2.
  response.set(bhttp::field::x_frame_options, "DENY");
  response.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.set("Cross-Origin-Opener-Policy", "same-origin");
}

}  // namespace ps::http
