// pocketshop-bare: the yardstick of bench/README.md's "A bare Beast server".
// It answers every request with one fixed body, so that the bench can set a
// PocketShop case beside the most the same HTTP library does on the same
// cores with the same load (issue 19: "a bare Beast server returning the same
// product body"). It serves as server/http/server.cpp does, on N threads of
// one io_context, a coroutine per connection on its own strand, Beast's
// parser and serializer, keep-alive, and does nothing else: no routing, no
// worker threads, no database, no JSON.
//
//   pocketshop-bare --body FILE [--host 127.0.0.1] [--port 0] [--threads N]
#include <CLI/CLI.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

using Body = std::shared_ptr<const std::string>;

asio::awaitable<void> serve(beast::tcp_stream stream, Body body) {
  beast::flat_buffer buffer;
  for (;;) {
    http::request<http::string_body> request;
    auto [read_error, read_bytes] = co_await http::async_read(stream, buffer, request, use_tuple);
    if (read_error) break;
    http::response<http::string_body> response{http::status::ok, request.version()};
    response.set(http::field::content_type, "application/json");
    response.body() = *body;
    response.keep_alive(request.keep_alive());
    response.prepare_payload();
    auto [write_error, written] = co_await http::async_write(stream, response, use_tuple);
    if (write_error || !response.keep_alive()) break;
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> accept(asio::io_context& io, tcp::acceptor& acceptor, Body body) {
  for (;;) {
    auto [error, socket] = co_await acceptor.async_accept(asio::make_strand(io), use_tuple);
    if (error) break;
    auto executor = socket.get_executor();
    asio::co_spawn(executor, serve(beast::tcp_stream(std::move(socket)), body), asio::detached);
  }
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("A bare Boost.Beast server that answers every request with one body");
  std::string body_file, host = "127.0.0.1";
  unsigned short port = 0;
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  app.add_option("--body", body_file, "the file every answer carries")->required();
  app.add_option("--host", host, "address to listen on");
  app.add_option("--port", port, "port (0: any free one)");
  app.add_option("--threads", threads, "network threads")->check(CLI::Range(1, 256));
  CLI11_PARSE(app, argc, argv);

  try {
    const auto body = std::make_shared<const std::string>(read_file(body_file));
    asio::io_context io(threads);
    tcp::acceptor acceptor(asio::make_strand(io));
    const tcp::endpoint endpoint(asio::ip::make_address(host), port);
    acceptor.open(endpoint.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(asio::socket_base::max_listen_connections);
    asio::co_spawn(acceptor.get_executor(), accept(io, acceptor, body), asio::detached);
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&io](const auto&, int) { io.stop(); });
    std::cout << "listening on http://" << host << ":" << acceptor.local_endpoint().port()
              << " threads=" << threads << std::endl;

    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i) pool.emplace_back([&io] { io.run(); });
    io.run();
    for (auto& thread : pool) thread.join();
  } catch (const std::exception& error) {
    std::cerr << "pocketshop-bare: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
