#!/usr/bin/env bash
# fuzz/run.sh BUILD_DIR SECONDS: runs every fuzz target in BUILD_DIR/fuzz for
# SECONDS each, seeded with fuzz/corpus/<name>. libFuzzer writes new inputs
# only to the first corpus folder, BUILD_DIR/fuzz-corpus/<name> (kept between
# runs, never checked in), and crash inputs to BUILD_DIR/fuzz-crashes/. Exits
# non-zero when any target crashed, after running all of them.
set -uo pipefail

build=$(realpath "$1")
seconds=${2:-60}
repo=$(realpath "$(dirname "$0")/..")
supp="$repo/server/tests/sanitizers"

# Every report is fatal; libFuzzer then saves the input and exits non-zero.
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:print_stacktrace=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"

failed=()
for name in json_body query_string multipart jwt; do
  target="$build/fuzz/fuzz_$name"
  corpus="$build/fuzz-corpus/$name"
  crashes="$build/fuzz-crashes/$name"
  # Each target runs in a scratch folder: the in-process app's SQLite files
  # live under TMPDIR, and nothing depends on the caller's directory.
  work="$build/fuzz-work/$name"
  rm -rf "$work"
  mkdir -p "$corpus" "$crashes" "$work/tmp"
  echo "== fuzz_$name: ${seconds}s"
  if ! (cd "$work" && TMPDIR="$work/tmp" "$target" "$corpus" "$repo/fuzz/corpus/$name" \
      -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -max_len=16384 \
      -artifact_prefix="$crashes/" -print_final_stats=1 >"$build/fuzz-$name.log" 2>&1); then
    failed+=("$name")
    tail -n 60 "$build/fuzz-$name.log"
    echo "fuzz_$name FAILED: log $build/fuzz-$name.log, inputs in $crashes/" >&2
    echo "  reproduce: $target $crashes/<file>" >&2
  else
    grep -E '^(stat::number_of_executed_units|stat::new_units_added)|^Done' "$build/fuzz-$name.log" || true
  fi
done

if ((${#failed[@]})); then
  echo "fuzz targets that crashed: ${failed[*]}" >&2
  exit 1
fi
echo "all fuzz targets ran ${seconds}s each without a finding"
