#pragma once

#include "http/pipeline.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>

namespace ps::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
  std::size_t max_body_bytes = 1024 * 1024;
  std::chrono::seconds idle_timeout{30};  // for the next request's headers
  std::chrono::seconds body_timeout{30};  // for a request body, and for writing a response
  bool trust_proxy = false;
};

// HTTP/1.1 server: one coroutine per connection on its own strand,
// keep-alive, size limits and timeouts, graceful shutdown.
class Server {
 public:
  Server(boost::asio::io_context& io, ServerOptions options, const Pipeline& pipeline);
  ~Server();

  // Binds and starts accepting. Throws when the address cannot be bound.
  void start();
  std::uint16_t port() const { return port_; }

  // Stops accepting, closes idle connections and lets requests in flight
  // finish (their connections close after the response). Thread-safe.
  void shutdown();
  std::size_t open_connections() const;

 private:
  struct Connection;
  boost::asio::awaitable<void> accept_loop();
  boost::asio::awaitable<void> serve(std::shared_ptr<Connection> connection);
  boost::asio::awaitable<bool> read_request(Connection& connection, Request& request);
  void forget(const std::shared_ptr<Connection>& connection);

  boost::asio::io_context& io_;
  ServerOptions options_;
  const Pipeline& pipeline_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  mutable std::mutex connections_mutex_;
  std::unordered_set<std::shared_ptr<Connection>> connections_;
};

}  // namespace ps::http
