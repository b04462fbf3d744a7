// The pocketshop binary as an operator uses it: subcommands, configuration
// from the environment, the demo seed, and a clean exit on SIGTERM/SIGINT.
#include "db/database.h"
#include "jobs/queue.h"
#include "media/demo_images.h"
#include "media/service.h"
#include "support/card_tokens.h"
#include "support/http_client.h"
#include "support/test_server.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <boost/json.hpp>

#include <sstream>

#include <fcntl.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <thread>
#include <vector>

namespace ps::testing {
namespace {

struct CommandResult {
  int exit_code = -1;
  std::string output;
};

CommandResult run(const std::string& arguments) {
  const std::string command = std::string(POCKETSHOP_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  CommandResult result;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) result.output.append(buffer, n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

TEST(Cli, MigrateIsSafeToRunTwice) {
  TempDir dir;
  const auto first = run("migrate --data-dir " + dir.path().string());
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("applying migration 001_accounts.sql"), std::string::npos);
  const auto second = run("migrate --data-dir " + dir.path().string());
  EXPECT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("0 migration(s) applied"), std::string::npos) << second.output;
}

// An applied migration whose file was edited since: `migrate` and `serve`
// refuse to go on, naming the file.
void expect_refusal_of_changed_migration(const std::string& database_url, const TempDir& dir) {
  const std::string options =
      " --data-dir " + dir.path().string() +
      (database_url.empty() ? std::string() : " --database-url " + database_url);
  const auto first = run("migrate" + options);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  {
    db::Database database(
        database_url.empty() ? "sqlite://" + (dir.path() / "pocketshop.db").string() : database_url,
        1);
    database.with_session([](db::Connection& sql) {
      sql.session() << "UPDATE schema_migrations SET checksum = 'edited' WHERE version = 3";
    });
  }
  const std::string file = (database_url.empty() ? "sqlite/" : "postgres/") +
                           std::string("003_shops_catalog.sql has changed since it was applied");
  for (const std::string command : {"migrate", "serve --host 127.0.0.1 --port 0"}) {
    const auto refused = run(command + options);
    EXPECT_EQ(refused.exit_code, 1) << command << ": " << refused.output;
    EXPECT_NE(refused.output.find("migration file " + file), std::string::npos)
        << command << ": " << refused.output;
  }
}

TEST(Cli, AChangedMigrationIsRefusedOnSqlite) {
  TempDir dir;
  expect_refusal_of_changed_migration("", dir);
}

TEST(Cli, AChangedMigrationIsRefusedOnPostgres) {
  TempDir dir;
  ScratchPostgres postgres;
  expect_refusal_of_changed_migration(postgres.url(), dir);
}

TEST(Cli, JsonLogsAreOneObjectALine) {
  TempDir dir;
  const auto result = run("migrate --log-format json --data-dir " + dir.path().string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  std::istringstream lines(result.output);
  std::string line;
  int parsed = 0;
  while (std::getline(lines, line)) {
    const auto json = boost::json::parse(line).as_object();  // throws if not JSON
    EXPECT_TRUE(json.contains("time") && json.contains("level") && json.contains("message"));
    ++parsed;
  }
  EXPECT_GE(parsed, 2);
  EXPECT_NE(result.output.find(R"("message":"applying migration 001_accounts.sql")"),
            std::string::npos);
}

// The shop's own fee as stored: "bps/fixed", NULL as "-".
std::string shop_fee(const TempDir& dir, const std::string& slug) {
  db::Database database("sqlite://" + (dir.path() / "pocketshop.db").string(), 1);
  std::string fee;
  database.with_session([&](db::Connection& sql) {
    long long bps = 0, fixed = 0;
    soci::indicator bps_ind = soci::i_null, fixed_ind = soci::i_null;
    sql.session() << "SELECT platform_fee_bps, platform_fee_fixed_cents FROM shops WHERE slug = :s",
        soci::into(bps, bps_ind), soci::into(fixed, fixed_ind), soci::use(slug);
    fee = (bps_ind == soci::i_ok ? std::to_string(bps) : "-") + "/" +
          (fixed_ind == soci::i_ok ? std::to_string(fixed) : "-");
  });
  return fee;
}

TEST(Cli, ShopsSetFeeGivesAShopItsOwnFeeUntilCleared) {
  TempDir dir;
  const std::string data = " --data-dir " + dir.path().string();
  ASSERT_EQ(run("migrate" + data).exit_code, 0);
  {
    db::Database database("sqlite://" + (dir.path() / "pocketshop.db").string(), 1);
    database.with_session([](db::Connection& sql) {
      sql.session() << "INSERT INTO users (id, email, password_hash, display_name, role, "
                       "created_at) VALUES (1, 'v@example.com', 'x', 'V', 'vendor', 0)";
      sql.session() << "INSERT INTO shops (owner_id, slug, name, accent_color, created_at, "
                       "updated_at) VALUES (1, 'pots', 'Pots', '#485fc7', 0, 0)";
    });
  }
  EXPECT_EQ(shop_fee(dir, "pots"), "-/-");
  const auto set = run("shops set-fee pots --bps 250 --fixed 15" + data);
  EXPECT_EQ(set.exit_code, 0) << set.output;
  EXPECT_EQ(shop_fee(dir, "pots"), "250/15");
  EXPECT_EQ(run("shops set-fee pots --bps 0" + data).exit_code, 0);
  EXPECT_EQ(shop_fee(dir, "pots"), "0/-");  // the fixed fee: the platform's
  EXPECT_EQ(run("shops set-fee pots --clear" + data).exit_code, 0);
  EXPECT_EQ(shop_fee(dir, "pots"), "-/-");

  const auto unknown = run("shops set-fee nope --bps 1" + data);
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.output, ::testing::HasSubstr("There is no shop nope"));
  for (const std::string bad :
       {"pots --bps 5001", "pots --fixed -1", "pots --clear --bps 1", "pots", "--bps 1"}) {
    const auto refused = run("shops set-fee " + bad + data);
    EXPECT_NE(refused.exit_code, 0) << bad;
  }
  EXPECT_EQ(shop_fee(dir, "pots"), "-/-");
}

TEST(Cli, CreateUserRefusesADuplicate) {
  TempDir dir;
  const std::string base = "create-user --data-dir " + dir.path().string() +
                           " --password-strength min --email Vendor@Example.com "
                           "--password longenough --role vendor";
  const auto created = run(base);
  EXPECT_EQ(created.exit_code, 0) << created.output;
  EXPECT_NE(created.output.find("created vendor vendor@example.com"), std::string::npos);
  const auto again = run(base);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.output.find("already exists"), std::string::npos) << again.output;
}

TEST(Cli, BadConfigurationExitsWithAMessage) {
  const auto bad_port = run("serve --port 99999");
  EXPECT_NE(bad_port.exit_code, 0);
  const auto bad_db = run("migrate --database-url mysql://nope");
  EXPECT_EQ(bad_db.exit_code, 1);
  EXPECT_NE(bad_db.output.find("sqlite://"), std::string::npos) << bad_db.output;
  const auto no_command = run("");
  EXPECT_NE(no_command.exit_code, 0);
}

const std::regex kListening(R"(listening on http://127\.0\.0\.1:(\d+))");

using Clock = std::chrono::steady_clock;
using ::testing::HasSubstr;
constexpr auto kServeLimit = std::chrono::seconds(40);  // the drain may take 30 s
constexpr auto kPoll = std::chrono::milliseconds(20);

// How a ServeCommand starts: the data folder and a free port as flags, or
// (by_environment) as POCKETSHOP_DATA_DIR and POCKETSHOP_PORT; `environment`
// adds NAME=value settings; `cpu` pins it to that one CPU, as taskset does.
struct ServeLaunch {
  bool by_environment = false;
  std::vector<std::string> environment;
  std::optional<int> cpu;
};

// `pocketshop serve` on a data folder in a child process, its output in
// serve.log there. The test may send it any signal while it goes on talking
// to it. Killed when the test ends without having waited for it.
class ServeCommand {
 public:
  explicit ServeCommand(const std::filesystem::path& data_dir, ServeLaunch launch = {})
      : log_path_(data_dir / "serve.log") {
    spawn(data_dir.string(), std::move(launch));
    const auto port = wait_for_log(kListening);
    if (!port) throw std::runtime_error("pocketshop serve did not start:\n" + log());
    port_ = static_cast<std::uint16_t>(std::stoi(*port));
  }
  ~ServeCommand() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  ServeCommand(const ServeCommand&) = delete;
  ServeCommand& operator=(const ServeCommand&) = delete;

  std::uint16_t port() const { return port_; }
  HttpClient client() const { return HttpClient(port_); }
  void signal(int number) const { ::kill(pid_, number); }

  std::string log() const {
    std::ifstream in(log_path_, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  // Waits until the log matches; returns the first group (or the whole
  // match), or nothing when it does not appear in time.
  std::optional<std::string> wait_for_log(const std::regex& pattern) const {
    for (const auto deadline = Clock::now() + kServeLimit; Clock::now() < deadline;) {
      const std::string text = log();
      std::smatch match;
      if (std::regex_search(text, match, pattern)) return match[match.size() > 1 ? 1 : 0].str();
      std::this_thread::sleep_for(kPoll);
    }
    return std::nullopt;
  }

  // The exit code; -1 when killed by a signal or still running after the limit.
  int wait_for_exit() {
    for (const auto deadline = Clock::now() + kServeLimit; Clock::now() < deadline;) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(kPoll);
    }
    return -1;
  }

 private:
  // The child's argv and environment are built before the fork: it makes
  // only async-signal-safe calls until exec.
  void spawn(const std::string& data_dir, ServeLaunch launch) {
    std::vector<std::string> arguments = {POCKETSHOP_BINARY, "serve", "--password-strength", "min"};
    std::vector<std::string> environment(launch.environment);
    for (char** variable = environ; *variable; ++variable) environment.emplace_back(*variable);
    if (launch.by_environment) {
      environment.insert(environment.begin(),
                         {"POCKETSHOP_PORT=0", "POCKETSHOP_DATA_DIR=" + data_dir});
    } else {
      arguments.insert(arguments.end(), {"--port", "0", "--data-dir", data_dir});
    }
    const auto argv = c_strings(arguments);
    const auto envp = c_strings(environment);
    cpu_set_t cpus;
    CPU_ZERO(&cpus);
    if (launch.cpu) CPU_SET(*launch.cpu, &cpus);

    const int log_fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (log_fd < 0) throw std::runtime_error("cannot open " + log_path_.string());
    const pid_t parent = getpid();
    pid_ = fork();
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (getppid() != parent) _exit(126);
      if (launch.cpu && sched_setaffinity(0, sizeof cpus, &cpus) != 0) _exit(126);
      dup2(log_fd, STDOUT_FILENO);
      dup2(log_fd, STDERR_FILENO);
      close_range(3, ~0U, 0);
      sigset_t none;
      sigemptyset(&none);
      sigprocmask(SIG_SETMASK, &none, nullptr);
      execve(POCKETSHOP_BINARY, argv.data(), envp.data());
      _exit(127);
    }
    ::close(log_fd);
    if (pid_ < 0) throw std::runtime_error("fork failed");
  }

  // Pointers to each string, then the null that execve expects.
  static std::vector<char*> c_strings(std::vector<std::string>& strings) {
    std::vector<char*> pointers;
    for (auto& string : strings) pointers.push_back(string.data());
    pointers.push_back(nullptr);
    return pointers;
  }

  std::filesystem::path log_path_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

TEST(Cli, ServeReadsTheEnvironmentAndStopsCleanlyOnSigterm) {
  TempDir dir;
  ServeCommand server(dir.path(), {.by_environment = true});
  EXPECT_EQ(server.client().get("/healthz").status, 200);

  server.signal(SIGTERM);
  EXPECT_EQ(server.wait_for_exit(), 0) << server.log();
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "pocketshop.db"));
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "jwt-secret"));
}

// Pinned to one CPU (as taskset, a cpuset or systemd's AllowedCPUs= pin it),
// the server starts one network thread and two workers, not one and two per
// core of the machine. SQLite's connections: one per worker and one per
// network thread, which reads the catalogue itself.
TEST(Cli, ServeSizesItsThreadsByTheCpusItMayRunOn) {
  cpu_set_t mask;
  CPU_ZERO(&mask);
  ASSERT_EQ(sched_getaffinity(0, sizeof mask, &mask), 0);
  if (CPU_COUNT(&mask) < 2) GTEST_SKIP() << "needs two CPUs to tell one from all";
  int first = 0;
  while (!CPU_ISSET(first, &mask)) ++first;

  TempDir dir;
  ServeCommand pinned(dir.path(), {.cpu = first});
  EXPECT_THAT(pinned.log(), HasSubstr("threads=1 workers=2 connections=3 cpus=1"));

  // Given explicitly, the counts are what they say.
  TempDir other;
  ServeCommand configured(
      other.path(),
      {.environment = {"POCKETSHOP_IO_THREADS=3", "POCKETSHOP_DB_POOL_SIZE=5"}, .cpu = first});
  EXPECT_THAT(configured.log(), HasSubstr("threads=3 workers=5 connections=8 cpus=1"));

  // Catalogue reads handed to the workers: the network threads need none.
  TempDir handing_off;
  ServeCommand on_workers(handing_off.path(),
                          {.environment = {"POCKETSHOP_IO_THREADS=3", "POCKETSHOP_DB_POOL_SIZE=5",
                                           "POCKETSHOP_SQLITE_CATALOG_READS=workers"},
                           .cpu = first});
  EXPECT_THAT(on_workers.log(), HasSubstr("threads=3 workers=5 connections=5 cpus=1"));
}

// The client is still sending its body when the signal arrives, so the request
// is in flight: the server must read the rest and answer it, then exit 0.
void expect_signal_lets_the_request_in_flight_finish(int signal_number) {
  TempDir dir;
  ServeCommand server(dir.path());
  const auto signed_up =
      server.client().post_json("/api/auth/register", {{"email", "drain@example.com"},
                                                       {"password", "password123"},
                                                       {"display_name", "Drain"},
                                                       {"role", "buyer"}});
  ASSERT_EQ(signed_up.status, 201) << signed_up.body;

  const std::string body = R"({"email": "drain@example.com", "password": "password123"})";
  RawConnection connection(server.port());
  connection.send(
      "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Expect: 100-continue\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n");
  // The interim answer proves the headers are in: the connection is busy.
  const auto interim = connection.read_response(5000);
  ASSERT_EQ(interim.rfind("HTTP/1.1 100", 0), 0u) << interim;
  connection.send(body.substr(0, 10));

  server.signal(signal_number);
  const std::regex received("signal " + std::to_string(signal_number) + " received");
  ASSERT_TRUE(server.wait_for_log(received)) << server.log();
  connection.send(body.substr(10));

  const auto response = connection.read_response(5000);
  EXPECT_EQ(response.rfind("HTTP/1.1 200", 0), 0u) << response;
  EXPECT_THAT(response, HasSubstr("\"access_token\""));
  EXPECT_THAT(response, HasSubstr("Connection: close"));
  EXPECT_EQ(server.wait_for_exit(), 0) << server.log();
}

TEST(Cli, SigtermLetsARequestInFlightFinishAndExitsZero) {
  expect_signal_lets_the_request_in_flight_finish(SIGTERM);
}

TEST(Cli, SigintLetsARequestInFlightFinishAndExitsZero) {
  expect_signal_lets_the_request_in_flight_finish(SIGINT);
}

using RowCounts = std::map<std::string, long long>;

RowCounts row_counts(const std::filesystem::path& data_dir) {
  db::Database database("sqlite://" + (data_dir / "pocketshop.db").string(), 1);
  RowCounts counts;
  database.with_session([&](db::Connection& sql) {
    for (const std::string table :
         {"users", "shops", "products", "images", "product_images", "favorites"})
      sql.session() << "SELECT COUNT(*) FROM " + table, soci::into(counts[table]);
  });
  return counts;
}

// Products that share a name with another of their shop's.
long long repeated_product_names(const std::filesystem::path& data_dir) {
  db::Database database("sqlite://" + (data_dir / "pocketshop.db").string(), 1);
  long long repeated = 0;
  database.with_session([&](db::Connection& sql) {
    sql.session() << "SELECT COUNT(*) - COUNT(DISTINCT shop_id || '/' || name) FROM products",
        soci::into(repeated);
  });
  return repeated;
}

// Every listed product, page by page.
std::vector<boost::json::object> listed_products(const HttpClient& client) {
  std::vector<boost::json::object> products;
  for (long long page = 1, pages = 1; page <= pages; ++page) {
    const auto result = client.get("/api/products?limit=100&page=" + std::to_string(page));
    EXPECT_EQ(result.status, 200) << result.body;
    if (result.status != 200) break;
    const auto json = result.json();
    for (const auto& item : json.at("items").as_array()) products.push_back(item.as_object());
    pages = json.at("pages").as_int64();
  }
  return products;
}

void expect_demo_catalogue(const HttpClient& client, const RowCounts& rows) {
  EXPECT_GE(client.get("/api/shops").json().at("total").as_int64(), 12);
  const auto first_page = client.get("/api/products?limit=1").json();
  EXPECT_GE(first_page.at("facets").at("category").as_array().size(), 5u);

  const auto products = listed_products(client);
  EXPECT_GE(products.size(), 150u);
  EXPECT_EQ(static_cast<long long>(products.size()), first_page.at("total").as_int64());
  const auto drafts = rows.at("products") - static_cast<long long>(products.size());
  EXPECT_EQ(drafts, rows.at("shops"));  // one draft per shop, not listed
  for (const auto& product : products) {
    EXPECT_EQ(product.at("status").as_string(), "active");
    ASSERT_FALSE(product.at("image").is_null()) << product.at("name");
    const std::string url(product.at("image").at("urls").at("medium").as_string());
    const auto image = client.get(url);
    EXPECT_EQ(image.status, 200) << url;
    EXPECT_EQ(image.header("content-type"), "image/webp") << url;
  }
}

// Signs in with every login `seed --demo` printed.
void expect_printed_logins_work(const HttpClient& client, const std::string& output) {
  std::smatch password;
  ASSERT_TRUE(std::regex_search(output, password, std::regex(R"(password for all: (\S+)\))")))
      << output;
  const std::regex login_line(R"(  (vendor|buyer): (\S+@\S+))");
  std::set<std::string> roles;
  for (std::sregex_iterator it(output.begin(), output.end(), login_line), end; it != end; ++it) {
    const std::string role = (*it)[1], email = (*it)[2];
    const auto result =
        client.post_json("/api/auth/login", {{"email", email}, {"password", password[1].str()}});
    ASSERT_EQ(result.status, 200) << email << ": " << result.body;
    EXPECT_EQ(result.json().at("user").at("role").as_string(), role);
    const std::string token(result.json().at("access_token").as_string());
    if (role == "vendor") {
      EXPECT_EQ(client.get("/api/my/shop", token).status, 200) << email;
    }
    roles.insert(role);
  }
  EXPECT_EQ(roles, (std::set<std::string>{"buyer", "vendor"})) << output;
}

// The options that send `seed --demo`'s checkouts to the test gateway.
std::string test_gateway_options() {
  return std::string(" --payment-gateway-url ") + test_gateway_url() + " --payment-secret-key " +
         GatewayProcess::kSecretKey + " --payment-publishable-key " +
         GatewayProcess::kPublishableKey;
}

std::string access_token(const HttpClient& client, const std::string& email) {
  const auto result =
      client.post_json("/api/auth/login", {{"email", email}, {"password", "pocketshop-demo"}});
  EXPECT_EQ(result.status, 200) << email << ": " << result.body;
  return std::string(result.json().at("access_token").as_string());
}

// The statuses of a page of orders, sorted.
std::vector<std::string> statuses(const HttpResult& orders) {
  EXPECT_EQ(orders.status, 200) << orders.body;
  std::vector<std::string> found;
  const auto page = orders.json();
  for (const auto& order : page.at("items").as_array())
    found.emplace_back(order.at("status").as_string());
  std::ranges::sort(found);
  return found;
}

// The first shop's orders, in every state, from the two demo buyers.
void expect_demo_orders(const HttpClient& client) {
  const auto vendor = access_token(client, "ada@demo.pocketshop.test");
  EXPECT_EQ(statuses(client.get("/api/my/shop/orders", vendor)),
            (std::vector<std::string>{"cancelled", "delivered", "delivered", "paid", "processing",
                                      "shipped", "shipped"}));
  const auto buyer = access_token(client, "buyer@demo.pocketshop.test");
  // One checkout bought from two shops: the other shop's order waits for it.
  EXPECT_EQ(statuses(client.get("/api/orders", buyer)),
            (std::vector<std::string>{"delivered", "paid", "processing", "shipped", "shipped"}));
  // Each shipped order's sale is in the ledger, on hold (the disputed one's
  // dispute comes by the gateway's webhook, which this test's shop is not).
  const auto earnings = client.get("/api/my/earnings/orders", vendor);
  EXPECT_EQ(statuses(earnings),
            (std::vector<std::string>{"pending", "pending", "pending", "pending"}));
  EXPECT_EQ(client.get("/api/conversations", vendor).json().at("items").as_array().size(), 1u);
}

TEST(Cli, SeedDemoFillsAnEmptyMarketplaceOnlyOnce) {
  TempDir dir;
  const std::string seed = "seed --demo --password-strength min --data-dir " + dir.path().string() +
                           test_gateway_options();
  const auto first = run(seed);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  const auto seeded = row_counts(dir.path());
  EXPECT_EQ(repeated_product_names(dir.path()), 0);
  EXPECT_GE(seeded.at("favorites"), 6);  // each demo buyer's, from several shops

  const auto again = run(seed);
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_THAT(again.output, HasSubstr("demo data not added"));
  EXPECT_EQ(row_counts(dir.path()), seeded);

  ServeCommand server(dir.path());
  expect_demo_catalogue(server.client(), seeded);
  expect_printed_logins_work(server.client(), first.output);
  expect_demo_orders(server.client());
}

// Without a gateway (`seed --demo` on its own) the demo has no orders, and says so.
TEST(Cli, SeedDemoWithoutAGatewayAddsNoOrders) {
  TempDir dir;
  const auto seeded = run("seed --demo --password-strength min --data-dir " + dir.path().string() +
                          " --payment-gateway-url http://127.0.0.1:1");
  ASSERT_EQ(seeded.exit_code, 0) << seeded.output;
  EXPECT_THAT(seeded.output, HasSubstr("no demo orders: the payment gateway"));
  db::Database database("sqlite://" + (dir.path() / "pocketshop.db").string(), 1);
  long long orders = -1, carts = -1;
  database.with_session([&](db::Connection& sql) {
    sql.session() << "SELECT COUNT(*) FROM orders", soci::into(orders);
    sql.session() << "SELECT COUNT(*) FROM cart_items", soci::into(carts);
  });
  EXPECT_EQ(orders, 0);
  EXPECT_EQ(carts, 0);
  EXPECT_EQ(row_counts(dir.path()).at("shops"), 12);
}

// `jobs run` runs what is due once (here a recorded webhook event's job) and exits.
TEST(Cli, JobsRunRunsTheDueJobsOnce) {
  TempDir dir;
  ASSERT_EQ(run("migrate --data-dir " + dir.path().string()).exit_code, 0);
  {
    db::Database database("sqlite://" + (dir.path() / "pocketshop.db").string(), 1);
    database.transaction([](db::Connection& sql) {
      sql.session() << "INSERT INTO payment_events (id, type, account, created, payload, "
                       "received_at) VALUES ('evt_cli', 'customer.created', '', 0, "
                       "'{\"id\":\"evt_cli\",\"type\":\"customer.created\",\"created\":0,"
                       "\"data\":{\"object\":{}}}', 0)";
      jobs::enqueue(sql, {.kind = "payment_event", .payload = R"({"event_id":"evt_cli"})"});
    });
  }
  const auto first = run("jobs run --data-dir " + dir.path().string());
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("ran 1 job(s)"), std::string::npos) << first.output;
  const auto second = run("jobs run --data-dir " + dir.path().string());
  EXPECT_NE(second.output.find("ran 0 job(s)"), std::string::npos) << second.output;
  db::Database database("sqlite://" + (dir.path() / "pocketshop.db").string(), 1);
  long long processed = 0;
  database.with_session([&](db::Connection& sql) {
    sql.session() << "SELECT COUNT(*) FROM payment_events WHERE processed_at IS NOT NULL",
        soci::into(processed);
  });
  EXPECT_EQ(processed, 1);
}

// A job that died (its cause since fixed) is listed by `jobs dead`, queued
// again by `jobs retry` and then run; a job that is not dead is refused.
TEST(Cli, JobsRetryQueuesADeadJobAgain) {
  TempDir dir;
  const std::string data_dir = " --data-dir " + dir.path().string();
  ASSERT_EQ(run("migrate" + data_dir).exit_code, 0);
  std::int64_t job_id = 0;
  {
    db::Database database("sqlite://" + (dir.path() / "pocketshop.db").string(), 1);
    database.transaction([&](db::Connection& sql) {
      sql.session() << "INSERT INTO payment_events (id, type, account, created, payload, "
                       "received_at) VALUES ('evt_dead', 'customer.created', '', 0, "
                       "'{\"id\":\"evt_dead\",\"type\":\"customer.created\",\"created\":0,"
                       "\"data\":{\"object\":{}}}', 0)";
      job_id =
          jobs::enqueue(sql, {.kind = "payment_event", .payload = R"({"event_id":"evt_dead"})"}).id;
      sql.session() << "UPDATE jobs SET status = 'dead', attempts = max_attempts, "
                       "last_error = 'the gateway did not answer'";
    });
  }
  const auto listed = run("jobs dead" + data_dir);
  EXPECT_EQ(listed.exit_code, 0) << listed.output;
  EXPECT_THAT(listed.output, ::testing::HasSubstr(std::to_string(job_id) + "\tpayment_event\t"));
  EXPECT_THAT(listed.output, ::testing::HasSubstr("the gateway did not answer"));
  EXPECT_THAT(run("jobs run" + data_dir).output, ::testing::HasSubstr("ran 0 job(s)"));

  const auto retried = run("jobs retry " + std::to_string(job_id) + data_dir);
  EXPECT_EQ(retried.exit_code, 0) << retried.output;
  EXPECT_THAT(run("jobs dead" + data_dir).output, ::testing::HasSubstr("0 dead job(s)"));
  EXPECT_THAT(run("jobs run" + data_dir).output, ::testing::HasSubstr("ran 1 job(s)"));

  const auto again = run("jobs retry " + std::to_string(job_id) + data_dir);
  EXPECT_EQ(again.exit_code, 1) << again.output;
  EXPECT_THAT(again.output, ::testing::HasSubstr("is not dead"));
}

// `payouts run` creates the scheduled payouts that are due (none in an empty
// shop: PayoutsApi covers what it creates) and exits.
TEST(Cli, PayoutsRunCreatesTheDueScheduledPayoutsAndExits) {
  TempDir dir;
  const auto ran = run("payouts run --data-dir " + dir.path().string());
  EXPECT_EQ(ran.exit_code, 0) << ran.output;
  EXPECT_NE(ran.output.find("created 0 scheduled payout(s)"), std::string::npos) << ran.output;
  EXPECT_NE(run("payouts --data-dir " + dir.path().string()).exit_code, 0);
}

// `images delete-unused` deletes what nothing has shown for the grace
// period (here an upload never attached, from long ago), files and all.
TEST(Cli, ImagesDeleteUnusedDeletesOldUnattachedUploads) {
  TempDir dir;
  const std::string data_dir = " --data-dir " + dir.path().string();
  ASSERT_EQ(run("migrate" + data_dir).exit_code, 0);
  {
    Config config;
    config.data_dir = dir.path().string();
    db::Database database("sqlite://" + (dir.path() / "pocketshop.db").string(), 1);
    media::MediaService media(database, config);
    database.transaction([](db::Connection& sql) {
      sql.session() << "INSERT INTO users (id, email, password_hash, display_name, role, "
                       "created_at) VALUES (1, 'old@example.com', 'x', 'Old', 'vendor', 0)";
    });
    media.store(1, media::render_demo_image(1000, 700, 31));
    media.store(1, media::render_demo_image(1000, 700, 32));
    database.transaction([](db::Connection& sql) {
      sql.session() << "UPDATE images SET created_at = 1 WHERE id = 1";
      sql.session() << "UPDATE unused_image_candidates SET since = 1 WHERE image_id = 1";
    });
  }
  const auto media_files = [&] {
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path() / "media"))
      count += entry.is_regular_file() ? 1 : 0;
    return count;
  };
  ASSERT_EQ(media_files(), 6u);

  const auto ran = run("images delete-unused" + data_dir);
  EXPECT_EQ(ran.exit_code, 0) << ran.output;
  EXPECT_THAT(ran.output, HasSubstr("deleted 1 unused image(s) and 3 file(s)"));
  EXPECT_EQ(media_files(), 3u);  // the recent upload waits for its grace to pass
  EXPECT_THAT(run("images delete-unused" + data_dir).output,
              HasSubstr("deleted 0 unused image(s) and 0 file(s)"));
  EXPECT_THAT(run("images delete-unused --unused-image-hours 0" + data_dir).output,
              HasSubstr("unused images are kept"));
  EXPECT_NE(run("images" + data_dir).exit_code, 0);
}

}  // namespace
}  // namespace ps::testing
