#include "support/loopback_listener.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace ps::testing {

namespace {
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

std::string WireRequest::header(const std::string& name) const {
  const auto found = headers.find(name);
  return found == headers.end() ? std::string() : found->second;
}

LoopbackListener::LoopbackListener(Handler handler) : handler_(std::move(handler)) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listen_fd_, 64) != 0) {
    ::close(listen_fd_);
    throw std::runtime_error("the loopback listener cannot listen");
  }
  socklen_t length = sizeof address;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { serve(); });
}

LoopbackListener::~LoopbackListener() {
  stopping_ = true;
  thread_.join();
  ::close(listen_fd_);
}

void LoopbackListener::serve() {
  while (!stopping_) {
    pollfd waiting{listen_fd_, POLLIN, 0};
    if (::poll(&waiting, 1, 50) <= 0) continue;
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    answer(fd);
    ::close(fd);
  }
}

// Reads the head and a Content-Length body (answering Expect: 100-continue),
// then writes the handler's answer and closes.
void LoopbackListener::answer(int fd) {
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

  const auto response = handler_(request);
  std::string bytes = "HTTP/1.1 " + std::to_string(response.status) + " X\r\n";
  for (const auto& [name, value] : response.headers) bytes += name + ": " + value + "\r\n";
  bytes += "Content-Length: " + std::to_string(response.body.size()) +
           "\r\nConnection: close\r\n\r\n" + response.body;
  write_all(fd, bytes);
}

}  // namespace ps::testing
