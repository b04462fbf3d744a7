#include "support/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace ps::testing {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;

boost::json::value HttpResult::json() const { return boost::json::parse(body); }

std::string HttpResult::header(const std::string& name) const {
  std::string key = name;
  std::transform(key.begin(), key.end(), key.begin(), ::tolower);
  auto it = headers.find(key);
  return it == headers.end() ? std::string{} : it->second;
}

HttpResult HttpClient::request(bhttp::verb method, const std::string& target,
                               const std::string& body, const Headers& headers) const {
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  socket.connect({asio::ip::make_address("127.0.0.1"), port_});
  bhttp::request<bhttp::string_body> request{method, target, 11};
  request.set(bhttp::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  request.prepare_payload();
  bhttp::write(socket, request);

  boost::beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  if (method == bhttp::verb::head) parser.skip(true);
  bhttp::read(socket, buffer, parser);
  const auto& response = parser.get();

  HttpResult result;
  result.status = response.result_int();
  for (const auto& field : response) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    result.headers[name] = std::string(field.value());
  }
  result.body = response.body();
  boost::system::error_code ignored;
  socket.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  return result;
}

HttpResult HttpClient::get(const std::string& target, const std::string& token) const {
  Headers headers;
  if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
  return request(bhttp::verb::get, target, {}, headers);
}

HttpResult HttpClient::post_json(const std::string& target, const boost::json::value& body,
                                 const std::string& token) const {
  Headers headers{{"Content-Type", "application/json"}};
  if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
  return request(bhttp::verb::post, target, boost::json::serialize(body), headers);
}

RawConnection::RawConnection(std::uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
    throw std::runtime_error("connect failed");
}

RawConnection::~RawConnection() { close(); }

void RawConnection::stop_sending() { ::shutdown(fd_, SHUT_WR); }

void RawConnection::reset() {
  const linger abort{1, 0};
  ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
  close();
}

void RawConnection::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

void RawConnection::send(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) throw std::runtime_error("send failed");
    sent += static_cast<std::size_t>(n);
  }
}

namespace {
// Reads what is available within the deadline; false once the peer closed.
bool read_some(int fd, std::string& into, std::chrono::steady_clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) return true;
  pollfd poll_fd{fd, POLLIN, 0};
  if (::poll(&poll_fd, 1, static_cast<int>(left.count())) <= 0) return true;
  char chunk[4096];
  const auto n = ::recv(fd, chunk, sizeof chunk, 0);
  if (n <= 0) return false;
  into.append(chunk, static_cast<std::size_t>(n));
  return true;
}
}  // namespace

std::string RawConnection::read_all(int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  std::string data = std::move(pending_);
  pending_.clear();
  while (std::chrono::steady_clock::now() < deadline && read_some(fd_, data, deadline)) {
  }
  return data;
}

std::string RawConnection::read_response(int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  std::string data = std::move(pending_);
  pending_.clear();
  for (;;) {
    const auto header_end = data.find("\r\n\r\n");
    if (header_end != std::string::npos) {
      std::size_t length = 0;
      std::string lower = data.substr(0, header_end);
      std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
      if (auto at = lower.find("content-length:"); at != std::string::npos)
        length = std::stoul(lower.substr(at + 15));
      const std::size_t total = header_end + 4 + length;
      if (data.size() >= total) {
        pending_ = data.substr(total);
        return data.substr(0, total);
      }
    }
    if (std::chrono::steady_clock::now() >= deadline || !read_some(fd_, data, deadline))
      return data;
  }
}

bool RawConnection::closed_by_peer(int timeout_ms) {
  return read_until_closed(timeout_ms).has_value();
}

std::optional<std::string> RawConnection::read_until_closed(int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  std::string data = std::move(pending_);
  pending_.clear();
  while (std::chrono::steady_clock::now() < deadline)
    if (!read_some(fd_, data, deadline)) return data;
  return std::nullopt;
}

}  // namespace ps::testing
