#!/bin/sh
# Regenerates the expected outputs of the OSTEP simulator tests by running
# the textbook's own scripts. OSTEP_HOMEWORK_DIR must point to a checkout
# of the ostep-homework repository (any commit since ee7b3d3, 2023-09-28).
#
# Each line of cases/SIMULATOR.txt is "NAME ARGUMENTS…"; the outputs go to
# SIMULATOR/NAME.out (stdout), NAME.status (exit status) and NAME.err
# (stderr, kept unless it is a Python traceback).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
: "${OSTEP_HOMEWORK_DIR:?set OSTEP_HOMEWORK_DIR to an ostep-homework checkout}"

script_of() {
  case $1 in
    process-run) echo cpu-intro/process-run.py ;;
    scheduler) echo cpu-sched/scheduler.py ;;
    mlfq) echo cpu-sched-mlfq/mlfq.py ;;
    paging-linear-translate) echo vm-paging/paging-linear-translate.py ;;
    paging-multilevel-translate) echo vm-smalltables/paging-multilevel-translate.py ;;
  esac
}

for cases in "$here"/cases/*.txt; do
  simulator=$(basename "$cases" .txt)
  script=$OSTEP_HOMEWORK_DIR/$(script_of "$simulator")
  mkdir -p "$here/$simulator"
  rm -f "$here/$simulator"/*.out "$here/$simulator"/*.err "$here/$simulator"/*.status
  while read -r name arguments; do
    case $name in ''|'#'*) continue ;; esac
    base=$here/$simulator/$name
    status=0
    # The scripts print their name in usage errors: run them as "NAME.py".
    (cd "$(dirname "$script")" && eval "python3 $(basename "$script") $arguments" \
       >"$base.out" 2>"$base.err" </dev/null) || status=$?
    echo "$status" >"$base.status"
    if grep -q '^Traceback' "$base.err"; then rm "$base.err"; fi
  done <"$cases"
done
