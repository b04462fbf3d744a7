#!/bin/bash
# bench/device/bundle.sh POCKETSHOP POCKETSHOP_BARE OUT_DIR
#
# Packs what `bench/run.mjs` needs for SQLite's read cases and the bare case
# (bench/README.md, "Pinned to cores") on a machine that can install nothing,
# such as the lent 16-core device (Ubuntu 24.04, no Node.js, no network): the
# two binaries, Node.js, wrk, bench/'s scripts and every shared library they
# load except the C and C++ runtimes, which the machine has. Writes
# OUT_DIR/pocketshop-bench.tar.xz. Run from the project's root. There:
#
#   x=$(mktemp -d) && tar -C "$x" -xJf pocketshop-bench.tar.xz &&
#     "$x/run.sh" --pin server=0-1,wrk=8-11 --wrk-threads 4 --connections 256 \
#       --cases detail,list,bare --out "$OUT"
#
# run.sh runs bench/run.mjs on SQLite with the bundled binaries; any other
# option of run.mjs passes through.
set -euo pipefail
pocketshop=$(readlink -f "$1"); bare=$(readlink -f "$2"); out=$(readlink -f "$3")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/lib" "$work/bench/lua"
cp "$pocketshop" "$work/bin/pocketshop"
cp "$bare" "$work/bin/pocketshop-bare"
cp "$(command -v node)" "$(command -v wrk)" "$work/bin/"
strip "$work/bin/pocketshop" "$work/bin/pocketshop-bare"
cp bench/*.mjs "$work/bench/"
cp bench/lua/*.lua "$work/bench/lua/"
for binary in "$work"/bin/*; do ldd "$binary" | awk '/=> \//{print $3}'; done | sort -u |
  while read -r library; do
    case $(basename "$library") in
      libc.so* | libm.so* | libpthread.so* | libdl.so* | librt.so* | ld-linux* | libresolv.so* | \
        libstdc++.so* | libgcc_s.so*) ;;
      *) cp -L "$library" "$work/lib/" ;;
    esac
  done
cat > "$work/run.sh" <<'RUN'
#!/bin/bash
# bench/run.mjs on SQLite with this bundle's binaries (bench/device/bundle.sh).
set -euo pipefail
case $0 in */*) here=${0%/*} ;; *) here=. ;; esac
here=$(cd "$here" && pwd)
export PATH="$here/bin:$PATH" LD_LIBRARY_PATH="$here/lib"
exec node "$here/bench/run.mjs" --binary "$here/bin/pocketshop" \
  --bare-binary "$here/bin/pocketshop-bare" --databases sqlite "$@"
RUN
chmod +x "$work/run.sh"
mkdir -p "$out"
tar -C "$work" -cJf "$out/pocketshop-bench.tar.xz" .
ls -la "$out/pocketshop-bench.tar.xz"
