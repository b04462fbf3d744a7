#!/usr/bin/env bash
# Installs every Debian 12 package PocketShop needs to build, run and test.
# Safe to run repeatedly: it only calls apt when something is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config clang-format
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsoci-dev libsqlite3-dev libpq-dev sqlite3
  libcurl4-openssl-dev libgmime-3.0-dev libsodium-dev libjwt-dev libvips-dev libspdlog-dev libfmt-dev libcli11-dev zlib1g-dev libjemalloc-dev libxxhash-dev
  libgtest-dev libgmock-dev python3-aiosmtpd openssl
  postgresql postgresql-contrib
  curl
  chromium fonts-dejavu-core
  nginx
)

# Extras only some targets need: `--fuzz` (make fuzz) clang and its libFuzzer
# and sanitizer runtimes; `--bench` (make bench) the wrk load generator;
# `--bench-scale` (make bench-scale) wrk. nginx is for everyone: the tests
# check deploy/'s configuration with `nginx -t`.
for extra in "$@"; do
  case "$extra" in
    --fuzz) packages+=(clang-14 libclang-rt-14-dev) ;;
    --bench) packages+=(wrk) ;;
    --bench-scale) packages+=(wrk) ;;
    *) echo "install-deps.sh: unknown option $extra" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  # Debian starts the nginx it installs, with its default site on port 80:
  # make bench-scale runs its own nginx on 127.0.0.1 and needs none.
  if [[ " ${missing[*]} " == *" nginx "* ]] && [ -d /run/systemd/system ]; then
    $SUDO systemctl disable --now nginx
  fi
fi

# The web app needs Node.js 20+ and npm (already on the machine).
if ! command -v npm >/dev/null || ! node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)'; then
  echo "The web app needs Node.js 20 or newer, with npm." >&2
  exit 1
fi
