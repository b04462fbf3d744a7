#include "http/metrics.h"

#include <spdlog/fmt/fmt.h>

namespace ps::http {

std::string checkout_outcome(unsigned status) {
  switch (status) {
    case 201:
      return "created";
    case 402:
      return "declined";
    case 409:
      return "conflict";
    case 400:
    case 415:
    case 422:
      return "invalid";
    case 401:
    case 403:
      return "unauthorized";
    case 429:
      return "rate_limited";
    default:
      return "error";
  }
}

std::string upload_outcome(unsigned status) {
  switch (status) {
    case 201:
      return "stored";
    case 413:
      return "too_large";
    case 415:
      return "unsupported_type";
    case 400:
    case 422:
      return "invalid";
    case 401:
    case 403:
      return "unauthorized";
    default:
      return "error";
  }
}

void Metrics::observe(const Request& request, unsigned status, double seconds) {
  const std::string route = request.route.empty() ? "(unmatched)" : request.route;
  const std::string method(bhttp::to_string(request.method()));
  std::lock_guard lock(mutex_);
  ++requests_[{route, method, status}];
  auto& histogram = latency_[{route, method}];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++histogram.buckets[i];
  ++histogram.count;
  histogram.sum += seconds;
  if (route == "/api/checkout") ++checkouts_[checkout_outcome(status)];
  if (route == "/api/uploads") ++uploads_[upload_outcome(status)];
}

std::string Metrics::render(const PoolGauges& pool) const {
  std::lock_guard lock(mutex_);
  fmt::memory_buffer out;
  auto line = [&](std::string_view format, const auto&... args) {
    fmt::format_to(std::back_inserter(out), fmt::runtime(format), args...);
  };

  line("# HELP pocketshop_http_requests_total HTTP requests by route, method and status.\n");
  line("# TYPE pocketshop_http_requests_total counter\n");
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    line("pocketshop_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n", route,
         method, status, count);
  }
  line("# HELP pocketshop_http_request_duration_seconds Time to answer, by route and method.\n");
  line("# TYPE pocketshop_http_request_duration_seconds histogram\n");
  for (const auto& [key, histogram] : latency_) {
    const auto& [route, method] = key;
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
      line(
          "pocketshop_http_request_duration_seconds_bucket{{route=\"{}\",method=\"{}\",le=\"{}\"}} "
          "{}\n",
          route, method, kBuckets[i], histogram.buckets[i]);
    line(
        "pocketshop_http_request_duration_seconds_bucket{{route=\"{}\",method=\"{}\",le=\"+Inf\"}} "
        "{}\n",
        route, method, histogram.count);
    line("pocketshop_http_request_duration_seconds_sum{{route=\"{}\",method=\"{}\"}} {}\n", route,
         method, histogram.sum);
    line("pocketshop_http_request_duration_seconds_count{{route=\"{}\",method=\"{}\"}} {}\n", route,
         method, histogram.count);
  }
  line("# HELP pocketshop_checkouts_total Checkout attempts by outcome.\n");
  line("# TYPE pocketshop_checkouts_total counter\n");
  for (const auto& [outcome, count] : checkouts_)
    line("pocketshop_checkouts_total{{outcome=\"{}\"}} {}\n", outcome, count);
  line("# HELP pocketshop_uploads_total Image uploads by outcome.\n");
  line("# TYPE pocketshop_uploads_total counter\n");
  for (const auto& [outcome, count] : uploads_)
    line("pocketshop_uploads_total{{outcome=\"{}\"}} {}\n", outcome, count);
  line("# HELP pocketshop_db_pool_connections Database connections in the pool.\n");
  line("# TYPE pocketshop_db_pool_connections gauge\n");
  line("pocketshop_db_pool_connections {}\n", pool.size);
  line("# HELP pocketshop_db_pool_in_use Database connections in use.\n");
  line("# TYPE pocketshop_db_pool_in_use gauge\n");
  line("pocketshop_db_pool_in_use {}\n", pool.in_use);
  return fmt::to_string(out);
}

}  // namespace ps::http
