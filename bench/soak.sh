#!/usr/bin/env bash
# Soak: mixed reads and writes across the three services at a steady rate, with the broker and PostgreSQL each
# restarted once in the middle. Not part of CI (it restarts the machine's PostgreSQL).
#
#   bench/soak.sh [DURATION_S=600] [RATE_PER_S=10]
#
# SOAK_FAULTS=broker,postgres (default) or a part of it, or "none" (a dry run that leaves PostgreSQL alone).
#
# Runs its own copies of the three services (bench/report-lib.sh: ports 8281-8283, databases budget_bench_rpt,
# evaluation_bench_rpt, report_bench) on a PRIVATE broker (127.0.0.1:9492, `rpt-bench`), so that restarting it
# touches nothing else. Setup: 10 departments of one region, each with a 2022 budget and a self-evaluation
# (GZ-DEPT-COMMON). Then bench/java/Soak.java sends RATE requests per second for DURATION seconds (post a ledger
# entry, read metrics, monitoring, evaluations, generate a form), and meanwhile:
#   at 1/3 of the run  the broker is stopped for 20 s and started again;
#   at 2/3 of the run  PostgreSQL is restarted (pg_ctlcluster … restart: every service loses its connections).
# Printed: requests by status per minute with the services' RSS, the table per operation (p50/p99), and after the
# events have settled: ledger entries answered 201 vs stored (lost, doubled), budget.events written by
# budget-service vs applied by evaluation-service (lost, applied twice).
# Goal: no status outside 2xx/4xx/503 (a 503 must carry Retry-After), nothing lost or doubled, RSS flat.
set -euo pipefail
export RPT_KAFKA_PORT=${RPT_KAFKA_PORT:-9492}
source "$(dirname "${BASH_SOURCE[0]}")/report-lib.sh"

DURATION=${1:-600}
RATE=${2:-10}
[[ $DURATION =~ ^[0-9]+$ && $RATE =~ ^[0-9]+$ ]] && ((DURATION >= 60 && RATE > 0)) ||
  die "usage: bench/soak.sh [DURATION_S >= 60] [RATE_PER_S]"
((RPT_KAFKA_PORT != 9092)) || die "the soak restarts its broker: it needs a private one (RPT_KAFKA_PORT != 9092)"
REGION=浸泡测试区
PG_VERSION=$(ls /etc/postgresql | sort -n | tail -n 1)

rpt_init # includes the private broker
rpt_up

log "setup: 10 departments of $REGION with a 2022 budget and a self-evaluation"
DEPTS=()
for i in $(seq -w 1 10); do
  code="SOAK-$i"
  DEPTS+=("$code")
  rpt_call POST "$RPT_BUDGET_URL/api/v1/departments" "{\"code\":\"$code\",\"name\":\"浸泡测试部门$i\",\"region\":\"$REGION\"}" >/dev/null
  rpt_call POST "$RPT_BUDGET_URL/api/v1/departments/$code/budgets/2022" \
    '{"allocations":[{"expenditureType":"PUBLIC_FUNDS","fundingSource":"GENERAL_PUBLIC","amount":"1000000.00"}]}' >/dev/null
  rpt_call POST "$RPT_EVAL_URL/api/v1/evaluations" \
    "{\"subjectType\":\"DEPARTMENT\",\"departmentCode\":\"$code\",\"fiscalYear\":2022,\"ruleSetCode\":\"GZ-DEPT-COMMON\"}" >/dev/null
done
rpt_wait_events_applied 180

OUT="$BENCH_WORK/soak"
rm -rf "$OUT" && mkdir -p "$OUT"
log "soak: $RATE requests/s for $DURATION s (broker restarted at $((DURATION / 3)) s, PostgreSQL at $((2 * DURATION / 3)) s)"
FAULT_LIST=${SOAK_FAULTS:-broker,postgres}
(
  sleep $((DURATION / 3))
  if [[ $FAULT_LIST == *broker* ]]; then
    log "FAULT: stopping the broker for 20 s"
    stop_kafka rpt-bench
    sleep 20
    start_kafka rpt-bench "$RPT_KAFKA_PORT" "$((RPT_KAFKA_PORT + 1))" --detach
  else
    sleep 20
  fi
  sleep $((DURATION / 3 - 20))
  if [[ $FAULT_LIST == *postgres* ]]; then
    log "FAULT: restarting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main restart
  fi
) &
FAULTS=$!
bench_on_exit "kill $FAULTS 2>/dev/null"
(IFS=,; java "$BENCH_DIR/java/Soak.java" "$RPT_BUDGET_URL" "$RPT_EVAL_URL" "$RPT_URL" "$TOKEN" "$REGION" "${DEPTS[*]}" \
  "$RATE" "$DURATION" "$OUT" "$RPT_BUDGET_PID" "$RPT_EVAL_PID" "$RPT_REPORT_PID") | tee "$OUT/soak.txt"
wait "$FAULTS" || true
ensure_postgres

log "letting the events settle"
rpt_wait_events_applied 300
answered=$(wc -l <"$OUT/expenditures.txt")
rpt_psql "$RPT_BUDGET_DB" -Atc "SELECT id FROM expenditure WHERE amount = 12.34 ORDER BY id" >"$OUT/stored.txt"
stored=$(wc -l <"$OUT/stored.txt")
lost_entries=$(comm -23 <(sort "$OUT/expenditures.txt") <(sort "$OUT/stored.txt") | wc -l)
unanswered=$(comm -13 <(sort "$OUT/expenditures.txt") <(sort "$OUT/stored.txt") | wc -l)
rpt_psql "$RPT_BUDGET_DB" -Atc "SELECT event_id FROM outbox_event WHERE topic = 'budget.events' ORDER BY 1" >"$OUT/written.txt"
rpt_psql "$RPT_EVAL_DB" -Atc "SELECT event_id FROM inbox_event WHERE consumer = 'evaluation-service/budget.events' ORDER BY 1" >"$OUT/applied.txt"
lost_events=$(comm -23 <(sort "$OUT/written.txt") <(sort "$OUT/applied.txt") | wc -l)
twice=$(rpt_psql "$RPT_EVAL_DB" -Atc "SELECT count(*) FROM (SELECT evaluation_id, detail ->> 'budgetDataVersion'
  FROM audit_entry WHERE action = 'BUDGET_FIGURES_APPLIED' GROUP BY 1, 2 HAVING count(*) > 1) d")
echo
echo "soak: $DURATION s at $RATE requests/s, faults: $FAULT_LIST"
machine_line
echo "  ledger entries answered 201: $answered; stored: $stored; answered but not stored (lost): $lost_entries;"
echo "    stored without a 201 (the answer was lost, e.g. a time-out): $unanswered"
echo "  budget.events written: $(wc -l <"$OUT/written.txt"); applied by evaluation-service: $(wc -l <"$OUT/applied.txt");"
echo "    lost: $lost_events; a budget version applied twice to an evaluation: $twice"
