#!/usr/bin/env bash
# Installs what is missing, builds OS Lens and runs the whole test suite
# headless: the normal build (all suites, the gui ones under Xvfb), then a
# build with AddressSanitizer and UBSan over the suites that need no
# display. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh
install_deps test || { echo "0 passed, 1 failed"; exit 1; }

passed=0 failed=0

# Adds the results of one `meson test` run from its JSON log.
count_results() {
  local log=$1/meson-logs/testlog.json p f
  if [ ! -s "$log" ]; then
    failed=$((failed + 1))
    return
  fi
  p=$(grep -c '"result": "OK"\|"result": "EXPECTEDFAIL"' "$log")
  f=$(grep -c '"result": "\(FAIL\|ERROR\|TIMEOUT\|UNEXPECTEDPASS\)"' "$log")
  passed=$((passed + p)) failed=$((failed + f))
}

run_suite() {
  local dir=$1; shift
  rm -f "$dir/meson-logs/testlog.json"
  if ! ninja -C "$dir"; then
    echo "build in $dir failed" >&2
    failed=$((failed + 1))
    return
  fi
  meson test -C "$dir" --print-errorlogs --num-processes 2 "$@"
  count_results "$dir"
}

[ -f build/build.ninja ] || meson setup build
run_suite build

[ -f build-asan/build.ninja ] || meson setup build-asan -Db_sanitize=address,undefined -Dgui_tests=false
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  run_suite build-asan --suite core --suite diagram --suite cli --suite fuzz

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
