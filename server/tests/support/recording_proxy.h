#pragma once

#include "support/loopback_listener.h"

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace ps::testing {

// An HTTP/1.1 listener on 127.0.0.1 that keeps every request it is sent and
// passes it on to the server on `upstream_port`, answering with that
// server's answer: put between a client and the test gateway to see exactly
// what the client sends. One request per connection, one at a time.
class RecordingProxy {
 public:
  // Called with each request before it is passed on; it may wait, to hold
  // the client at that point of its work.
  using BeforeRelay = std::function<void(const WireRequest&)>;

  explicit RecordingProxy(std::uint16_t upstream_port, BeforeRelay before_relay = {});

  std::uint16_t port() const { return listener_.port(); }
  std::string url() const;
  std::vector<WireRequest> requests() const;

 private:
  WireResponse relay(const WireRequest& request);

  std::uint16_t upstream_port_;
  BeforeRelay before_relay_;
  mutable std::mutex mutex_;
  std::vector<WireRequest> requests_;
  LoopbackListener listener_;  // last: it serves on members above
};

}  // namespace ps::testing
