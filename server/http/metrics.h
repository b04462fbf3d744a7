#pragma once

#include "http/request.h"

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace ps::http {

// Counters and latency histograms in Prometheus' text format (GET /metrics):
// requests by route, method and status; checkouts and uploads by outcome.
// Routes are patterns, never raw paths, so the label sets stay small.
class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                   0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  void observe(const Request& request, unsigned status, double seconds);

  // Gauges read when the metrics are rendered.
  struct PoolGauges {
    std::size_t size = 0;
    std::size_t in_use = 0;
  };
  std::string render(const PoolGauges& pool) const;

 private:
  struct Histogram {
    std::array<unsigned long long, kBuckets.size()> buckets{};
    unsigned long long count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, unsigned>, unsigned long long> requests_;
  std::map<std::pair<std::string, std::string>, Histogram> latency_;
  std::map<std::string, unsigned long long> checkouts_;
  std::map<std::string, unsigned long long> uploads_;
};

// The outcome label of a checkout or upload answered with `status`.
std::string checkout_outcome(unsigned status);
std::string upload_outcome(unsigned status);

}  // namespace ps::http
