#!/usr/bin/env bash
# deploy/restore-drill.sh BINARY: the backup and restore drill of README.md
# ("Production"), on a throw-away cluster: run it as
#   scripts/with-postgres.sh deploy/restore-drill.sh build/server/pocketshop
# It seeds the demo marketplace, backs it up with pg_dump (custom format),
# restores the dump into a new database with pg_restore, compares the row
# count of every table, and starts the server on the restored copy until
# /healthz answers. Exits non-zero when anything differs.
set -euo pipefail

binary=$(realpath "${1:?usage: deploy/restore-drill.sh BINARY}")
source_url=${POCKETSHOP_TEST_PG_URL:?run it under scripts/with-postgres.sh}
work=$(mktemp -d /tmp/pocketshop-drill.XXXXXX)
server=""
cleanup() {
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

base=${source_url%/*}
psql "$source_url" -qc "CREATE DATABASE drill_live" -c "CREATE DATABASE drill_restored"
live="$base/drill_live"
restored="$base/drill_restored"

echo "== the live database: the demo marketplace"
"$binary" seed --demo --log-level warn --data-dir "$work/data" --database-url "$live" --password-strength min

echo "== backup"
pg_dump --format=custom --file="$work/pocketshop.dump" "$live"
pg_restore --list "$work/pocketshop.dump" >/dev/null # the archive is readable
ls -l "$work/pocketshop.dump"

echo "== restore into an empty database"
pg_restore --exit-on-error --no-owner --dbname="$restored" "$work/pocketshop.dump"

echo "== compare every table's row count"
tables=$(psql "$live" -Atc "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
differences=0
count=0
for table in $tables; do
  a=$(psql "$live" -Atc "SELECT COUNT(*) FROM \"$table\"")
  b=$(psql "$restored" -Atc "SELECT COUNT(*) FROM \"$table\"")
  count=$((count + 1))
  if [ "$a" != "$b" ]; then
    echo "$table: $a rows live, $b restored" >&2
    differences=$((differences + 1))
  fi
done
[ "$count" -gt 0 ] || { echo "no tables found" >&2; exit 1; }
[ "$differences" -eq 0 ] || exit 1
echo "$count tables, the same row counts"

echo "== the server on the restored copy"
port=$((20000 + RANDOM % 30000))
"$binary" serve --host 127.0.0.1 --port "$port" --data-dir "$work/data" --database-url "$restored" \
  --log-level warn >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  if curl -fsS "http://127.0.0.1:$port/healthz" 2>/dev/null; then
    echo
    products=$(curl -fsS "http://127.0.0.1:$port/api/products?limit=1" | grep -o '"id":[0-9]*' | head -n 1)
    echo "serving the restored marketplace (first product $products)"
    exit 0
  fi
  sleep 0.2
done
cat "$work/server.log" >&2
echo "the server did not become healthy on the restored copy" >&2
exit 1
