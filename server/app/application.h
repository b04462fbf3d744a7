#pragma once

#include "accounts/auth.h"
#include "accounts/passwords.h"
#include "accounts/service.h"
#include "accounts/tokens.h"
#include "addresses/service.h"
#include "app/periodic_task.h"
#include "cart/service.h"
#include "catalog/service.h"
#include "checkout/service.h"
#include "core/config.h"
#include "core/worker_pool.h"
#include "db/database.h"
#include "favorites/service.h"
#include "http/pipeline.h"
#include "http/rate_limiter.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_files.h"
#include "jobs/queue.h"
#include "jobs/runner.h"
#include "ledger/service.h"
#include "mail/sender.h"
#include "mail/service.h"
#include "media/service.h"
#include "messages/service.h"
#include "notifications/service.h"
#include "orders/service.h"
#include "payments/events_service.h"
#include "payments/reconciliation.h"
#include "payments/service.h"
#include "payments/stripe_provider.h"
#include "payouts/service.h"
#include "reviews/service.h"
#include "shops/service.h"

#include <boost/asio/io_context.hpp>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace ps {

// Everything a running PocketShop is made of, wired together once. Members
// are declared in dependency order, so they are destroyed in reverse.
class Application {
 public:
  explicit Application(Config config);  // config must be finalized
  ~Application();

  // Applies pending migrations, then lets requests use the database. Throws
  // db::Failure when the database cannot be reached.
  int migrate();

  // Binds the port and serves on config.io_threads threads until stop()
  // (or a signal, with handle_signals) and the graceful drain complete. When
  // migrate() has not succeeded yet (the database was unreachable), it is
  // retried in the background with backoff; until then /healthz and every
  // request that needs the database answer 503.
  void start(bool handle_signals);
  void wait();
  void stop();  // graceful: requests in flight finish
  // Non-zero when the server stopped because its migrations failed.
  int exit_code() const { return exit_code_.load(); }
  std::uint16_t port() const { return server_->port(); }

  db::Database& database() { return database_; }
  media::MediaService& media() { return media_; }
  accounts::AccountsService& accounts() { return accounts_; }
  const accounts::Authenticator& authenticator() const { return authenticator_; }
  shops::ShopsService& shops() { return shops_; }
  catalog::CatalogService& catalog() { return catalog_; }
  cart::CartService& carts() { return carts_; }
  checkout::CheckoutService& checkout() { return checkout_; }
  orders::OrdersService& orders() { return orders_; }
  reviews::ReviewsService& reviews() { return reviews_; }
  favorites::FavoritesService& favorites() { return favorites_; }
  messages::MessagesService& messages() { return messages_; }
  ledger::LedgerService& ledger() { return ledger_; }
  payouts::PayoutsService& payouts() { return payouts_; }
  // What `pocketshop payouts run` and the in-process scheduler do: releases
  // due earnings, creates the scheduled payouts due at `now` and runs the
  // jobs that are due. Returns how many payouts it created.
  int run_payouts(Millis now);
  // What the hourly purge does: deletes the mails sent, and the jobs done
  // (those without a dedupe key), more than --retention-days before `now`.
  void purge_old_records(Millis now);
  // The durable job queue; with --job-workers 0 nothing runs it by itself.
  jobs::JobQueue& jobs() { return jobs_; }
  mail::MailSender& mail_sender() { return mail_sender_; }
  payments::PaymentProvider& payment_provider() { return payment_provider_; }
  payments::Reconciler& reconciler() { return reconciler_; }
  const accounts::TokenIssuer& tokens() const { return tokens_; }
  WorkerPool& workers() { return workers_; }
  WorkerPool& payment_workers() { return payment_workers_; }
  // Mutable until start(): tests add probe routes here.
  http::Router& router() { return router_; }
  const Config& config() const { return config_; }

 private:
  void add_system_routes();
  void use_replica();
  boost::asio::awaitable<void> drain();
  void migrate_when_reachable();

  Config config_;
  WorkerPool workers_;
  WorkerPool payment_workers_;  // requests that wait on the gateway (Config::payment_workers)
  db::Database database_;
  jobs::JobQueue jobs_;
  media::MediaService media_;
  accounts::TokenIssuer tokens_;
  accounts::PasswordHasher passwords_;
  accounts::AccountsService accounts_;
  accounts::Authenticator authenticator_;
  shops::ShopsService shops_;
  catalog::CatalogService catalog_;
  cart::CartService carts_;
  payments::StripeProvider payment_provider_;
  payments::PaymentsService payments_;
  ledger::LedgerService ledger_;
  payments::PaymentEventsService payment_events_;
  payments::Reconciler reconciler_;
  payouts::PayoutsService payouts_;
  orders::OrdersService orders_;
  checkout::CheckoutService checkout_;
  addresses::AddressesService addresses_;
  favorites::FavoritesService favorites_;
  reviews::ReviewsService reviews_;
  notifications::NotificationsService notifications_;
  messages::MessagesService messages_;
  mail::MailSender mail_sender_;
  mail::MailService mail_;
  jobs::JobRunner job_runner_;  // after every service a job handler uses
  http::RateLimiter login_per_client_;
  http::RateLimiter login_per_email_;
  http::RateLimiter signups_per_client_;
  http::RateLimiter resets_per_client_;
  http::RateLimiter resets_per_email_;
  http::RateLimiter verification_mails_per_user_;
  http::RateLimiter password_checks_per_user_;
  http::RateLimiter checkouts_per_user_;
  http::RateLimiter messages_per_user_;
  http::RateLimiter conversations_per_user_;
  http::RateLimiter uploads_per_user_;
  std::unique_ptr<http::StaticFiles> web_app_;
  http::Router router_;
  http::Metrics metrics_;
  http::Pipeline pipeline_;
  boost::asio::io_context io_;
  std::unique_ptr<http::Server> server_;
  std::vector<std::thread> threads_;
  std::thread migrator_;  // while the database was unreachable at start
  PeriodicTask release_earnings_;
  PeriodicTask reconcile_payments_;  // started when config.reconcile_interval_seconds > 0
  PeriodicTask scheduled_payouts_;
  PeriodicTask purge_old_records_;     // started when config.retention_days > 0
  PeriodicTask sweep_rate_limits_;     // started on PostgreSQL, where the limits count
  PeriodicTask delete_unused_images_;  // started when config.unused_image_hours > 0
  std::mutex stopping_mutex_;
  std::condition_variable stopping_changed_;
  bool stopping_ = false;
  std::atomic<int> exit_code_{0};
};

}  // namespace ps
