#!/usr/bin/env bash
# The suite must hold on a busy machine: runs the README's test command (scripts/test.sh) N times in a
# row (default 3) while stress-ng keeps every core busy, then stops stress-ng and prints each run's
# tally and time. Exits non-zero if any run failed.
#   scripts/test-under-load.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
LOGS="${C360_SVC_DIR:-$PWD/.svc}/logs"
mkdir -p "$LOGS"

if ! command -v stress-ng >/dev/null 2>&1; then
  echo "== installing stress-ng"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  for attempt in 1 2 3 4 5; do $SUDO apt-get update -qq && break; sleep 3; done   # a fresh machine has no package lists yet
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=120 --no-install-recommends stress-ng >/dev/null
fi

CORES=$(nproc)
echo "== stress-ng: $CORES CPU workers (one per core), for as long as the runs take"
stress-ng --cpu "$CORES" --cpu-method matrixprod --quiet &
STRESS=$!
stop_stress() { kill "$STRESS" 2>/dev/null || true; wait "$STRESS" 2>/dev/null || true; }
trap stop_stress EXIT

declare -a SUMMARY
failed=0
for ((run = 1; run <= RUNS; run++)); do
  echo "== run $run of $RUNS (under load)"
  start=$(date +%s)
  set +e
  ./scripts/test.sh >"$LOGS/under-load-$run.log" 2>&1
  status=$?
  set -e
  seconds=$(( $(date +%s) - start ))
  tally=$(grep -E '^tests: ' "$LOGS/under-load-$run.log" | tail -1 || true)
  SUMMARY+=("run $run: ${tally:-no tally (see $LOGS/under-load-$run.log)}, exit $status, $((seconds / 60))m$((seconds % 60))s")
  echo "   ${SUMMARY[-1]}"
  [ "$status" = 0 ] || failed=1
done

stop_stress
trap - EXIT
echo "== under load ($CORES cores saturated by stress-ng):"
printf '   %s\n' "${SUMMARY[@]}"
exit "$failed"
