#include "http/server.h"

#include "core/random.h"

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

namespace ps::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

struct Server::Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
  std::string peer;
  bool idle = true;  // waiting for a request; only touched on the stream's strand
};

namespace {
constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kMaxRequestIdLength = 64;

bool is_safe_request_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxRequestIdLength) return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
      return false;
  return true;
}

std::string request_id_for(const RawRequest& raw) {
  auto it = raw.find("X-Request-Id");
  if (it != raw.end() && is_safe_request_id(it->value())) return std::string(it->value());
  return unique_id_hex();
}

// Behind a proxy the client is the right-most X-Forwarded-For entry: the one
// our own proxy appended, which the client cannot forge.
std::string client_address_for(const RawRequest& raw, const std::string& peer, bool trust_proxy) {
  if (!trust_proxy) return peer;
  auto it = raw.find("X-Forwarded-For");
  if (it == raw.end()) return peer;
  std::string_view list = it->value();
  auto comma = list.rfind(',');
  std::string_view last = comma == std::string_view::npos ? list : list.substr(comma + 1);
  while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
  while (!last.empty() && last.back() == ' ') last.remove_suffix(1);
  return last.empty() ? peer : std::string(last);
}

ApiError error_for_read_failure(beast::error_code ec, std::size_t body_limit) {
  if (ec == bhttp::error::body_limit)
    return ApiError::payload_too_large("The request body is larger than " +
                                       std::to_string(body_limit) + " bytes.");
  if (ec == bhttp::error::header_limit)
    return ApiError(ErrorCode::headers_too_large, "The request headers are larger than 16 KiB.");
  return ApiError::bad_request("The request is not valid HTTP/1.1: " + ec.message());
}

bool is_disconnect(beast::error_code ec) {
  return ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
         ec == asio::error::operation_aborted || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == bhttp::error::partial_message;
}
}  // namespace

Server::Server(asio::io_context& io, ServerOptions options, const Pipeline& pipeline)
    : io_(io),
      options_(std::move(options)),
      pipeline_(pipeline),
      acceptor_(asio::make_strand(io)) {}

Server::~Server() = default;

void Server::start() {
  const tcp::endpoint endpoint(asio::ip::make_address(options_.host), options_.port);
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
  port_ = acceptor_.local_endpoint().port();
  asio::co_spawn(acceptor_.get_executor(), accept_loop(), asio::detached);
}

void Server::shutdown() {
  if (stopping_.exchange(true)) return;
  asio::post(acceptor_.get_executor(), [this] {
    beast::error_code ignored;
    acceptor_.close(ignored);
  });
  std::lock_guard lock(connections_mutex_);
  for (const auto& connection : connections_) {
    asio::post(connection->stream.get_executor(), [connection] {
      if (connection->idle) connection->stream.close();
    });
  }
}

std::size_t Server::open_connections() const {
  std::lock_guard lock(connections_mutex_);
  return connections_.size();
}

void Server::forget(const std::shared_ptr<Connection>& connection) {
  std::lock_guard lock(connections_mutex_);
  connections_.erase(connection);
}

asio::awaitable<void> Server::accept_loop() {
  while (!stopping_) {
    auto [ec, socket] = co_await acceptor_.async_accept(asio::make_strand(io_), use_tuple);
    if (ec) {
      if (stopping_ || ec == asio::error::operation_aborted) break;
      spdlog::warn("accept failed: {}", ec.message());
      // Out of file descriptors, accept fails at once until one is closed:
      // pause instead of spinning the CPU and flooding the log.
      asio::steady_timer pause(acceptor_.get_executor(), std::chrono::milliseconds(100));
      co_await pause.async_wait(use_tuple);
      continue;
    }
    auto connection = std::make_shared<Connection>(std::move(socket));
    beast::error_code peer_ec;
    const auto peer = connection->stream.socket().remote_endpoint(peer_ec);
    connection->peer = peer_ec ? "unknown" : peer.address().to_string();
    {
      std::lock_guard lock(connections_mutex_);
      connections_.insert(connection);
    }
    asio::co_spawn(connection->stream.get_executor(), serve(connection), asio::detached);
  }
}

// Reads one request into `request`. Returns false when the connection should
// close without a response (peer gone, timeout, shutdown); a request that
// cannot be accepted is answered here and also returns false.
asio::awaitable<bool> Server::read_request(Connection& connection, Request& request) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(kHeaderLimit);
  parser.body_limit(boost::none);  // the route's own limit is set once the headers are in

  auto reject = [&](const ApiError& error) -> asio::awaitable<bool> {
    request.raw = parser.get();
    request.request_id = request_id_for(request.raw);
    request.client_address = client_address_for(request.raw, connection.peer, options_.trust_proxy);
    Response response = pipeline_.reject(request, error);
    connection.stream.expires_after(options_.body_timeout);
    co_await bhttp::async_write(connection.stream, response, use_tuple);
    co_return false;
  };

  connection.idle = true;
  connection.stream.expires_after(options_.idle_timeout);
  auto [header_ec, header_bytes] =
      co_await bhttp::async_read_header(connection.stream, connection.buffer, parser, use_tuple);
  connection.idle = false;
  if (header_ec) {
    if (is_disconnect(header_ec)) co_return false;
    co_return co_await reject(error_for_read_failure(header_ec, options_.max_body_bytes));
  }
  const std::size_t body_limit =
      pipeline_.body_limit(parser.get()).value_or(options_.max_body_bytes);
  parser.body_limit(body_limit);
  if (auto length = parser.content_length(); length && *length > body_limit)
    co_return co_await reject(error_for_read_failure(bhttp::error::body_limit, body_limit));

  if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
    bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, 11};
    auto [ec, n] = co_await bhttp::async_write(connection.stream, go_on, use_tuple);
    if (ec) co_return false;
  }

  connection.stream.expires_after(options_.body_timeout);
  auto [body_ec, body_bytes] =
      co_await bhttp::async_read(connection.stream, connection.buffer, parser, use_tuple);
  if (body_ec) {
    if (is_disconnect(body_ec)) co_return false;
    co_return co_await reject(error_for_read_failure(body_ec, body_limit));
  }
  request.raw = parser.release();
  request.request_id = request_id_for(request.raw);
  request.client_address = client_address_for(request.raw, connection.peer, options_.trust_proxy);
  co_return true;
}

asio::awaitable<void> Server::serve(std::shared_ptr<Connection> connection) {
  try {
    while (!stopping_) {
      Request request;
      if (!co_await read_request(*connection, request)) break;
      Response response = co_await pipeline_.handle(request);
      const bool keep_alive = request.raw.keep_alive() && !stopping_;
      response.keep_alive(keep_alive);
      connection->stream.expires_after(options_.body_timeout);
      auto [ec, n] = co_await bhttp::async_write(connection->stream, response, use_tuple);
      if (ec || !keep_alive) break;
    }
  } catch (const std::exception& error) {
    spdlog::error("connection from {} failed: {}", connection->peer, error.what());
  }
  beast::error_code ignored;
  connection->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  connection->stream.close();
  forget(connection);
}

}  // namespace ps::http
