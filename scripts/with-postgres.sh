#!/usr/bin/env bash
# with-postgres.sh COMMAND...: runs COMMAND with a throw-away PostgreSQL
# cluster listening on 127.0.0.1 only, and POCKETSHOP_TEST_PG_URL pointing at
# it. POCKETSHOP_TEST_PG_BIN names PostgreSQL's binaries, for the tests that
# stop and restart a cluster of their own (server/tests/support/postgres_cluster.h). The cluster and its files are removed afterwards, whatever happens.
# Tests run it without fsync (the data is thrown away); PG_DURABLE=1 keeps
# PostgreSQL's durable defaults, as the benchmark does.
# PG_REPLICA=1 also starts a hot-standby streaming replica of that cluster
# (pg_basebackup -R, its own port, 127.0.0.1 only) and exports
# POCKETSHOP_TEST_PG_REPLICA_URL, the same "postgres" database on the replica;
# both are removed afterwards.
# PG_SETTINGS="-c shared_buffers=4GB" adds server settings (the benchmark's
# larger catalogues; bench/README.md).
# PG_CPUS=2-3 starts PostgreSQL under `taskset -c 2-3` (its processes inherit
# the cores): the benchmark's --pin db=2-3 (bench/README.md).
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL server binaries not found; run scripts/install-deps.sh" >&2; exit 1; }

work=$(mktemp -d /tmp/pocketshop-pg.XXXXXX)
run_as=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root.
  chown postgres:postgres "$work"
  run_as=(runuser -u postgres --)
fi

cleanup() {
  if [ -d "$work/replica" ]; then
    "${run_as[@]}" "$pg_bin/pg_ctl" -D "$work/replica" -m immediate stop >/dev/null 2>&1 || true
  fi
  "${run_as[@]}" "$pg_bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

"${run_as[@]}" "$pg_bin/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 --no-locale >"$work/initdb.log" 2>&1 ||
  { cat "$work/initdb.log" >&2; exit 1; }

# random_page_cost: as README.md recommends for a database on SSD or in memory.
# max_slot_wal_keep_size: what the replicas' slots (below, and the tests' own
# replicas) may hold back, should one be left behind.
settings="-c random_page_cost=1.1 -c max_replication_slots=40 -c max_slot_wal_keep_size=4GB"
[ "${PG_DURABLE:-0}" = 1 ] || settings+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
settings+=" ${PG_SETTINGS:-}"

pin=()
[ -z "${PG_CPUS:-}" ] || pin=(taskset -c "${PG_CPUS//+/,}")

# start_cluster DATA_DIR LOG EXTRA_SETTINGS: starts the cluster in DATA_DIR on
# a free random port (a few tries; never the primary's), which it leaves in
# $cluster_port; exits with the log shown when it cannot.
start_cluster() {
  local data=$1 log=$2 extra=$3
  for attempt in 1 2 3 4 5; do
    cluster_port=$((20000 + RANDOM % 30000))
    [ "$cluster_port" != "${port:-}" ] || continue
    if "${run_as[@]}" "${pin[@]}" "$pg_bin/pg_ctl" -D "$data" -l "$log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $cluster_port -k $work $settings -c max_connections=400 $extra" \
      start >/dev/null; then
      return 0
    fi
  done
  cat "$log" >&2
  echo "could not start PostgreSQL in $data" >&2
  exit 1
}

start_cluster "$work/data" "$work/server.log" ""
port=$cluster_port

export POCKETSHOP_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
export POCKETSHOP_TEST_PG_BIN="$pg_bin"
echo "PostgreSQL test cluster on 127.0.0.1:$port"

if [ "${PG_REPLICA:-0}" = 1 ]; then
  # The replica copies the primary's files (and its settings) and follows its
  # WAL over a replication connection; -R writes primary_conninfo and
  # standby.signal, so it starts as a hot standby. Its slot keeps the WAL it
  # has yet to receive on the primary: without one, a busy primary can
  # recycle a segment first, and the replica never catches up.
  "${run_as[@]}" "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$port" -U postgres -D "$work/replica" \
    -R -X stream -C -S pocketshop_test_replica --checkpoint=fast >"$work/basebackup.log" 2>&1 ||
    { cat "$work/basebackup.log" >&2; echo "could not copy the primary for its replica" >&2; exit 1; }
  start_cluster "$work/replica" "$work/replica.log" "-c hot_standby=on"
  replica_port=$cluster_port
  export POCKETSHOP_TEST_PG_REPLICA_URL="postgresql://postgres@127.0.0.1:$replica_port/postgres"
  echo "PostgreSQL test replica on 127.0.0.1:$replica_port"
fi
"$@"
