#pragma once

#include <boost/beast/http/verb.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ps::testing {

struct HttpResult {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  boost::json::value json() const;  // throws when the body is not JSON
  std::string header(const std::string& name) const;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

// A plain HTTP/1.1 client over a real socket: one connection per request.
class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port) : port_(port) {}

  HttpResult request(boost::beast::http::verb method, const std::string& target,
                     const std::string& body = {}, const Headers& headers = {}) const;
  HttpResult get(const std::string& target, const std::string& token = {}) const;
  HttpResult post_json(const std::string& target, const boost::json::value& body,
                       const std::string& token = {}) const;

 private:
  std::uint16_t port_;
};

// A raw TCP connection for tests that need to misbehave on the wire.
class RawConnection {
 public:
  explicit RawConnection(std::uint16_t port);
  ~RawConnection();
  void send(const std::string& bytes);
  // Reads until the peer closes or `timeout_ms` passes; returns what arrived.
  std::string read_all(int timeout_ms);
  // Reads one HTTP response (headers + Content-Length body).
  std::string read_response(int timeout_ms);
  bool closed_by_peer(int timeout_ms);
  // What the peer sent before it closed; nullopt if it is still open after
  // `timeout_ms`.
  std::optional<std::string> read_until_closed(int timeout_ms);
  void stop_sending();  // half-close: FIN, still reading
  void reset();         // RST instead of FIN
  void close();

 private:
  int fd_ = -1;
  std::string pending_;
};

}  // namespace ps::testing
