#pragma once

// A plain-socket HTTP/1.1 listener on 127.0.0.1 for the tests' stand-ins of
// outside parties (a webhook endpoint, a recording proxy): each connection
// carries one request, answered by a handler on the listener's own thread,
// one at a time. Written on sockets, not with the server's code, so that it
// checks that code from outside.

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <thread>

namespace ps::testing {

// One request as it went over the wire.
struct WireRequest {
  std::string method;
  std::string target;                          // path and query
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::string header(const std::string& name) const;
};

// What a handler answers: the status and headers (Content-Length and
// Connection are added) and the body.
struct WireResponse {
  int status = 200;
  std::map<std::string, std::string> headers;
  std::string body;
};

class LoopbackListener {
 public:
  using Handler = std::function<WireResponse(const WireRequest&)>;

  // Listens on a free port at once and serves until destroyed.
  explicit LoopbackListener(Handler handler);
  ~LoopbackListener();
  LoopbackListener(const LoopbackListener&) = delete;
  LoopbackListener& operator=(const LoopbackListener&) = delete;

  std::uint16_t port() const { return port_; }

 private:
  void serve();
  void answer(int fd);

  Handler handler_;
  int listen_fd_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace ps::testing
