#include "app/application.h"

#include "accounts/routes.h"
#include "addresses/routes.h"
#include "app/personal_data.h"
#include "cart/routes.h"
#include "catalog/routes.h"
#include "checkout/routes.h"
#include "core/cpus.h"
#include "core/embedded_file.h"
#include "db/database_url.h"
#include "db/migrations.h"
#include "favorites/routes.h"
#include "http/read_after.h"
#include "ledger/routes.h"
#include "mail/outbox.h"
#include "mail/routes.h"
#include "mail/settings.h"
#include "media/routes.h"
#include "messages/routes.h"
#include "notifications/routes.h"
#include "orders/routes.h"
#include "payments/webhook_routes.h"
#include "payouts/routes.h"
#include "reviews/routes.h"
#include "shops/routes.h"

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>

#include <filesystem>

#include <unistd.h>

namespace ps {

namespace asio = boost::asio;
using http::bhttp::verb;

namespace {
// How far back each reconciliation looks, at the gateway and in our records.
constexpr Millis kReconcileWindow = 48LL * 3600 * 1000;

constexpr auto kDrainLimit = std::chrono::seconds(30);
constexpr auto kDrainPoll = std::chrono::milliseconds(20);
// Between attempts to migrate a database that was unreachable at start.
constexpr auto kFirstMigrationRetry = std::chrono::milliseconds(200);
constexpr auto kMaxMigrationRetry = std::chrono::seconds(2);

int io_thread_count(const Config& config) {
  if (config.io_threads > 0) return config.io_threads;
  return static_cast<int>(usable_cpus());
}

// Worker threads beyond two per core only wake and switch, on SQLite and on a
// PostgreSQL server sharing the machine (bench/README.md, fixes 17 and 25). A
// database across a network keeps more statements in flight: set
// --db-pool-size.
jobs::QueueOptions job_queue_options(const Config& config) {
  jobs::QueueOptions options;
  options.owner = "pid" + std::to_string(::getpid());
  options.lease = std::chrono::seconds(config.job_lease_seconds);
  return options;
}

messages::MessagesOptions messages_options(const Config& config) {
  return {.mail_delay = std::chrono::seconds(config.message_mail_delay_seconds)};
}

std::size_t pool_size(const Config& config) {
  if (config.db_pool_size > 0) return static_cast<std::size_t>(config.db_pool_size);
  return 2 * usable_cpus();
}

// SQLite's catalogue reads on the network threads (WorkerPool::run_short).
bool catalog_reads_inline(const Config& config) {
  return db::dialect_of(config.database_url) == db::Dialect::sqlite &&
         config.sqlite_catalog_reads == "network";
}

// One connection per worker, and one per network thread when catalogue reads
// run there: such a read then never waits for a connection that a worker (or
// a payment worker between its statements) holds, and with it every other
// connection its thread serves.
std::size_t connection_count(const Config& config) {
  return pool_size(config) +
         (catalog_reads_inline(config) ? static_cast<std::size_t>(io_thread_count(config)) : 0);
}

db::ReplicaOptions replica_options(const Config& config) {
  return {.url = config.database_replica_url,
          .pool_size = config.db_replica_pool_size > 0
                           ? static_cast<std::size_t>(config.db_replica_pool_size)
                           : pool_size(config),
          .max_lag = std::chrono::milliseconds(config.db_replica_max_lag_ms)};
}

// How long a client keeps naming its last write: past twice the allowed lag,
// a replica still behind it serves nobody anyway.
std::chrono::seconds read_after_lifetime(const Config& config) {
  return std::max(std::chrono::seconds(2),
                  std::chrono::seconds((2 * config.db_replica_max_lag_ms + 999) / 1000));
}

mail::Delivery mail_delivery(const Config& config) {
  return {.smtp_url = config.smtp_url,
          .smtp_user = config.smtp_user,
          .smtp_password = config.smtp_password,
          .smtp_ca_file = config.smtp_ca_file,
          .smtp_starttls = config.smtp_starttls,
          .from = config.mail_from,
          .mail_dir = std::filesystem::path(config.data_dir) / "mail"};
}

// The named conflict each unique constraint stands for when a concurrent
// request wins the race the services' own checks cannot close (PostgreSQL
// runs transactions side by side). Names in PostgreSQL's default naming.
http::NamedConflicts named_conflicts() {
  return {{"users_email_key", accounts::email_taken()},
          {"shops_slug_key", shops::slug_taken()},
          {"shops_owner_id_key", shops::shop_exists()},
          {"reviews_product_id_buyer_id_key", reviews::review_exists()}};
}
}  // namespace

Application::Application(Config config)
    : config_(std::move(config)),
      workers_(pool_size(config_)),
      payment_workers_(static_cast<std::size_t>(config_.payment_workers)),
      database_(config_.database_url, connection_count(config_),
                db::Database::Gate::closed_until_migrated),
      jobs_(database_, job_queue_options(config_)),
      media_(database_, config_),
      tokens_(config_.jwt_secret, std::chrono::seconds(config_.access_token_ttl_seconds)),
      passwords_(config_.password_strength),
      accounts_(database_, tokens_, passwords_,
                std::chrono::hours(24 * config_.refresh_token_ttl_days)),
      authenticator_(tokens_, accounts_, workers_),
      shops_(database_, media_),
      catalog_(database_, shops_, media_),
      carts_(database_, catalog_, shops_),
      payment_provider_({config_.payment_gateway_url, config_.payment_secret_key,
                         std::chrono::milliseconds(config_.payment_timeout_ms)}),
      payments_(payment_provider_),
      ledger_(database_, shops_,
              {.bps = config_.platform_fee_bps, .fixed_cents = config_.platform_fee_fixed_cents},
              std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::days(config_.payout_hold_days))
                  .count()),
      payment_events_(database_, ledger_, config_.payment_webhook_secret),
      reconciler_(database_, payment_provider_),
      payouts_(database_, shops_, ledger_, payment_provider_,
               config_.payment_secret_key.starts_with("sk_test_")),
      orders_(database_, shops_, catalog_, payments_, ledger_),
      checkout_(database_, carts_, catalog_, payments_, orders_, config_.jwt_secret),
      addresses_(database_),
      favorites_(database_, accounts_, catalog_),
      reviews_(database_, catalog_, orders_),
      notifications_(database_),
      messages_(database_, media_, messages_options(config_)),
      mail_sender_(database_, mail_delivery(config_)),
      mail_(database_, mail_sender_, config_.jwt_secret, config_.dev_mailbox),
      job_runner_(jobs_, config_.job_workers, std::chrono::milliseconds(config_.job_poll_ms)),
      // Counted in the database's rate_limits table on PostgreSQL, so every
      // instance counts together; in memory on SQLite (one instance).
      login_per_client_("login per client", config_.login_limit_per_ip, std::chrono::minutes(1),
                        database_),
      login_per_email_("login per email and client", config_.login_limit_per_email,
                       std::chrono::minutes(15), database_),
      signups_per_client_("signups per client", config_.signup_limit_per_ip, std::chrono::hours(1),
                          database_),
      resets_per_client_("password resets per client", config_.password_reset_limit_per_ip,
                         std::chrono::hours(1), database_),
      resets_per_email_("password resets per email", config_.password_reset_limit_per_email,
                        std::chrono::hours(1), database_),
      verification_mails_per_user_("verification mails per user",
                                   config_.verification_mail_limit_per_user, std::chrono::hours(1),
                                   database_),
      // The same budget as sign-ins with one address: both guess a password.
      password_checks_per_user_("password checks per user", config_.login_limit_per_email,
                                std::chrono::minutes(15), database_),
      checkouts_per_user_("checkouts per user", config_.checkout_limit_per_user,
                          std::chrono::minutes(1), database_),
      messages_per_user_("messages per user", config_.message_limit_per_user,
                         std::chrono::minutes(1), database_),
      conversations_per_user_("conversations per user", config_.conversation_limit_per_user,
                              std::chrono::hours(1), database_),
      uploads_per_user_("uploads per user", config_.upload_limit_per_user, std::chrono::hours(1),
                        database_),
      pipeline_(router_, metrics_, named_conflicts()),
      release_earnings_("releasing due earnings",
                        std::chrono::seconds(config_.release_interval_seconds),
                        [this] { ledger_.release_due(now_millis()); }),
      reconcile_payments_("reconciling payments with the gateway",
                          std::chrono::seconds(std::max(1, config_.reconcile_interval_seconds)),
                          [this] {
                            reconciler_.run(now_millis(), kReconcileWindow,
                                            config_.reconcile_grace_seconds * 1000LL);
                          }),
      // Creating payouts only: the job runners send them (--job-workers).
      scheduled_payouts_("creating scheduled payouts",
                         std::chrono::seconds(config_.release_interval_seconds),
                         [this] { payouts_.create_scheduled(now_millis()); }),
      purge_old_records_("purging sent mails and finished jobs", std::chrono::hours(1),
                         [this] { purge_old_records(now_millis()); }),
      sweep_rate_limits_("sweeping expired rate limits", std::chrono::minutes(1),
                         [this] { http::RateLimiter::sweep_expired(database_, now_millis()); }),
      delete_unused_images_("deleting unused images", std::chrono::minutes(10),
                            [this] { media_.delete_unused_past_grace(); }) {
  mail::configure({.from = config_.mail_from,
                   .public_url = config_.public_url,
                   .unsubscribe_secret = config_.jwt_secret});
  pipeline_.set_content_security_policy(
      http::content_security_policy(http::origin_of(config_.payment_tokens_url)));
  if (!config_.database_replica_url.empty()) use_replica();
  workers_.run_short_work_inline(catalog_reads_inline(config_));
  add_system_routes();
  accounts::add_routes(
      router_, accounts_, authenticator_, workers_,
      {login_per_client_, login_per_email_, signups_per_client_, resets_per_client_,
       resets_per_email_, verification_mails_per_user_, password_checks_per_user_});
  personal_data::on_account_deletion(accounts_, ledger_);
  personal_data::add_routes(router_, database_, authenticator_, workers_);
  media::add_routes(router_, media_, authenticator_, workers_, uploads_per_user_, config_);
  shops::add_routes(router_, shops_, authenticator_, workers_);
  catalog::add_routes(router_, catalog_, authenticator_, workers_);
  cart::add_routes(router_, carts_, authenticator_, workers_);
  checkout::add_routes(router_, checkout_, authenticator_, payment_workers_, checkouts_per_user_,
                       {config_.payment_tokens_url, config_.payment_publishable_key});
  addresses::add_routes(router_, addresses_, authenticator_, workers_);
  favorites::add_routes(router_, favorites_, authenticator_, workers_);
  orders::add_routes(router_, orders_, authenticator_, workers_, payment_workers_);
  ledger::add_routes(router_, ledger_, authenticator_, workers_);
  payouts::add_routes(router_, payouts_, authenticator_, workers_, payment_workers_);
  reviews::add_routes(router_, reviews_, authenticator_, workers_);
  notifications::add_routes(router_, notifications_, authenticator_, workers_);
  messages::add_routes(router_, messages_, authenticator_, workers_,
                       {messages_per_user_, conversations_per_user_});
  mail::add_routes(
      router_, mail_,
      [this](const http::Request& request) -> asio::awaitable<std::int64_t> {
        co_return (co_await authenticator_.require_user(request)).id;
      },
      workers_);
  payments::add_webhook_routes(router_, payment_events_, workers_, [this] { job_runner_.wake(); });

  jobs_.handle(payments::kPaymentEventJob,
               [this](const jobs::Job& job) { return payment_events_.handle_job(job); });
  jobs_.handle(payouts::kPayoutJob,
               [this](const jobs::Job& job) { return payouts_.handle_job(job); });
  jobs_.handle(std::string(messages::kMessageMailJob),
               [this](const jobs::Job& job) { return messages_.handle_mail_job(job); });
  jobs_.handle(std::string(catalog::kProductNewsJob),
               [this](const jobs::Job& job) { return favorites_.handle_product_news(job); });
  jobs_.handle(std::string(mail::kSendJob),
               [this](const jobs::Job& job) { return mail_sender_.handle_job(job); });
  payment_events_.on_payout_event([this](db::Connection& sql, const payments::GatewayEvent& event) {
    payouts_.apply_gateway_event(sql, event.type, event.object);
  });
  payouts_.on_payout_created([this] { job_runner_.wake(); });
}

void Application::purge_old_records(Millis now) {
  if (config_.retention_days <= 0) return;
  const Millis before = now - config_.retention_days * 24LL * 3600 * 1000;
  const long long mails = mail_.purge_sent(before);
  const long long jobs = jobs_.purge_done(before);
  if (mails || jobs)
    spdlog::info("purged {} sent mails and {} finished jobs older than {} days", mails, jobs,
                 config_.retention_days);
}

int Application::run_payouts(Millis now) {
  ledger_.release_due(now);
  const int created = payouts_.create_scheduled(now);
  // The payouts' jobs are due from when they were enqueued, which may be
  // later than `now`.
  jobs_.run_due(std::max(now, now_millis()));
  return created;
}

Application::~Application() {
  stop();
  wait();
}

int Application::migrate() { return db::migrate(database_); }

// Catalog reads on the replica; each successful write tells its client how
// far a replica must have replayed to show it (http/read_after.h).
void Application::use_replica() {
  database_.add_replica(replica_options(config_));
  pipeline_.set_after_write([this, lifetime = read_after_lifetime(config_)](
                                const http::Request& request,
                                http::Response& response) -> asio::awaitable<void> {
    try {
      const auto position =
          co_await workers_.run(request.request_id, [this] { return database_.write_position(); });
      http::remember_write(response, position, lifetime);
    } catch (const std::exception& error) {
      // The write stands; only this client's next catalog reads may lag.
      spdlog::warn("request_id={} cannot read the primary's WAL position: {}", request.request_id,
                   error.what());
    }
  });
}

void Application::add_system_routes() {
  if (!config_.web_dir.empty()) {
    web_app_ = std::make_unique<http::StaticFiles>(config_.web_dir);
    router_.set_fallback([this](http::Request& request) { return web_app_->serve(request); });
  }

  router_.add(
      verb::get, "/healthz", [this](http::Request& request) -> asio::awaitable<http::Response> {
        const bool database_ok =
            co_await workers_.run(request.request_id, [this] { return database_.ping(); });
        if (!database_ok)
          throw db::Failure(db::Failure::Kind::unavailable, "The database does not answer.");
        co_return http::json_response(200, {{"status", "ok"}, {"database", "ok"}});
      });

  router_.add(
      verb::get, "/metrics", [this](http::Request& request) -> asio::awaitable<http::Response> {
        if (!config_.metrics_token.empty() &&
            request.header(http::bhttp::field::authorization) != "Bearer " + config_.metrics_token)
          throw ApiError::unauthorized("Send the metrics token as a Bearer token.");
        http::Response response{http::bhttp::status::ok, 11};
        response.set(http::bhttp::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
        response.body() = metrics_.render({database_.pool_size(), database_.connections_in_use()});
        response.prepare_payload();
        co_return response;
      });

  static const boost::json::value openapi = boost::json::parse(embedded_openapi().front().content);
  router_.add(verb::get, "/api/openapi.json",
              [](http::Request&) -> asio::awaitable<http::Response> {
                co_return http::json_response(200, openapi);
              });
}

void Application::start(bool handle_signals) {
  http::ServerOptions options;
  options.host = config_.host;
  options.port = config_.port;
  options.max_body_bytes = config_.max_body_bytes;
  options.idle_timeout = std::chrono::seconds(config_.idle_timeout_seconds);
  options.body_timeout = std::chrono::seconds(config_.body_timeout_seconds);
  options.trust_proxy = config_.trust_proxy;
  server_ = std::make_unique<http::Server>(io_, options, pipeline_);
  server_->start();

  if (handle_signals) {
    auto signals = std::make_shared<asio::signal_set>(io_, SIGINT, SIGTERM);
    signals->async_wait([this, signals](const boost::system::error_code& ec, int signal) {
      if (ec) return;
      spdlog::info("signal {} received; finishing requests in flight", signal);
      stop();
    });
  }
  const int count = io_thread_count(config_);
  for (int i = 0; i < count; ++i) threads_.emplace_back([this] { io_.run(); });
  job_runner_.start();  // polls until the database is migrated, like requests wait
  if (!database_.open_to_requests_yet())
    migrator_ = std::thread([this] { migrate_when_reachable(); });
  release_earnings_.start();
  if (config_.reconcile_interval_seconds > 0) reconcile_payments_.start();
  scheduled_payouts_.start();
  if (config_.retention_days > 0) purge_old_records_.start();
  if (database_.dialect() == db::Dialect::postgres) sweep_rate_limits_.start();
  if (config_.unused_image_hours > 0) delete_unused_images_.start();
  spdlog::info("listening on http://{}:{} database={} threads={} workers={} connections={} cpus={}",
               config_.host, port(), database_.display_url(), count, pool_size(config_),
               database_.pool_size(), usable_cpus());
  spdlog::default_logger()->flush();  // scripts and tests wait for this line
}

// Retries the migrations, with backoff, until the database answers: a server
// started while PostgreSQL is down (or the SQLite folder is read-only) comes
// up unhealthy and starts serving by itself once it can.
void Application::migrate_when_reachable() {
  auto delay = std::chrono::duration_cast<std::chrono::milliseconds>(kFirstMigrationRetry);
  for (bool first = true;; first = false) {
    try {
      const int applied = migrate();
      spdlog::info("database ready ({} migration(s) applied); serving requests", applied);
      return;
    } catch (const db::Failure&) {
      // The database layer has said why; once is enough at this level.
      spdlog::log(first ? spdlog::level::warn : spdlog::level::debug,
                  "database not ready; migrating once it is (next try in {} ms)", delay.count());
    } catch (const std::exception& error) {
      spdlog::critical("migrations failed: {}; stopping", error.what());
      exit_code_ = 1;
      stop();
      return;
    }
    std::unique_lock lock(stopping_mutex_);
    if (stopping_changed_.wait_for(lock, delay, [this] { return stopping_; })) return;
    delay = std::min(delay * 2,
                     std::chrono::duration_cast<std::chrono::milliseconds>(kMaxMigrationRetry));
  }
}

void Application::stop() {
  {
    std::lock_guard lock(stopping_mutex_);
    stopping_ = true;
  }
  stopping_changed_.notify_all();
  release_earnings_.stop();
  reconcile_payments_.stop();
  purge_old_records_.stop();
  scheduled_payouts_.stop();
  sweep_rate_limits_.stop();
  delete_unused_images_.stop();
  if (!server_) return;
  static_cast<void>(asio::co_spawn(io_, drain(), asio::detached));
}

// Waits until the open connections have finished their requests (or the
// drain limit passes), then lets io_.run() return.
asio::awaitable<void> Application::drain() {
  server_->shutdown();
  asio::steady_timer timer(io_);
  const auto deadline = std::chrono::steady_clock::now() + kDrainLimit;
  while (server_->open_connections() > 0 && std::chrono::steady_clock::now() < deadline) {
    timer.expires_after(kDrainPoll);
    co_await timer.async_wait(asio::use_awaitable);
  }
  io_.stop();
}

void Application::wait() {
  if (migrator_.joinable()) migrator_.join();
  release_earnings_.join();
  reconcile_payments_.join();
  purge_old_records_.join();
  scheduled_payouts_.join();
  sweep_rate_limits_.join();
  delete_unused_images_.join();
  for (auto& thread : threads_)
    if (thread.joinable()) thread.join();
  threads_.clear();
  job_runner_.stop();  // after the job each worker has in hand
  payment_workers_.join();
  workers_.join();
}

}  // namespace ps
