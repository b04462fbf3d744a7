#pragma once

#include "support/stripe_shapes.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ps::testing {

// An HTTP/1.1 listener on 127.0.0.1 that keeps every request it is sent and
// passes it on to the server on `upstream_port`, answering with that
// server's answer: put between a client and the test gateway to see exactly
// what the client sends. One request per connection, one at a time.
class RecordingProxy {
 public:
  explicit RecordingProxy(std::uint16_t upstream_port);
  ~RecordingProxy();
  RecordingProxy(const RecordingProxy&) = delete;
  RecordingProxy& operator=(const RecordingProxy&) = delete;

  std::uint16_t port() const { return port_; }
  std::string url() const;
  std::vector<WireRequest> requests() const;

 private:
  void serve();
  void handle(int fd);

  std::uint16_t upstream_port_;
  int listen_fd_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::vector<WireRequest> requests_;
  std::thread thread_;
};

}  // namespace ps::testing
