#include "support/test_server.h"

#include "support/card_tokens.h"

#include "core/logging.h"
#include "core/random.h"

#include "db/database.h"

#include <soci/soci.h>

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include <cstdlib>
#include <stdexcept>

namespace ps::testing {

std::string backend_name(Backend backend) {
  return backend == Backend::sqlite ? "SQLite" : "PostgreSQL";
}

TempDir::TempDir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "pocketshop-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

ScratchPostgres::ScratchPostgres() {
  const char* admin_env = std::getenv("POCKETSHOP_TEST_PG_URL");
  if (!admin_env || !*admin_env)
    throw std::runtime_error(
        "POCKETSHOP_TEST_PG_URL is not set: run the tests with `make test`, which starts a "
        "throw-away PostgreSQL server");
  admin_url_ = admin_env;
  name_ = "pocketshop_test_" + random_hex(6);
  db::Database admin(admin_url_, 1);
  admin.with_session([&](db::Connection& sql) { sql.session() << "CREATE DATABASE " + name_; });
  boost::urls::url url(boost::urls::parse_uri(admin_url_).value());
  url.set_path("/" + name_);
  url_ = std::string(url.buffer());
}

ScratchPostgres::~ScratchPostgres() {
  try {
    db::Database admin(admin_url_, 1);
    admin.with_session([&](db::Connection& sql) {
      sql.session() << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
    });
  } catch (...) {
    // Leaving a scratch database behind is harmless; the cluster is thrown away.
  }
}

TestServer::TestServer(Backend backend, const ConfigTweak& tweak, const RouteHook& hook) {
  config_.host = "127.0.0.1";
  config_.port = 0;
  config_.data_dir = data_dir_.path().string();
  config_.password_strength = "min";
  config_.io_threads = 2;
  config_.db_pool_size = 4;
  config_.log_level = "warn";
  config_.payment_gateway_url = test_gateway_url();
  config_.payment_secret_key = GatewayProcess::kSecretKey;
  config_.payment_publishable_key = GatewayProcess::kPublishableKey;
  config_.reconcile_interval_seconds = 0;  // tests run it when they mean to
  if (backend == Backend::postgres) {
    postgres_ = std::make_unique<ScratchPostgres>();
    config_.database_url = postgres_->url();
  }
  if (tweak) tweak(config_);
  finalize_config(config_);
  init_logging(config_.log_level);
  app_ = std::make_unique<Application>(config_);
  app_->migrate();
  if (hook) hook(*app_);
  app_->start(/*handle_signals=*/false);
}

TestServer::~TestServer() {
  app_->stop();
  app_->wait();
  app_.reset();
}

}  // namespace ps::testing
