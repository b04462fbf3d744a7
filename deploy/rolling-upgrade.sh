#!/usr/bin/env bash
# deploy/rolling-upgrade.sh NEW_BINARY [PORT...]: upgrades the instances
# behind nginx one at a time (README.md, "Production"). Default ports: 8081
# 8082 8083, as in deploy/nginx/pocketshop.conf. Run as root on the machine.
#
# 1. The new binary's migrations run once, before any instance restarts, as
#    the service user with the service's EnvironmentFile. (An instance that
#    starts would apply them too, under PostgreSQL's advisory lock, so two
#    never run them at once; running them first shows a failing migration
#    while every instance still serves.) The old instances keep serving on
#    the migrated schema: migrations must be backward compatible (add
#    columns and tables; drop what the old version uses one release later).
# 2. The binary is replaced by a rename; running instances keep the old one.
# 3. Each instance in turn: SIGTERM (it finishes its requests in flight,
#    nginx sends new ones to the others; a refused connection is retried on
#    another instance whatever the method), start, and wait for /healthz
#    before the next. A failure stops the roll with the rest still serving.
set -euo pipefail

new=${1:?usage: deploy/rolling-upgrade.sh NEW_BINARY [PORT...]}
shift
ports=("$@")
((${#ports[@]})) || ports=(8081 8082 8083)
installed=/usr/local/bin/pocketshop

install -m 755 "$new" "$installed.new"
systemd-run --quiet --wait --pipe --collect --uid=pocketshop --gid=pocketshop \
  -p EnvironmentFile=/etc/pocketshop/pocketshop.env -p Environment=POCKETSHOP_DATA_DIR=/var/lib/pocketshop \
  "$installed.new" migrate
mv "$installed.new" "$installed"

for port in "${ports[@]}"; do
  echo "restarting pocketshop@$port"
  systemctl restart "pocketshop@$port"
  healthy=""
  for _ in $(seq 120); do
    if curl -fsS --max-time 2 "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
      healthy=yes
      break
    fi
    sleep 0.5
  done
  [ -n "$healthy" ] || { echo "pocketshop@$port is not healthy after 60 s; stopping here" >&2; exit 1; }
done
echo "all instances upgraded"
