// Request targets: Boost.URL's origin-form parsing, the query-string readers
// (QueryFields, pages) and the search filters behind them, down to the SQL
// they build. The first byte picks a listing route and its query string is
// the rest; the last choice sends the rest as the whole target instead
// (routing and path parameters too).
#include "fuzz/app_harness.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace {
using ps::fuzz::Caller;

struct QueryRoute {
  const char* path;
  Caller caller;
};

// The GET routes that read query parameters (server/*/routes.cpp).
constexpr std::array kRoutes{
    QueryRoute{"/api/products", Caller::anonymous},
    QueryRoute{"/api/my/products", Caller::vendor},
    QueryRoute{"/api/shops", Caller::anonymous},
    QueryRoute{"/api/products/{product}/reviews", Caller::anonymous},
    QueryRoute{"/api/orders", Caller::buyer},
    QueryRoute{"/api/my/shop/orders", Caller::vendor},
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  auto& app = ps::fuzz::AppHarness::instance();
  const std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::size_t choice = data[0] % (kRoutes.size() + 1);
  // Any answer but a 500 is fine; the harness crashes on a 500.
  if (choice == kRoutes.size()) {
    app.call(ps::http::bhttp::verb::get, rest, {}, Caller::vendor, {});
  } else {
    const QueryRoute& route = kRoutes[choice];
    app.call(ps::http::bhttp::verb::get, app.expand(route.path) + "?" + rest, {}, route.caller, {});
  }
  return 0;
}
