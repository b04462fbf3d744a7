// pocketshop: the marketplace server and its admin commands.
#include "accounts/service.h"
#include "app/application.h"
#include "app/bench_scale.h"
#include "app/bench_seed.h"
#include "app/demo_seed.h"
#include "core/config.h"
#include "core/errors.h"
#include "core/logging.h"
#include "db/failure.h"
#include "gateway/gateway.h"
#include "mail/outbox.h"
#include "mail/store.h"

#include <soci/soci.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <boost/json/serialize.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <thread>

namespace {

// Serves even when the database cannot be reached yet: unhealthy, answering
// 503, and migrating once it can (Application::start).
int serve(ps::Config config) {
  ps::Application app(std::move(config));
  try {
    app.migrate();
  } catch (const ps::db::Failure&) {
    // Logged by the database layer; start() migrates once it can.
  }
  app.start(/*handle_signals=*/true);
  app.wait();
  spdlog::info("stopped");
  return app.exit_code();
}

int migrate(ps::Config config) {
  ps::Application app(std::move(config));
  const int applied = app.migrate();
  spdlog::info("{} migration(s) applied", applied);
  return 0;
}

// After a bulk load, before PostgreSQL's autovacuum gets to it, the planner
// guessed and catalog reads were 4x slower; SQLite's search index was left in
// as many segments as the inserts made, a tenth of each search (bench/README.md).
void after_bulk_load(ps::Application& app) {
  app.database().analyze_filled_tables();
  app.catalog().compact_search_index();
}

int seed_bench(ps::Config config, const std::string& manifest_path, int scale) {
  ps::Application app(std::move(config));
  app.migrate();
  auto seeded = ps::seed_bench(app);
  ps::grow_bench(app, scale, seeded);
  const auto manifest = boost::json::serialize(seeded);
  after_bulk_load(app);
  if (manifest_path.empty()) {
    std::cout << manifest << "\n";
    return 0;
  }
  std::ofstream out(manifest_path);
  out << manifest << "\n";
  if (!out.flush()) throw std::runtime_error("could not write " + manifest_path);
  return 0;
}

int seed_demo(ps::Config config) {
  ps::Application app(std::move(config));
  app.migrate();
  const auto logins = ps::seed_demo(app);
  after_bulk_load(app);
  std::cout << "Demo logins (password for all: " << logins.front().password << "):\n";
  for (const auto& login : logins) std::cout << "  " << login.role << ": " << login.email << "\n";
  return 0;
}

// Runs the jobs due now, once, and exits: for operators without job workers
// (--job-workers 0), and for a queue left waiting.
int run_jobs(ps::Config config) {
  ps::Application app(std::move(config));
  app.migrate();
  const int ran = app.jobs().run_due();
  std::cout << "ran " << ran << " job(s)\n";
  return 0;
}

// Writes a test mail to `address` and delivers it at once through the
// configured delivery (SMTP, or a .eml file): checks the SMTP settings.
int send_test_mail(ps::Config config, const std::string& address) {
  ps::Application app(std::move(config));
  app.migrate();
  const ps::mail::NewMail mail{
      .kind = "test",
      .to_address = address,
      .subject = "PocketShop test mail",
      .heading = "It works",
      .paragraphs = {"This mail checks the mail settings of a PocketShop server."}};
  const auto id = app.database().transaction(
      [&](ps::db::Connection& sql) { return ps::mail::enqueue(sql, mail); });
  // A running server's job workers may take the job first: wait for them a little.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  bool sent = false;
  while (!sent && std::chrono::steady_clock::now() < deadline) {
    app.jobs().run_due();
    sent = app.database().with_session([&](ps::db::Connection& sql) {
      const auto stored = ps::mail::store::find_mail(sql, id.value());
      return stored && stored->status == "sent";
    });
    if (!sent) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  if (!sent) {
    std::cerr << "mail " << *id
              << " is not delivered yet (see the warning above); it will be "
                 "retried by the job workers\n";
    return 1;
  }
  std::cout << "mail " << *id << " delivered\n";
  return 0;
}

// One line per dead job: id, kind, attempts, when it died and why.
int list_dead_jobs(ps::Config config) {
  ps::Application app(std::move(config));
  app.migrate();
  const auto dead = app.jobs().dead();
  for (const auto& job : dead)
    std::cout << job.id << '\t' << job.kind << '\t' << job.attempts << " attempts\t"
              << ps::to_rfc3339(job.updated_at) << '\t' << job.last_error << '\n';
  std::cout << dead.size() << " dead job(s)\n";
  return 0;
}

// Queues dead jobs again; exit code 1 when one of them was not dead.
int retry_jobs(ps::Config config, const std::vector<std::int64_t>& ids) {
  ps::Application app(std::move(config));
  app.migrate();
  int status = 0;
  for (const auto id : ids) {
    if (app.jobs().revive(id)) {
      std::cout << "job " << id << " queued again\n";
    } else {
      std::cerr << "pocketshop: job " << id << " is not dead\n";
      status = 1;
    }
  }
  return status;
}

struct ReconcileOptions {
  int window_hours = 48;
  int grace_minutes = 10;
};

// Compares our payments with the gateway's, repairs what is safe and prints
// the report as JSON; exit code 1 when differences need a person.
int reconcile_payments(ps::Config config, const ReconcileOptions& options) {
  ps::Application app(std::move(config));
  app.migrate();
  const auto report = app.reconciler().run(ps::now_millis(), options.window_hours * 3600'000LL,
                                           options.grace_minutes * 60'000LL);
  auto strings = [](const std::vector<std::string>& items) {
    return boost::json::array(items.begin(), items.end());
  };
  std::cout << boost::json::serialize(
                   boost::json::object{{"authorizations_checked", report.authorizations_checked},
                                       {"payments_checked", report.payments_checked},
                                       {"released_unrecorded", strings(report.released_unrecorded)},
                                       {"released_finished", strings(report.released_finished)},
                                       {"differences", strings(report.differences)}})
            << "\n";
  return report.differences.empty() ? 0 : 1;
}

struct NewUserOptions {
  std::string email, password, display_name, role = "buyer";
};

int run_payouts(ps::Config config) {
  ps::Application app(std::move(config));
  app.migrate();
  const int created = app.run_payouts(ps::now_millis());
  std::cout << "created " << created << " scheduled payout(s)\n";
  return 0;
}

int delete_unused_images(ps::Config config) {
  if (config.unused_image_hours <= 0) {
    std::cout << "unused images are kept (--unused-image-hours 0)\n";
    return 0;
  }
  ps::Application app(std::move(config));
  app.migrate();
  const auto deleted = app.media().delete_unused_past_grace();
  std::cout << "deleted " << deleted.images << " unused image(s) and " << deleted.files
            << " file(s)\n";
  return 0;
}

int create_user(ps::Config config, const NewUserOptions& options) {
  ps::Application app(std::move(config));
  app.migrate();
  ps::accounts::NewAccount account;
  account.email = ps::accounts::normalize_email(options.email);
  if (account.email.empty()) throw std::invalid_argument("not a valid email: " + options.email);
  if (options.password.size() < 8) throw std::invalid_argument("password needs 8+ characters");
  account.password = options.password;
  account.display_name = options.display_name.empty() ? account.email : options.display_name;
  account.role = *ps::accounts::parse_role(options.role);
  account.email_verified = true;  // made by the operator, who knows the address
  const auto user = app.accounts().create_user(account);
  std::cout << "created " << options.role << " " << user.email << " (id " << user.id << ")\n";
  return 0;
}

struct ShopFeeOptions {
  std::string slug;
  int bps = 0;
  long long fixed_cents = 0;
  bool has_bps = false, has_fixed = false;  // else the platform's default
};

// The operator sets a shop's own fee; there is no admin role in the API.
int set_shop_fee(ps::Config config, const ShopFeeOptions& options) {
  ps::Application app(std::move(config));
  app.migrate();
  ps::shops::FeeOverride fee;
  if (options.has_bps) fee.bps = options.bps;
  if (options.has_fixed) fee.fixed_cents = options.fixed_cents;
  app.shops().set_fee_override(options.slug, fee);
  const auto show = [](bool has, long long value) {
    return has ? std::to_string(value) : std::string("the platform's default");
  };
  std::cout << "shop " << options.slug << ": fee " << show(options.has_bps, options.bps)
            << " bps plus " << show(options.has_fixed, options.fixed_cents) << " fixed\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"PocketShop: a multi-vendor marketplace server"};
  cli.require_subcommand(1);
  cli.fallthrough();
  ps::Config config;
  ps::add_config_options(cli, config);

  auto* serve_cmd = cli.add_subcommand("serve", "apply migrations, then serve the API and web app");
  auto* migrate_cmd = cli.add_subcommand("migrate", "apply pending database migrations");
  auto* user_cmd = cli.add_subcommand("create-user", "create an account");
  auto* seed_cmd = cli.add_subcommand("seed", "add demo or benchmark data to an empty marketplace");
  bool demo = false, bench = false;
  std::string manifest;
  auto* demo_flag = seed_cmd->add_flag("--demo", demo,
                                       "shops, products, images and logins for trying PocketShop");
  auto* bench_flag = seed_cmd->add_flag(
      "--bench", bench, "the deterministic benchmark marketplace (bench/README.md)");
  demo_flag->excludes(bench_flag);
  seed_cmd->require_option(1, 3);
  seed_cmd->add_option("--manifest", manifest, "with --bench: write its JSON manifest here")
      ->needs(bench_flag);
  int bench_scale = 1;
  seed_cmd
      ->add_option("--scale", bench_scale,
                   "with --bench: grow it this many times (bench/README.md)")
      ->check(CLI::Range(1, 10000))
      ->needs(bench_flag);
  NewUserOptions user;
  user_cmd->add_option("--email", user.email, "email address")->required();
  user_cmd->add_option("--password", user.password, "at least 8 characters")->required();
  user_cmd->add_option("--display-name", user.display_name, "shown to other users");
  user_cmd->add_option("--role", user.role, "buyer or vendor")
      ->check(CLI::IsMember({"buyer", "vendor"}))
      ->capture_default_str();
  auto* shops_cmd = cli.add_subcommand("shops", "operator commands for shops");
  shops_cmd->require_subcommand(1);
  auto* set_fee_cmd = shops_cmd->add_subcommand(
      "set-fee", "give a shop its own platform fee (orders shipped from now on pay it)");
  ShopFeeOptions shop_fee;
  bool clear_fee = false;
  set_fee_cmd->add_option("slug", shop_fee.slug, "the shop's address")->required();
  auto* bps_flag = set_fee_cmd->add_option("--bps", shop_fee.bps, "percentage, in basis points")
                       ->check(CLI::Range(0, ps::shops::kMaxFeeBps));
  auto* fixed_flag =
      set_fee_cmd->add_option("--fixed", shop_fee.fixed_cents, "fixed fee per order, minor units")
          ->check(CLI::Range(0LL, ps::shops::kMaxFixedFeeCents));
  auto* clear_flag =
      set_fee_cmd->add_flag("--clear", clear_fee, "back to the platform's default fee");
  clear_flag->excludes(bps_flag)->excludes(fixed_flag);
  auto* payments_cmd = cli.add_subcommand("payments", "payments at the gateway");
  payments_cmd->require_subcommand(1);
  auto* reconcile_cmd = payments_cmd->add_subcommand(
      "reconcile", "compare payments with the gateway, release holds nobody will capture");
  ReconcileOptions reconcile;
  reconcile_cmd->add_option("--window-hours", reconcile.window_hours, "how far back to look")
      ->check(CLI::Range(1, 30 * 24));
  reconcile_cmd
      ->add_option("--grace-minutes", reconcile.grace_minutes,
                   "payments younger than this are left alone (checkouts in flight)")
      ->check(CLI::Range(0, 24 * 60));
  auto* jobs_cmd = cli.add_subcommand("jobs", "the durable job queue");
  jobs_cmd->require_subcommand(1);
  auto* jobs_run_cmd = jobs_cmd->add_subcommand("run", "run the jobs that are due once, then exit");
  auto* jobs_dead_cmd =
      jobs_cmd->add_subcommand("dead", "list the jobs that failed their last attempt");
  auto* jobs_retry_cmd =
      jobs_cmd->add_subcommand("retry", "queue dead jobs again, once what made them fail is fixed");
  std::vector<std::int64_t> retry_ids;
  jobs_retry_cmd->add_option("ids", retry_ids, "job ids (see `jobs dead`)")->required();
  auto* mail_cmd = cli.add_subcommand("mail", "mail delivery");
  mail_cmd->require_subcommand(1);
  auto* mail_test_cmd = mail_cmd->add_subcommand(
      "test", "write a test mail and deliver it now (SMTP, or a .eml file), then exit");
  std::string test_address;
  mail_test_cmd->add_option("address", test_address, "who gets it")->required();
  auto* payouts_cmd = cli.add_subcommand("payouts", "vendor payouts");
  payouts_cmd->require_subcommand(1);
  auto* payouts_run_cmd = payouts_cmd->add_subcommand(
      "run", "create the scheduled payouts that are due and send them, then exit");
  auto* images_cmd = cli.add_subcommand("images", "uploaded images");
  images_cmd->require_subcommand(1);
  auto* delete_unused_cmd = images_cmd->add_subcommand(
      "delete-unused",
      "delete the images nothing has shown for --unused-image-hours, and their files, then exit");
  auto* gateway_cmd = cli.add_subcommand(
      "gateway", "run the test-mode payment gateway, a subset of Stripe's API (docs/gateway.md)");
  ps::gateway::GatewayConfig gateway;
  ps::gateway::add_gateway_options(*gateway_cmd, gateway);

  CLI11_PARSE(cli, argc, argv);

  try {
    if (gateway_cmd->parsed()) {  // its own data folder: none of the shop's
      ps::init_logging(config.log_level, config.log_format);
      return ps::gateway::run_gateway(std::move(gateway));
    }
    ps::finalize_config(config);
    ps::init_logging(config.log_level, config.log_format);
    if (serve_cmd->parsed()) return serve(std::move(config));
    if (migrate_cmd->parsed()) return migrate(std::move(config));
    if (user_cmd->parsed()) return create_user(std::move(config), user);
    if (set_fee_cmd->parsed()) {
      shop_fee.has_bps = bps_flag->count() > 0;
      shop_fee.has_fixed = fixed_flag->count() > 0;
      if (!clear_fee && !shop_fee.has_bps && !shop_fee.has_fixed)
        throw std::invalid_argument("shops set-fee: give --bps, --fixed or --clear");
      return set_shop_fee(std::move(config), shop_fee);
    }
    if (jobs_run_cmd->parsed()) return run_jobs(std::move(config));
    if (jobs_dead_cmd->parsed()) return list_dead_jobs(std::move(config));
    if (jobs_retry_cmd->parsed()) return retry_jobs(std::move(config), retry_ids);
    if (reconcile_cmd->parsed()) return reconcile_payments(std::move(config), reconcile);
    if (payouts_run_cmd->parsed()) return run_payouts(std::move(config));
    if (delete_unused_cmd->parsed()) return delete_unused_images(std::move(config));
    if (mail_test_cmd->parsed()) return send_test_mail(std::move(config), test_address);
    if (seed_cmd->parsed())
      return bench ? seed_bench(std::move(config), manifest, bench_scale)
                   : seed_demo(std::move(config));
  } catch (const ps::ApiError& error) {
    std::cerr << "pocketshop: " << error.detail() << '\n';
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "pocketshop: " << error.what() << '\n';
    return 1;
  }
  return 2;
}
