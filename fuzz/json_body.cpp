// JSON request bodies, through every route that reads one. The first byte
// picks the route; the rest is the body, sent as application/json by the
// caller the route expects (so the body is read, not refused at the door).
#include "fuzz/app_harness.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace {
using ps::fuzz::Caller;
using Verb = ps::http::bhttp::verb;

struct BodyRoute {
  Verb method;
  const char* target;  // placeholders: see AppHarness::expand
  Caller caller;
};

// Every route that parses a JSON body (server/*/routes.cpp).
constexpr std::array kRoutes{
    BodyRoute{Verb::post, "/api/auth/register", Caller::anonymous},
    BodyRoute{Verb::post, "/api/auth/login", Caller::anonymous},
    BodyRoute{Verb::post, "/api/auth/refresh", Caller::anonymous},
    BodyRoute{Verb::post, "/api/auth/logout", Caller::anonymous},
    BodyRoute{Verb::post, "/api/shops", Caller::vendor},
    BodyRoute{Verb::patch, "/api/shops/{shop}", Caller::vendor},
    BodyRoute{Verb::post, "/api/products", Caller::vendor},
    BodyRoute{Verb::patch, "/api/products/{product}", Caller::vendor},
    BodyRoute{Verb::post, "/api/cart/items", Caller::buyer},
    BodyRoute{Verb::put, "/api/cart/items/{product}", Caller::buyer},
    BodyRoute{Verb::post, "/api/cart/items", Caller::anonymous},  // guest cart
    BodyRoute{Verb::post, "/api/cart/merge", Caller::buyer},
    BodyRoute{Verb::post, "/api/checkout", Caller::buyer},
    BodyRoute{Verb::post, "/api/products/{product}/reviews", Caller::buyer},
    BodyRoute{Verb::patch, "/api/reviews/{review}", Caller::buyer},
    BodyRoute{Verb::post, "/api/reviews/{review}/reply", Caller::vendor},
    BodyRoute{Verb::post, "/api/orders/{paid_order}/cancel", Caller::buyer},
    BodyRoute{Verb::post, "/api/orders/{paid_order}/ship", Caller::vendor},
    BodyRoute{Verb::post, "/api/orders/{delivered_order}/refund", Caller::vendor},
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  auto& app = ps::fuzz::AppHarness::instance();
  const BodyRoute& route = kRoutes[data[0] % kRoutes.size()];
  std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
  // Answers of every kind are fine; only a 500 (any exception that is not an
  // ApiError) or a sanitizer report is a finding, and the harness crashes on it.
  app.call(route.method, app.expand(route.target), std::move(body), route.caller);
  return 0;
}
