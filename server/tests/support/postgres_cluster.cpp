#include "support/postgres_cluster.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <thread>

namespace ps::testing {

namespace {
bool can_bind(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool free = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return free;
}

// A port nothing listens on, below Linux's ephemeral range (32768 and up):
// a port in that range can be taken, between this choice and the cluster's
// start, as the source port of any outgoing connection on a busy machine.
int free_port() {
  std::random_device seed;
  std::uniform_int_distribution<int> ports(20000, 32767);
  for (int attempt = 0; attempt < 100; ++attempt)
    if (const int port = ports(seed); can_bind(port)) return port;
  throw std::runtime_error("no free port for a test PostgreSQL cluster");
}

// Numbers the replication slots of this process's replicas.
std::atomic<int> next_slot{0};

void run(const std::string& command) {
  if (std::system(command.c_str()) != 0) throw std::runtime_error("failed: " + command);
}
}  // namespace

bool PostgresCluster::available() {
  const char* bin = std::getenv("POCKETSHOP_TEST_PG_BIN");
  return bin && *bin;
}

void PostgresCluster::prepare_folder() {
  if (!available()) throw std::runtime_error("POCKETSHOP_TEST_PG_BIN is not set");
  bin_ = std::getenv("POCKETSHOP_TEST_PG_BIN");
  port_ = free_port();  // fixed, so a server can be pointed at it before it starts
  // PostgreSQL refuses to run as root.
  if (geteuid() == 0) run("chown postgres:postgres '" + dir_.path().string() + "'");
}

PostgresCluster::PostgresCluster(const std::string& primary_url)
    : primary_url_(primary_url),
      slot_("pocketshop_test_" + std::to_string(getpid()) + "_" + std::to_string(next_slot++)) {
  prepare_folder();
  // A slot of its own, so that the primary keeps its WAL until the replica
  // has it: without one, a primary busy with the other tests recycled the
  // segment the replica was to stream from next (between the copy and the
  // start), and the replica never caught up ("requested WAL segment ... has
  // already been removed", session 29).
  run(command("pg_basebackup") + " -d '" + primary_url + "' -D '" +
      (dir_.path() / "data").string() + "' -R -X stream -C -S " + slot_ + " --checkpoint=fast >'" +
      (dir_.path() / "basebackup.log").string() + "' 2>&1");
  standby_options_ = " -c max_connections=400";
}

PostgresCluster::PostgresCluster() {
  prepare_folder();
  run(command("initdb") + " -D '" + (dir_.path() / "data").string() +
      "' -U postgres --auth=trust -E UTF8 --no-locale >'" + (dir_.path() / "initdb.log").string() +
      "' 2>&1");
}

PostgresCluster::~PostgresCluster() {
  try {
    if (running_) pg_ctl("-m immediate stop");
  } catch (...) {
    // The folder goes anyway; a stray postmaster finds its files gone.
  }
  if (!slot_.empty()) drop_slot();
}

void PostgresCluster::drop_slot() const {
  // Else the primary keeps WAL for it (up to scripts/with-postgres.sh's
  // max_slot_wal_keep_size). Its walsender may outlive the replica's stop
  // for a moment, and an active slot cannot be dropped.
  const std::string drop = command("psql") + " -d '" + primary_url_ +
                           "' -qAt -c \"SELECT pg_drop_replication_slot('" + slot_ +
                           "')\" >/dev/null 2>&1";
  for (int attempt = 0; attempt < 50; ++attempt) {
    if (std::system(drop.c_str()) == 0) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

std::string PostgresCluster::command(const std::string& program) const {
  const std::string path = "'" + bin_ + "/" + program + "'";
  return geteuid() == 0 ? "runuser -u postgres -- " + path : path;
}

void PostgresCluster::pg_ctl(const std::string& arguments) const {
  const std::string options = "-c listen_addresses=127.0.0.1 -p " + std::to_string(port_) +
                              " -k '" + dir_.path().string() +
                              "' -c fsync=off -c synchronous_commit=off" + standby_options_;
  run(command("pg_ctl") + " -D '" + (dir_.path() / "data").string() + "' -l '" +
      (dir_.path() / "server.log").string() + "' -w -t 120 -o \"" + options + "\" " + arguments +
      " >/dev/null");
}

void PostgresCluster::start() {
  pg_ctl("start");
  running_ = true;
}

void PostgresCluster::stop() {
  pg_ctl("-m fast stop");
  running_ = false;
}

void PostgresCluster::restart() { pg_ctl("-m fast restart"); }

std::string PostgresCluster::url() const {
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/postgres";
}

}  // namespace ps::testing
