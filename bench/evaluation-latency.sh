#!/usr/bin/env bash
# Budget event -> rescored evaluation visible through the API.
#
#   bench/evaluation-latency.sh [EVENTS=500]
#
# evaluation-service (copy of its fast-jar, 127.0.0.1:8182, database evaluation_bench, consumer
# group evaluation-service-bench moved to the end of budget.events before the start, so that
# the history on the run broker is not replayed) gets one DEPARTMENT evaluation of
# BENCH-LAT/2022 with the shipped rule set GZ-DEPT-COMMON. bench/java/EvaluationLatency.java then,
# EVENTS times one after another: produces a gov.budgetperf.budget.department-budget.changed
# CloudEvent (shaped like the example of budget-events.asyncapi.json; fresh id, data.version i+1,
# data.metrics.executionRate.ratio 0.5 + i/2000 written with 12 decimals; key BENCH-LAT:2022) and
# polls GET /api/v1/evaluations/{id} every POLL_MS (5) ms until indicator LZ13 (budget-linked)
# shows the new ratio as its actual. Latency = send -> first response showing it.
# Goal: p99 < 1 s. Before the measurement WARMUP (30) events go to a second evaluation
# (BENCH-WARM), same path, not counted.
# Also: rows written per event (pg_stat_user_tables), CPU of the service and PostgreSQL, and a
# precision probe (4 more events; see EVALUATION.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/evaluation-lib.sh"

EVENTS=${1:-500}
WARMUP=${WARMUP:-30}
POLL_MS=${POLL_MS:-5}
[[ $EVENTS =~ ^[0-9]+$ ]] && ((EVENTS > 0 && EVENTS <= 1000)) || die "usage: bench/evaluation-latency.sh [EVENTS (1..1000)]"
DEPT=BENCH-LAT
WARM=BENCH-WARM
YEAR=2022
TOPIC=budget.events
ASYNCAPI="$ROOT/budget-service/src/main/resources/META-INF/resources/events/budget-events.asyncapi.json"
[[ -f $ASYNCAPI ]] || die "no $ASYNCAPI"

export EVAL_CONSUMER=true
eval_init
CP="$(kafka_client_cp)"
for jar in "$KAFKA_LIB"/jackson-core-*.jar "$KAFKA_LIB"/jackson-databind-*.jar "$KAFKA_LIB"/jackson-annotations-*.jar; do
  [[ -f $jar ]] && CP+=":$jar"
done
lat() { java -cp "$CP" "$BENCH_DIR/java/EvaluationLatency.java" "$@" 2> >(grep -v '^SLF4J' >&2); }

log "moving consumer group $EVAL_BENCH_GROUP to the end of $TOPIC (no replay of the broker's history)"
lat reset-group "127.0.0.1:$BENCH_KAFKA_PORT" "$TOPIC" "$EVAL_BENCH_GROUP"
eval_up
lat wait-group "127.0.0.1:$BENCH_KAFKA_PORT" "$TOPIC" "$EVAL_BENCH_GROUP" 90

create_eval() {
  eval_call POST /api/v1/evaluations "{\"subjectType\":\"DEPARTMENT\",\"departmentCode\":\"$1\",\"fiscalYear\":$YEAR,\"ruleSetCode\":\"GZ-DEPT-COMMON\"}" ||
    die "creating the evaluation of $1 failed"
  json_get id <<<"$EVAL_BODY"
}
EVAL_ID=$(create_eval "$DEPT")
WARM_ID=$(create_eval "$WARM")
log "evaluations: $DEPT/$YEAR id $EVAL_ID, $WARM/$YEAR id $WARM_ID (GZ-DEPT-COMMON)"
export BENCH_TOKEN=$TOKEN

log "warm-up: $WARMUP events for $WARM"
lat run "127.0.0.1:$BENCH_KAFKA_PORT" "$TOPIC" "$BENCH_URL" "$ASYNCAPI" "$WARM" "$YEAR" "$WARM_ID" "$WARMUP" 0.3 \
  "$BENCH_WORK/evaluation-latency-warmup.csv" "$POLL_MS" 30 >"$BENCH_WORK/evaluation-latency-warmup.out" ||
  warn "warm-up: $(cat "$BENCH_WORK/evaluation-latency-warmup.out")"

table_counts() {
  bench_psql -Atc "SELECT string_agg(relname || '=' || n_tup_ins || '/' || n_tup_upd, ' ' ORDER BY relname)
    FROM pg_stat_user_tables WHERE relname IN ('indicator', 'evaluation', 'audit_entry', 'outbox_event', 'inbox_event', 'budget_figures')"
}
busy_check
sleep 11 # PostgreSQL 15 flushes an idle backend's table statistics within 10 s
COUNTS_BEFORE=$(table_counts)
CPU_SVC0=$(proc_cpu_ms "$BENCH_SERVICE_PID")
CPU_PG0=$(postgres_cpu_ms)
log "measuring: $EVENTS events for $DEPT, polling every $POLL_MS ms"
OUT="$BENCH_WORK/evaluation-latency.out"
CSV="$BENCH_WORK/evaluation-latency.csv"
T0=$(date +%s%3N)
rc=0
lat run "127.0.0.1:$BENCH_KAFKA_PORT" "$TOPIC" "$BENCH_URL" "$ASYNCAPI" "$DEPT" "$YEAR" "$EVAL_ID" "$EVENTS" 0.5 \
  "$CSV" "$POLL_MS" 30 >"$OUT" || rc=$?
T_RUN=$(ms_since "$T0")
CPU_SVC=$(($(proc_cpu_ms "$BENCH_SERVICE_PID") - CPU_SVC0))
CPU_PG=$(($(postgres_cpu_ms) - CPU_PG0))
busy_check_after
sleep 11 # PostgreSQL 15 flushes an idle backend's table statistics within 10 s
COUNTS_AFTER=$(table_counts)
((rc == 0)) || warn "not every event became visible (exit $rc); see $CSV"
PER_EVENT=$(python3 - "$COUNTS_BEFORE" "$COUNTS_AFTER" "$EVENTS" <<'PY'
import sys
def parse(s):
    return {k: tuple(map(int, v.split("/"))) for k, v in (x.split("=") for x in s.split())}
a, b, n = parse(sys.argv[1]), parse(sys.argv[2]), int(sys.argv[3])
print(", ".join(f"{t} +{(b[t][0]-a[t][0])/n:.1f} ins/+{(b[t][1]-a[t][1])/n:.1f} upd" for t in sorted(b)))
PY
)
SLOWEST=$(python3 - "$CSV" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["visible"] == "true"]
rows.sort(key=lambda r: -float(r["latency_ms"]))
print(" ".join(f"#{r['i']}:{float(r['latency_ms']):.0f}ms/{r['polls']}polls" for r in rows[:8]))
PY
)
LZ13=$(bench_psql -Atc "SELECT format('actual %s, score %s; evaluation version %s, budget_data_version %s, total %s',
    i.actual, i.score, e.version, e.budget_data_version, coalesce(e.total::text, 'null (other indicators unfilled)'))
  FROM evaluation e JOIN indicator i ON i.evaluation_id = e.id AND i.code = 'LZ13' WHERE e.id = $EVAL_ID")
AUDITS=$(bench_psql -Atc "SELECT count(*) FROM audit_entry WHERE evaluation_id = $EVAL_ID AND action = 'BUDGET_FIGURES_APPLIED'")

# ---------------------------------------------------------------- precision probe
# Four more events for BENCH-LAT, each awaited (budgetDataVersion): A repeats the last ratio (4
# decimals) with a new version; B and C carry the same 12-decimal ratio of the asyncapi example;
# D a ratio that sits on a rounding edge. After each: LZ13 as the API shows it, the evaluation's
# version, and the audit entries / outbox events written for it.
probe() {
  local v=$1 ratio=$2 label=$3 i
  lat send "127.0.0.1:$BENCH_KAFKA_PORT" "$TOPIC" "$ASYNCAPI" "$DEPT" "$YEAR" "$v" "$ratio" >/dev/null
  for ((i = 0; i < 200; i++)); do
    eval_call GET "/api/v1/evaluations/$EVAL_ID" || die "GET evaluation $EVAL_ID failed"
    [[ $(json_get budgetDataVersion <<<"$EVAL_BODY") == "$v" ]] && break
    sleep 0.05
  done
  python3 - "$EVAL_BODY" "$label" "$ratio" <<'PY'
import json, sys
e = json.loads(sys.argv[1]); i = next(x for x in e["indicators"] if x["code"] == "LZ13")
inputs = json.dumps((i.get("scoreExplanation") or {}).get("inputs"), ensure_ascii=False)
print(f"  {sys.argv[2]:<44} sent ratio {sys.argv[3]:<15} -> API actual {i['actual']} ({i['actualText']}), score {i['score']}, "
      f"version {e['version']}, explanation inputs {inputs}")
PY
  bench_psql -Atc "SELECT format('      audit BUDGET_FIGURES_APPLIED so far: %s, outbox events so far: %s',
      (SELECT count(*) FROM audit_entry WHERE evaluation_id = $EVAL_ID AND action = 'BUDGET_FIGURES_APPLIED'),
      (SELECT count(*) FROM outbox_event WHERE record_key = '$EVAL_ID'))"
}
LAST_RATIO=$(python3 -c "print(f'{0.5 + ($EVENTS - 1) / 2000:.12f}')")
PROBE=$(
  probe $((EVENTS + 1)) "$LAST_RATIO" "A: same ratio as before, new version" 2>&1
  probe $((EVENTS + 2)) 0.960266009616 "B: ratio of the asyncapi example" 2>&1
  probe $((EVENTS + 3)) 0.960266009616 "C: the same ratio again, new version" 2>&1
  probe $((EVENTS + 4)) 0.960450000000 "D: ratio on a rounding edge" 2>&1
)
# E: a department fills in another indicator (LZ11); the whole evaluation is rescored from the stored values
eval_call GET "/api/v1/evaluations/$EVAL_ID" || die "GET evaluation $EVAL_ID failed"
eval_call PUT "/api/v1/evaluations/$EVAL_ID/indicators/LZ11" '{"band":"ACHIEVED","proposedScore":18}' "$EVAL_ETAG" ||
  die "PUT LZ11 failed"
RESCORED=$(python3 - "$EVAL_BODY" <<'PY'
import json, sys
e = json.loads(sys.argv[1]); i = next(x for x in e["indicators"] if x["code"] == "LZ13")
print("actual %s, score %s, explanation inputs %s" % (i["actual"], i["score"], json.dumps(i["scoreExplanation"]["inputs"])))
PY
)

P99=$(sed -n 's/^latency_ms: .* p99=\([0-9.]*\).*/\1/p' "$OUT")
VERDICT=$(python3 -c "print('MET' if '$P99' and $rc == 0 and float('${P99:-1e9}') < 1000 else 'NOT MET')")
cat <<REPORT

== bench/evaluation-latency.sh: $EVENTS budget events -> GET /api/v1/evaluations/$EVAL_ID (LZ13 actual), poll every $POLL_MS ms, $(date -u '+%Y-%m-%d %H:%M UTC')
machine: $(machine_line)
service: evaluation-service, app jar built ${EVAL_APP_BUILT:-?} ($BENCH_APP_DIR; checkout at $(git -C "$ROOT" log -1 --format=%h))
warm-up ($WARMUP events, $WARM): $(sed -n 's/^latency_ms: //p' "$BENCH_WORK/evaluation-latency-warmup.out")
$(sed -n '1p' "$OUT")
send -> visible (ms):        $(sed -n 's/^latency_ms: //p' "$OUT")
send -> broker ack (ms):     $(sed -n 's/^ack_ms: //p' "$OUT")
each GET (ms):               $(sed -n 's/^get_ms: //p' "$OUT")
slowest: $SLOWEST
$(sed -n 's/^new_actual_with_previous_version=/GET read skew: new actual shown with the previous version (ETag): /p' "$OUT")
goal p99 < 1 s: $VERDICT
run: $T_RUN ms for $EVENTS events; CPU: service JVM $CPU_SVC ms ($((CPU_SVC / EVENTS)) ms/event, GETs included), PostgreSQL (all backends) $CPU_PG ms
rows per event (inserted/updated): $PER_EVENT
after the run: LZ13 $LZ13; BUDGET_FIGURES_APPLIED audit entries: $AUDITS
precision probe (indicator.actual is NUMERIC(20,4); budget-service sends 12 decimals):
$PROBE
  E: PUT LZ11 (another indicator; LZ13 untouched) -> LZ13 $RESCORED
  (per-event CSV: $CSV)
REPORT
exit "$rc"
