#!/usr/bin/env bash
# All budget-service benchmarks in a row, with defaults sized for about 10 minutes on 2 cores:
#
#   bench/all.sh
#
#   import.sh          IMPORT_ROWS rows (default 300000)
#   metrics-load.sh    100/300/600 req/s for 15 s each, wrk and pgbench 15 s each
#   outbox-latency.sh  OUTBOX_ENTRIES entries (default 300)
#   startup.sh         STARTUP_RUNS starts (default 3)
#
# Starts the run broker (127.0.0.1:9092) when nothing listens there and stops it at the end,
# copies the service once for all scripts, goes on after a failing script and exits non-zero
# if any failed. The whole output is also written to bench/.work/results-<UTC time>.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

IMPORT_ROWS=${IMPORT_ROWS:-300000}
OUTBOX_ENTRIES=${OUTBOX_ENTRIES:-300}
STARTUP_RUNS=${STARTUP_RUNS:-3}
OUT="$BENCH_WORK/results-$(date -u +%Y%m%dT%H%M%SZ).txt"

bench_init
exec > >(tee "$OUT") 2>&1
log "results also in $OUT"
FAILED=()
run() {
  local name=$1 t0=$SECONDS
  shift
  log "---------------- $name"
  if "$@"; then
    log "$name done in $((SECONDS - t0)) s"
  else
    warn "$name FAILED (exit $?) after $((SECONDS - t0)) s"
    FAILED+=("$name")
  fi
}
T_ALL=$SECONDS
run import.sh "$BENCH_DIR/import.sh" "$IMPORT_ROWS"
run metrics-load.sh env DURATION="${DURATION:-15}" WARMUP="${WARMUP:-10}" MAX_DURATION="${MAX_DURATION:-15}" \
  PGBENCH_T="${PGBENCH_T:-15}" "$BENCH_DIR/metrics-load.sh"
run outbox-latency.sh "$BENCH_DIR/outbox-latency.sh" "$OUTBOX_ENTRIES"
run startup.sh "$BENCH_DIR/startup.sh" "$STARTUP_RUNS"
log "all benchmarks: $((SECONDS - T_ALL)) s${FAILED[*]:+, FAILED: ${FAILED[*]}}"
((${#FAILED[@]} == 0))
