#!/usr/bin/env bash
# deploy/check.sh [POCKETSHOP_BINARY]: checks the files in deploy/.
#  1. `nginx -t` on deploy/nginx/pocketshop.conf as production installs it,
#     with its snippet, a scratch certificate and scratch cache and log paths.
#  2. `systemd-analyze verify` on the systemd units (when systemd-analyze is
#     there), with the binary's path swapped for the given one.
#  3. With a binary: the proxy's limits equal the server's defaults (its
#     --help), so that changing one without the other fails here.
# Exits non-zero on the first failure.
set -euo pipefail

deploy=$(cd "$(dirname "$0")" && pwd)
binary=${1:-}
command -v nginx >/dev/null || { echo "nginx not found; run scripts/install-deps.sh --bench-scale" >&2; exit 1; }

work=$(mktemp -d /tmp/pocketshop-deploy-check.XXXXXX)
trap 'rm -rf "$work"' EXIT

# 1. nginx
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=shop.example.com \
  -keyout "$work/privkey.pem" -out "$work/fullchain.pem" 2>/dev/null
mkdir -p "$work/cache" "$work/logs"
sed -e "s|/etc/nginx/snippets/|$deploy/nginx/|" \
  -e "s|/etc/letsencrypt/live/shop.example.com/|$work/|" \
  -e "s|/var/cache/nginx/|$work/cache/|" \
  -e "s|/var/log/nginx/|$work/logs/|" \
  "$deploy/nginx/pocketshop.conf" >"$work/site.conf"
if grep -n '/etc/letsencrypt\|/var/cache\|/var/log\|/etc/nginx/snippets' "$work/site.conf"; then
  echo "deploy/check.sh: a production path was not swapped (above)" >&2
  exit 1
fi
cat >"$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/logs/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    access_log off;
    include $work/site.conf;
}
CONF
nginx -t -q -p "$work" -e "$work/logs/error.log" -c "$work/nginx.conf"
echo "nginx -t: deploy/nginx/pocketshop.conf is valid"

# 2. systemd units
if command -v systemd-analyze >/dev/null; then
  unit_binary=${binary:-/bin/true}
  for unit in pocketshop@.service pocketshop-gateway.service pocketshop-backup.service; do
    name=${unit/@./@8081.}
    sed "s|/usr/local/bin/pocketshop|$(realpath "$unit_binary")|" "$deploy/systemd/$unit" >"$work/$name"
    output=$(systemd-analyze verify "$work/$name" 2>&1 || true)
    if [ -n "$output" ]; then
      echo "$output" >&2
      echo "deploy/check.sh: systemd-analyze verify $unit failed" >&2
      exit 1
    fi
  done
  echo "systemd-analyze verify: the units are valid"
fi

# 3. The proxy's limits against the server's defaults.
if [ -n "$binary" ]; then
  help=$("$binary" --help)
  # "  --max-body-bytes UINT:UINT in [1024 - 1073741824]=1048576 (Env:...)"
  default_of() { sed -n "s/^ *$1 [^=]*=\([0-9]*\) .*/\1/p" <<<"$help" | head -n 1; }
  snippet="$deploy/nginx/pocketshop-proxy.conf"
  expect() {  # expect WHAT SERVER_VALUE NGINX_VALUE
    if [ "$2" != "$3" ]; then
      echo "deploy/check.sh: $1: the server says '$2', nginx says '$3'" >&2
      exit 1
    fi
  }
  first_value() { sed -n "s/^ *$1 \([0-9]*\)s\{0,1\};.*/\1/p" "$snippet" | head -n 1; }
  expect "--max-body-bytes / client_max_body_size" "$(default_of --max-body-bytes)" "$(first_value client_max_body_size)"
  expect "--max-upload-bytes / client_max_body_size of /api/uploads" "$(default_of --max-upload-bytes)" \
    "$(sed -n 's/^ *client_max_body_size \([0-9]*\);/\1/p' "$snippet" | sed -n 2p)"
  expect "--idle-timeout / client_header_timeout" "$(default_of --idle-timeout)" "$(first_value client_header_timeout)"
  expect "--idle-timeout / keepalive_timeout" "$(default_of --idle-timeout)" "$(first_value keepalive_timeout)"
  expect "--body-timeout / client_body_timeout" "$(default_of --body-timeout)" "$(first_value client_body_timeout)"
  expect "--body-timeout / send_timeout" "$(default_of --body-timeout)" "$(first_value send_timeout)"
  expect "--body-timeout / proxy_send_timeout" "$(default_of --body-timeout)" "$(first_value proxy_send_timeout)"
  idle=$(default_of --idle-timeout)
  upstream_keepalive=$(sed -n 's/^ *keepalive_timeout \([0-9]*\)s;/\1/p' "$deploy/nginx/pocketshop.conf")
  if [ -z "$upstream_keepalive" ] || [ "$upstream_keepalive" -ge "$idle" ]; then
    echo "deploy/check.sh: the upstream keepalive_timeout ($upstream_keepalive s) must be below the server's --idle-timeout ($idle s)" >&2
    exit 1
  fi
  echo "limits: the proxy's equal the server's defaults"
fi
