#include "gateway/gateway.h"

#include "core/config.h"
#include "gateway/errors.h"
#include "gateway/store.h"

#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>
#include <boost/asio/signal_set.hpp>

#include <filesystem>

namespace ps::gateway {

namespace fs = std::filesystem;

namespace {
// A handful of connections: the gateway serves one shop (SQLite writes queue
// on one writer anyway).
constexpr std::size_t kPoolSize = 4;
constexpr std::size_t kWorkerThreads = 4;

std::string database_url(const GatewayConfig& config) {
  return "sqlite://" + (fs::path(config.data_dir) / "gateway.db").string();
}

void require_prefix(const std::string& value, const std::string& prefix, const std::string& flag) {
  if (!value.starts_with(prefix) || value.size() <= prefix.size())
    throw ConfigError(flag + " must start with " + prefix + " (test mode only)");
}
}  // namespace

void add_gateway_options(CLI::App& command, GatewayConfig& c) {
  auto option = [&](const std::string& flag, auto& field, const std::string& env,
                    const std::string& help) {
    return command.add_option(flag, field, help)->envname(env)->capture_default_str();
  };
  option("--host", c.host, "POCKETSHOP_GATEWAY_HOST", "address to listen on");
  option("--port", c.port, "POCKETSHOP_GATEWAY_PORT", "TCP port (0 picks a free one)");
  option("--data-dir", c.data_dir, "POCKETSHOP_GATEWAY_DATA_DIR", "folder for gateway.db");
  option("--webhook-url", c.webhook_url, "POCKETSHOP_GATEWAY_WEBHOOK_URL",
         "where signed events are posted (empty: kept, not posted)");
  option("--webhook-secret", c.webhook_secret, "POCKETSHOP_GATEWAY_WEBHOOK_SECRET",
         "whsec_... key of the Stripe-Signature HMAC");
  option("--secret-key", c.secret_key, "POCKETSHOP_GATEWAY_SECRET_KEY",
         "sk_test_... the server's API key")
      ->required();
  option("--publishable-key", c.publishable_key, "POCKETSHOP_GATEWAY_PUBLISHABLE_KEY",
         "pk_test_... the browser's key, for POST /v1/tokens")
      ->required();
  option("--io-threads", c.io_threads, "POCKETSHOP_GATEWAY_IO_THREADS", "network threads")
      ->check(CLI::Range(1, 64));
  option("--max-body-bytes", c.max_body_bytes, "POCKETSHOP_GATEWAY_MAX_BODY_BYTES",
         "largest request body")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 24));
  option("--webhook-retry-max", c.webhook_retry_max_seconds, "POCKETSHOP_GATEWAY_WEBHOOK_RETRY_MAX",
         "longest wait between delivery attempts, seconds")
      ->check(CLI::Range(1, 24 * 3600));
}

void finalize_gateway_config(GatewayConfig& c) {
  require_prefix(c.secret_key, "sk_test_", "--secret-key");
  require_prefix(c.publishable_key, "pk_test_", "--publishable-key");
  if (!c.webhook_url.empty()) {
    if (!c.webhook_url.starts_with("http://") && !c.webhook_url.starts_with("https://"))
      throw ConfigError("--webhook-url must be an http:// or https:// URL");
    require_prefix(c.webhook_secret, "whsec_", "--webhook-secret");
  }
  if (c.data_dir.empty()) throw ConfigError("--data-dir must not be empty");
  // Owner-only, like the shop's data folder: the records name every payment.
  std::error_code ec;
  if (!fs::exists(c.data_dir) && fs::create_directories(c.data_dir, ec))
    fs::permissions(c.data_dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) throw ConfigError("cannot create " + c.data_dir + ": " + ec.message());
  c.data_dir = fs::absolute(c.data_dir).lexically_normal().string();
}

Gateway::Gateway(GatewayConfig config)
    : config_(std::move(config)),
      workers_(kWorkerThreads),
      // A test gateway's records may go with the machine, not with the
      // process: no fsync on its commits (docs/gateway.md).
      database_(database_url(config_), kPoolSize, db::Database::Gate::open,
                db::Database::SqliteSync::process_crash_only),
      delivery_(database_, WebhookOptions{config_.webhook_url, config_.webhook_secret,
                                          std::chrono::milliseconds(500),
                                          std::chrono::seconds(config_.webhook_retry_max_seconds)}),
      service_(database_, !config_.webhook_url.empty(), [this] { delivery_.wake(); }),
      pipeline_(router_, metrics_, {}, render_error) {
  add_routes(router_, service_, workers_, ApiKeys{config_.secret_key, config_.publishable_key});
}

Gateway::~Gateway() {
  stop();
  wait();
}

void Gateway::start(bool handle_signals) {
  database_.with_session(
      [&](db::Connection& sql) { database_.execute_script(sql, store::kSchema); });
  service_.settle_pending_payouts();
  delivery_.start();

  http::ServerOptions options;
  options.host = config_.host;
  options.port = config_.port;
  options.max_body_bytes = config_.max_body_bytes;
  server_ = std::make_unique<http::Server>(io_, options, pipeline_);
  server_->start();
  if (handle_signals) {
    auto signals = std::make_shared<boost::asio::signal_set>(io_, SIGINT, SIGTERM);
    signals->async_wait([this, signals](const boost::system::error_code& ec, int signal) {
      if (ec) return;
      spdlog::info("signal {} received; stopping the gateway", signal);
      stop();
    });
  }
  for (int i = 0; i < config_.io_threads; ++i) threads_.emplace_back([this] { io_.run(); });
  spdlog::info("listening on http://{}:{} gateway database={} webhooks={}", config_.host, port(),
               database_.display_url(), config_.webhook_url.empty() ? "off" : config_.webhook_url);
  spdlog::default_logger()->flush();  // scripts and tests wait for this line
}

void Gateway::stop() {
  if (server_) server_->shutdown();
  io_.stop();
  delivery_.stop();
}

void Gateway::wait() {
  for (auto& thread : threads_)
    if (thread.joinable()) thread.join();
  threads_.clear();
  workers_.join();
}

int run_gateway(GatewayConfig config) {
  finalize_gateway_config(config);
  {
    Gateway gateway(std::move(config));
    gateway.start(/*handle_signals=*/true);
    gateway.wait();
  }
  spdlog::info("gateway stopped");
  return 0;
}

}  // namespace ps::gateway
