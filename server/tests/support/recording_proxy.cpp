#include "support/recording_proxy.h"

#include "support/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/beast/http/verb.hpp>

#include <algorithm>
#include <set>
#include <sstream>
#include <stdexcept>

namespace ps::testing {

namespace {
// Hop-by-hop headers, and those the forwarding request sets itself.
const std::set<std::string> kNotForwarded = {"host",   "content-length",    "connection",
                                             "expect", "transfer-encoding", "accept-encoding"};

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  const auto last = text.find_last_not_of(" \t\r");
  return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

// The request line and header block (without the blank line) into `request`.
void parse_head(const std::string& head, WireRequest& request) {
  std::istringstream lines(head);
  std::string line;
  std::getline(lines, line);
  std::istringstream request_line(line);
  request_line >> request.method >> request.target;
  while (std::getline(lines, line)) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    request.headers[lower(line.substr(0, colon))] = trimmed(line.substr(colon + 1));
  }
}

void write_all(int fd, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const auto written = ::write(fd, bytes.data() + sent, bytes.size() - sent);
    if (written <= 0) return;
    sent += static_cast<std::size_t>(written);
  }
}
}  // namespace

RecordingProxy::RecordingProxy(std::uint16_t upstream_port) : upstream_port_(upstream_port) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listen_fd_, 64) != 0)
    throw std::runtime_error("recording proxy cannot listen");
  socklen_t length = sizeof address;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { serve(); });
}

RecordingProxy::~RecordingProxy() {
  stopping_ = true;
  thread_.join();
  ::close(listen_fd_);
}

std::string RecordingProxy::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

std::vector<WireRequest> RecordingProxy::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

void RecordingProxy::serve() {
  while (!stopping_) {
    pollfd waiting{listen_fd_, POLLIN, 0};
    if (::poll(&waiting, 1, 50) <= 0) continue;
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    handle(fd);
    ::close(fd);
  }
}

void RecordingProxy::handle(int fd) {
  std::string data;
  char buffer[16384];
  std::size_t body_start = std::string::npos, length = 0;
  WireRequest request;
  while (body_start == std::string::npos || data.size() < body_start + length) {
    pollfd readable{fd, POLLIN, 0};
    if (::poll(&readable, 1, 5000) <= 0) return;
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got <= 0) return;
    data.append(buffer, static_cast<std::size_t>(got));
    if (body_start != std::string::npos) continue;
    const auto end = data.find("\r\n\r\n");
    if (end == std::string::npos) continue;
    body_start = end + 4;
    parse_head(data.substr(0, end), request);
    length = std::stoul("0" + request.header("content-length"));
    if (lower(request.header("expect")) == "100-continue")
      write_all(fd, "HTTP/1.1 100 Continue\r\n\r\n");
  }
  request.body = data.substr(body_start, length);
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(request);
  }

  Headers forwarded;
  for (const auto& [name, value] : request.headers)
    if (!kNotForwarded.contains(name)) forwarded.emplace_back(name, value);
  const auto verb = boost::beast::http::string_to_verb(request.method);
  HttpResult answer;
  try {
    answer = HttpClient(upstream_port_).request(verb, request.target, request.body, forwarded);
  } catch (const std::exception& error) {
    answer.status = 502;
    answer.body = error.what();
  }

  std::string response = "HTTP/1.1 " + std::to_string(answer.status) + " Relayed\r\n";
  for (const auto& [name, value] : answer.headers)
    if (!kNotForwarded.contains(name)) response += name + ": " + value + "\r\n";
  response += "Content-Length: " + std::to_string(answer.body.size()) +
              "\r\nConnection: close\r\n\r\n" + answer.body;
  write_all(fd, response);
}

}  // namespace ps::testing
