#!/usr/bin/env bash
# Start-up time and memory of budget-service.
#
#   bench/startup.sh [RUNS=3]
#
# Starts the service jar RUNS times against budget_bench (recreated once: the first start also
# runs the Flyway migrations on an empty database, the later ones only validate) and measures
# the time from launching the JVM to /q/health/ready answering 200 on the management port
# (polled every 50 ms; readiness includes the database and the Kafka broker), Quarkus' own
# "started in", and the resident memory (VmRSS from /proc/<pid>/status) right after ready and
# again after 5 s idle. Prints each run and the medians. JVM options: BENCH_JAVA_OPTS.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${1:-3}
[[ $RUNS =~ ^[0-9]+$ ]] && ((RUNS > 0)) || die "usage: bench/startup.sh [RUNS]"

bench_init
bench_recreate_db
busy_check
ROWS=()
for ((run = 1; run <= RUNS; run++)); do
  sleep 2
  before=$(wc -l <"$BENCH_WORK/logs/budget-service-bench.log" 2>/dev/null || echo 0)
  bench_start_service
  bench_wait_ready 180
  ready_ms=$BENCH_READY_MS
  rss_ready=$(awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$BENCH_SERVICE_PID/status")
  sleep 5
  rss_idle=$(awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$BENCH_SERVICE_PID/status")
  started=$(tail -n +"$((before + 1))" "$BENCH_SERVICE_LOG" | sed -n 's/.* started in \([0-9.]*\)s.*/\1/p' | head -n 1)
  bench_stop_service
  log "run $run: ready after $ready_ms ms (Quarkus: started in ${started:-?}s), RSS $rss_ready MiB at ready, $rss_idle MiB 5 s later"
  ROWS+=("$run $ready_ms ${started:-0} $rss_ready $rss_idle")
done

busy_check_after
{
  echo
  echo "== bench/startup.sh: $RUNS starts, JVM options '${BENCH_JAVA_OPTS:-}', $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(machine_line)"
  python3 - "${ROWS[@]}" <<'PY'
import statistics, sys
rows = [a.split() for a in sys.argv[1:]]
print("%-7s %14s %23s %19s %15s" % ("run", "to ready (ms)", "Quarkus started in (s)", "RSS at ready (MiB)", "RSS +5 s (MiB)"))
for r in rows:
    note = "  (first start: Flyway migrates the empty database)" if r[0] == "1" else ""
    print("%-7s %14d %23.3f %19d %15d%s" % (r[0], int(r[1]), float(r[2]), int(r[3]), int(r[4]), note))
med = lambda i: statistics.median(float(r[i]) for r in rows)
print("%-7s %14.0f %23.3f %19.0f %15.0f" % ("median", med(1), med(2), med(3), med(4)))
PY
}
