#pragma once

#include "core/worker_pool.h"
#include "db/database.h"
#include "gateway/routes.h"
#include "gateway/service.h"
#include "gateway/webhooks.h"
#include "http/metrics.h"
#include "http/pipeline.h"
#include "http/router.h"
#include "http/server.h"

#include <boost/asio/io_context.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace CLI {
class App;
}

namespace ps::gateway {

// `pocketshop gateway`: by flag or POCKETSHOP_GATEWAY_* environment variable
// (flags win). docs/gateway.md.
struct GatewayConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = 12111;
  std::string data_dir = "gateway-data";
  std::string webhook_url;      // empty: events are kept, never posted
  std::string webhook_secret;   // whsec_...
  std::string secret_key;       // sk_test_...
  std::string publishable_key;  // pk_test_...
  int io_threads = 2;
  std::size_t max_body_bytes = 64 * 1024;
  int webhook_retry_max_seconds = 60;
};

void add_gateway_options(CLI::App& command, GatewayConfig& config);
// Checks the keys' prefixes and creates the data folder. Throws ConfigError.
void finalize_gateway_config(GatewayConfig& config);

// The test-mode gateway, wired together: its database, service, routes,
// HTTP server and webhook delivery. Members in dependency order.
class Gateway {
 public:
  explicit Gateway(GatewayConfig config);  // config must be finalized
  ~Gateway();

  // Creates the schema, settles payouts left pending, starts delivering
  // webhooks and serving.
  void start(bool handle_signals);
  void wait();
  void stop();
  std::uint16_t port() const { return server_->port(); }

 private:
  GatewayConfig config_;
  WorkerPool workers_;
  db::Database database_;
  WebhookDelivery delivery_;
  GatewayService service_;
  http::Router router_;
  http::Metrics metrics_;
  http::Pipeline pipeline_;
  boost::asio::io_context io_;
  std::unique_ptr<http::Server> server_;
  std::vector<std::thread> threads_;
};

// Runs the gateway until SIGINT or SIGTERM; returns the exit code.
int run_gateway(GatewayConfig config);

}  // namespace ps::gateway
