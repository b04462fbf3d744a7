#include "support/webhook_receiver.h"

#include "support/stripe_signature.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sodium.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json/parse.hpp>

#include <algorithm>
#include <regex>
#include <stdexcept>

namespace ps::testing {

namespace {
std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), ::tolower);
  return text;
}

// The value of header `name` (lower-case) in a request's header block.
std::string header_value(const std::string& head, const std::string& name) {
  const std::string lowered = lower(head);
  const auto at = lowered.find("\r\n" + name + ":");
  if (at == std::string::npos) return {};
  const auto start = at + 3 + name.size();
  const auto end = head.find("\r\n", start);
  std::string value = head.substr(start, end - start);
  value.erase(0, value.find_first_not_of(' '));
  return value;
}
}  // namespace

WebhookReceiver::WebhookReceiver(std::string secret) : secret_(std::move(secret)) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listen_fd_, 64) != 0)
    throw std::runtime_error("webhook receiver cannot listen");
  socklen_t length = sizeof address;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { serve(); });
}

WebhookReceiver::~WebhookReceiver() {
  stopping_ = true;
  thread_.join();
  ::close(listen_fd_);
}

std::string WebhookReceiver::url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/webhook";
}

void WebhookReceiver::serve() {
  while (!stopping_) {
    pollfd waiting{listen_fd_, POLLIN, 0};
    if (::poll(&waiting, 1, 50) <= 0) continue;
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    handle(fd);
    ::close(fd);
  }
}

// One request per connection (the gateway's libcurl opens one per delivery).
void WebhookReceiver::handle(int fd) {
  std::string data;
  char buffer[16384];
  std::size_t body_start = std::string::npos, length = 0;
  while (true) {
    pollfd readable{fd, POLLIN, 0};
    if (::poll(&readable, 1, 5000) <= 0) return;
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got <= 0) return;
    data.append(buffer, static_cast<std::size_t>(got));
    if (body_start == std::string::npos) {
      const auto end = data.find("\r\n\r\n");
      if (end == std::string::npos) continue;
      body_start = end + 4;
      length = std::stoul("0" + header_value(data.substr(0, end + 2), "content-length"));
    }
    if (data.size() >= body_start + length) break;
  }
  const std::string head = data.substr(0, body_start);
  const std::string body = data.substr(body_start, length);

  Delivery delivery;
  const std::string signature = header_value(head, "stripe-signature");
  std::smatch match;
  static const std::regex parts(R"(^t=(\d+),v1=([0-9a-f]{64})$)");
  if (std::regex_match(signature, match, parts)) {
    delivery.signed_at = std::stoll(match[1]);
    delivery.signature_valid =
        hmac_sha256_hex(secret_, std::string(match[1]) + "." + body) == match[2];
  }
  const int status = status_;
  if (status >= 200 && status < 300) {
    delivery.event = boost::json::parse(body).as_object();
    {
      std::lock_guard lock(mutex_);
      deliveries_.push_back(std::move(delivery));
    }
    arrived_.notify_all();
  }
  const std::string response =
      "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
  [[maybe_unused]] auto written = ::write(fd, response.data(), response.size());
}

std::vector<WebhookReceiver::Delivery> WebhookReceiver::deliveries() const {
  std::lock_guard lock(mutex_);
  return deliveries_;
}

std::optional<WebhookReceiver::Delivery> WebhookReceiver::wait_for(
    const std::string& type, const std::function<bool(const boost::json::object&)>& match,
    std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  std::optional<Delivery> found;
  arrived_.wait_for(lock, timeout, [&] {
    for (const auto& delivery : deliveries_) {
      if (delivery.event.at("type").as_string() != type) continue;
      const auto& object = delivery.event.at("data").at("object").as_object();
      if (!match || match(object)) {
        found = delivery;
        return true;
      }
    }
    return false;
  });
  return found;
}

}  // namespace ps::testing
