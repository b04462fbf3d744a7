#pragma once

#include "support/test_server.h"

#include <string>

namespace ps::testing {

// A PostgreSQL cluster of the test's own, initdb'ed into a scratch folder and
// listening on 127.0.0.1 only, for tests that stop and restart PostgreSQL
// under a running server: the shared test cluster keeps serving the other
// tests meanwhile. Needs POCKETSHOP_TEST_PG_BIN (set by scripts/with-postgres.sh).
class PostgresCluster {
 public:
  // Whether the PostgreSQL binaries are known; tests skip themselves when not.
  static bool available();

  PostgresCluster();  // initdb only: call start()
  // A streaming replica of the cluster at primary_url, copied with
  // pg_basebackup -R through a replication slot of its own (dropped with
  // it): a hot standby once started.
  explicit PostgresCluster(const std::string& primary_url);
  ~PostgresCluster();
  PostgresCluster(const PostgresCluster&) = delete;
  PostgresCluster& operator=(const PostgresCluster&) = delete;

  void start();
  void stop();     // pg_ctl -m fast stop: clients are disconnected
  void restart();  // pg_ctl -m fast restart, as an upgrade or a failover does
  // The cluster's own "postgres" database, thrown away with it.
  std::string url() const;

 private:
  void pg_ctl(const std::string& arguments) const;
  std::string command(const std::string& program) const;
  void prepare_folder();
  void drop_slot() const;

  std::string primary_url_;  // of a replica
  std::string slot_;         // a replica's replication slot on the primary
  TempDir dir_;
  std::string bin_;
  int port_ = 0;
  bool running_ = false;
  // A hot standby needs at least the primary's max_connections (that of
  // scripts/with-postgres.sh).
  std::string standby_options_;
};

}  // namespace ps::testing
