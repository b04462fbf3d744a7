#include "support/server_process.h"

#include "support/card_tokens.h"

#include "db/database.h"

#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace ps::testing {

namespace {
using Clock = std::chrono::steady_clock;
constexpr auto kHealthyLimit = std::chrono::seconds(30);  // generous: sanitizer builds start slowly
constexpr auto kStopLimit = std::chrono::seconds(40);     // the server drains for up to 30 s
constexpr auto kPoll = std::chrono::milliseconds(20);
}  // namespace

ServerProcess::ServerProcess(Backend backend, std::vector<std::string> extra_args)
    : ServerProcess(Options{backend, std::move(extra_args)}) {}

ServerProcess::ServerProcess(Options options)
    : data_dir_(options.data_dir.empty() ? scratch_.path() : options.data_dir),
      options_(std::move(options)),
      process_(scratch_.path() / "server.log") {
  if (options_.backend == Backend::postgres && options_.database_url.empty())
    postgres_ = std::make_unique<ScratchPostgres>();
  start();
}

ServerProcess::~ServerProcess() = default;

std::string ServerProcess::database_url() const {
  if (!options_.database_url.empty()) return options_.database_url;
  if (postgres_) return postgres_->url();
  return "sqlite://" + (data_dir() / "pocketshop.db").string();
}

void ServerProcess::verify_email(const std::string& email) const {
  db::Database database(database_url(), 1);
  database.transaction([&](db::Connection& sql) {
    sql.session() << "UPDATE users SET email_verified_at = created_at WHERE email = :email",
        soci::use(email);
  });
}

std::vector<std::string> ServerProcess::command_line() const {
  const char* binary = std::getenv("POCKETSHOP_TEST_BINARY");
  std::vector<std::string> args{binary && *binary ? binary : POCKETSHOP_BINARY,
                                "serve",
                                "--host",
                                "127.0.0.1",
                                "--port",
                                "0",
                                "--data-dir",
                                data_dir().string(),
                                "--password-strength",
                                "min",
                                "--log-level",
                                "info",
                                "--payment-gateway-url",
                                test_gateway_url(),
                                "--payment-secret-key",
                                GatewayProcess::kSecretKey,
                                "--payment-publishable-key",
                                GatewayProcess::kPublishableKey};
  if (options_.backend == Backend::postgres || !options_.database_url.empty()) {
    args.push_back("--database-url");
    args.push_back(database_url());
  }
  args.insert(args.end(), options_.extra_args.begin(), options_.extra_args.end());
  return args;
}

void ServerProcess::start() {
  port_ = process_.start(command_line(), "pocketshop");
  if (options_.wait_until_healthy) wait_until_healthy();
}

void ServerProcess::restart(bool wait_until_healthy) {
  options_.wait_until_healthy = wait_until_healthy;
  start();
}

void ServerProcess::wait_until_healthy() {
  const auto deadline = Clock::now() + kHealthyLimit;
  while (Clock::now() < deadline) {
    try {
      if (client().get("/healthz").status == 200) return;
    } catch (const std::exception&) {
      // Not accepting yet.
    }
    std::this_thread::sleep_for(kPoll);
  }
  kill();
  throw std::runtime_error("pocketshop never answered /healthz:\n" + process_.output());
}

void ServerProcess::kill() { process_.kill(); }

int ServerProcess::terminate() { return process_.terminate(kStopLimit); }

}  // namespace ps::testing
