#!/usr/bin/env bash
# Read path under load: GET /api/v1/departments/{code}/budgets/2022/metrics.
#
#   bench/metrics-load.sh
#
# Demo-like data (one department-year with allocations, 三公 budgets, 4 projects, adjustments and
# LEDGER_ROWS ledger rows), then:
#   1. open loop at fixed rates (RATES, DURATION s each) from a second process
#      (bench/java/LoadGen.java: latency from the intended send time, exact percentiles);
#   2. closed loop maximum throughput: wrk -t2 -c32 -d MAX_DURATION s;
#   3. pgbench -S -c 8 -j 2 -T PGBENCH_T on a scratch database (scale PGBENCH_SCALE) as the
#      yardstick of what this machine's PostgreSQL serves, and the ratio service / pgbench.
# Goal: p99 < 25 ms at 300 req/s.
#
# Environment: RATES ("100 300 600"), DURATION (20), WARMUP (15), MAX_DURATION (20),
# MAX_CONNECTIONS (32), LEDGER_ROWS (5000), PGBENCH_T (20), PGBENCH_SCALE (10).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RATES=${RATES:-"100 300 600"}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-15}
MAX_DURATION=${MAX_DURATION:-20}
MAX_CONNECTIONS=${MAX_CONNECTIONS:-32}
LEDGER_ROWS=${LEDGER_ROWS:-5000}
PGBENCH_T=${PGBENCH_T:-20}
PGBENCH_SCALE=${PGBENCH_SCALE:-10}
PGBENCH_DB=${BENCH_DB}_pgbench
CODE=BENCH-MET
YEAR=2022

need_cmd wrk
need_cmd pgbench postgresql
bench_init
bench_up

log "demo-like data: $CODE/$YEAR, 4 projects, adjustments, $LEDGER_ROWS ledger rows"
create_department_year "$CODE" "$YEAR" 3
api POST "/api/v1/departments/$CODE/budgets/$YEAR/adjustments" \
  '{"date":"2022-06-30","kind":"ADDITION","amount":"500000.00","expenditureType":"PUBLIC_FUNDS","reason":"年中追加公用经费"}' >/dev/null
api POST "/api/v1/departments/$CODE/budgets/$YEAR/adjustments" \
  '{"date":"2022-09-15","kind":"REDUCTION","amount":"120000.00","expenditureType":"PERSONNEL","reason":"调减人员经费"}' >/dev/null
api POST "/api/v1/departments/$CODE/budgets/$YEAR/projects/$CODE-P2/changes" \
  '{"date":"2022-05-10","kind":"ADDITION","amount":"800000.00","reason":"项目追加"}' >/dev/null
api POST "/api/v1/departments/$CODE/budgets/$YEAR/projects/$CODE-P3/changes" \
  '{"date":"2022-10-10","kind":"TRANSFER_OUT","amount":"300000.00","reason":"划出"}' >/dev/null
CSV="$BENCH_WORK/metrics-ledger.csv"
bench_on_exit "rm -f '$CSV'"
gen_ledger_csv "$CSV" "$LEDGER_ROWS" "$CODE" "$YEAR" 3 7
code=$(curl -sS --max-time 300 -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: text/csv' --data-binary @"$CSV" "$BENCH_URL/api/v1/imports/expenditures?fileName=metrics.csv") || code=000
if [[ $code != 201 ]]; then
  [[ $code == 000 ]] && bench_evidence metrics-import-timeout
  die "importing the demo ledger answered HTTP $code"
fi
bench_psql -c "VACUUM ANALYZE" >/dev/null

URL="$BENCH_URL/api/v1/departments/$CODE/budgets/$YEAR/metrics"
BYTES=$(curl -sS -o /dev/null -w '%{size_download}' -H "Authorization: Bearer $TOKEN" "$URL")
log "GET $URL: $BYTES bytes"

log "warm-up: wrk -t2 -c8 -d${WARMUP}s"
wrk -t2 -c8 -d"${WARMUP}s" -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null

busy_check
RESULTS=()
P99_300=
for rate in $RATES; do
  log "open loop: $rate req/s for ${DURATION}s"
  line=$(java "$BENCH_DIR/java/LoadGen.java" "$URL" "$rate" "$DURATION" "Authorization: Bearer $TOKEN") || true
  [[ -n $line ]] || die "LoadGen printed nothing"
  # 2 s idle between the rates, used to see how busy the machine is with other work.
  other=$(cpu_busy)
  line="$line other_cpu=${other%%|*}"
  echo "  $line" >&2
  ((${other%%|*} <= 15)) || warn "the CPUs were ${other%%|*}% busy right after this rate (busiest: ${other#*|}): numbers may be skewed"
  RESULTS+=("$line")
  [[ $rate == 300 ]] && P99_300=$(sed -n 's/.* p99=\([0-9.]*\).*/\1/p' <<<"$line")
done

log "closed loop: wrk -t2 -c$MAX_CONNECTIONS -d${MAX_DURATION}s"
WRK_OUT=$(wrk -t2 -c"$MAX_CONNECTIONS" -d"${MAX_DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$URL")
SERVICE_RPS=$(awk '/^Requests\/sec:/ {print $2}' <<<"$WRK_OUT")
WRK_P50=$(awk '$1 == "50%" {print $2}' <<<"$WRK_OUT")
WRK_P99=$(awk '$1 == "99%" {print $2}' <<<"$WRK_OUT")
WRK_NON2XX=$(awk '/Non-2xx/ {print $NF}' <<<"$WRK_OUT")
WRK_ERR=$(grep -m1 'Socket errors' <<<"$WRK_OUT" || true)

busy_check_after
# The service is not needed for pgbench: stop it so that both measure on an idle machine.
bench_stop_service
log "pgbench: scratch database $PGBENCH_DB, scale $PGBENCH_SCALE"
bench_on_exit "psql_admin -c 'DROP DATABASE IF EXISTS $PGBENCH_DB WITH (FORCE)'"
create_db "$PGBENCH_DB" --recreate
pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -i -q -s "$PGBENCH_SCALE" "$PGBENCH_DB" >/dev/null 2>&1
log "pgbench -S -c 8 -j 2 -T $PGBENCH_T"
PGB_OUT=$(pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -S -c 8 -j 2 -T "$PGBENCH_T" "$PGBENCH_DB" 2>&1)
PGB_TPS=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time).*/\1/p' <<<"$PGB_OUT")
[[ -n $PGB_TPS ]] || PGB_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$PGB_OUT" | tail -n 1)
PGB_LAT=$(sed -n 's/^latency average = \(.*\)/\1/p' <<<"$PGB_OUT")

VERDICT='n/a (300 not in RATES)'
if [[ -n $P99_300 ]]; then
  VERDICT=$(python3 -c "print('MET' if $P99_300 < 25 else 'NOT MET')")
fi
{
  echo
  echo "== bench/metrics-load.sh: GET .../budgets/$YEAR/metrics ($BYTES bytes), $LEDGER_ROWS ledger rows, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(machine_line)"
  printf '%-7s %8s %6s %8s %8s %9s %9s %6s %8s %9s\n' 'rate/s' achieved ok p50_ms p90_ms p99_ms max_ms errors gen_cpu other_cpu
  for line in "${RESULTS[@]}"; do
    python3 - "$line" <<'PY'
import sys
kv = dict(p.split("=", 1) for p in sys.argv[1].split())
err = int(kv["non2xx"]) + int(kv["errors"]) + int(kv["unfinished"])
print(f'{kv["rate"]:<7} {float(kv["achieved_rps"]):8.1f} {kv["ok"]:>6} {float(kv["p50"]):8.2f} {float(kv["p90"]):8.2f} '
      f'{float(kv["p99"]):9.2f} {float(kv["max"]):9.2f} {err:6d} {kv["gen_cpu"]:>8} {kv["other_cpu"] + "%":>9}')
PY
  done
  echo "(latency from the intended send time; gen_cpu: the generator's own CPU in % of one core; other_cpu: the"
  echo " machine's CPU use by other work in the 2 s idle pause after the rate)"
  echo "goal p99 < 25 ms at 300 req/s: $VERDICT${P99_300:+ (p99 $P99_300 ms)}"
  echo "max throughput (wrk -t2 -c$MAX_CONNECTIONS -d${MAX_DURATION}s): $SERVICE_RPS req/s, p50 $WRK_P50, p99 $WRK_P99${WRK_NON2XX:+, non-2xx $WRK_NON2XX}${WRK_ERR:+, $WRK_ERR}"
  echo "pgbench -S -c 8 -j 2 -T $PGBENCH_T (scale $PGBENCH_SCALE): $PGB_TPS tps, latency average $PGB_LAT"
  echo "ratio service max req/s / pgbench tps: $(ratio "$SERVICE_RPS" "$PGB_TPS")"
}
