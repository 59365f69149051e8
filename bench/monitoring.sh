#!/usr/bin/env bash
# In-year monitoring of a whole region as of a date, against one plain SQL GROUP BY over the same ledger.
#
#   [AS_OF=2022-06-30] bench/monitoring.sh [DEPARTMENTS=1000] [PROJECTS=5] [ENTRIES_PER_PROJECT=40] [CALLS=200]
#
# AS_OF: the date asked (a month end reads whole months of ledger_month only; a mid-month date also reads that
# month's days from the ledger).
#
# budget-service (copy of its fast-jar, 127.0.0.1:8181, database budget_bench) gets DEPARTMENTS departments of one
# region, each with a 2022 budget, PROJECTS projects (every third one a second-level project of the one before),
# one adjustment per project and per department, ENTRIES_PER_PROJECT ledger entries per project and as many
# department-level ones, dated all over the year — written with plain SQL (generate_series), not the API: the load
# is not what is measured. evaluation-service (copy, 127.0.0.1:8182, database evaluation_bench, budget.events
# consumer off) reads them from budget-service.
#
# Measured, each CALLS times after 20 warm-up calls, one at a time (curl's time_total, as a client sees it):
#   monitoring   GET evaluation-service /api/v1/monitoring?fiscalYear=2022&region=…&asOf=2022-06-30
#                (evaluation-service → budget-service GET /api/v1/execution → one SQL statement)
#   execution    GET budget-service /api/v1/execution?fiscalYear=2022&region=…&asOf=2022-06-30 alone
#   plain SQL    SELECT department, project, SUM(amount) … GROUP BY over the same ledger cut at the same
#                date, in one psql session (\timing: the query's round trip, no connection set-up)
# Goal: monitoring p99 < 300 ms and plain-SQL p50 ÷ monitoring p50 ≥ 0.5.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/evaluation-lib.sh"

DEPTS=${1:-1000}
PROJECTS=${2:-5}
ENTRIES=${3:-40}
CALLS=${4:-200}
WARM=20
REGION=基准区
AS_OF=${AS_OF:-2022-06-30}
for n in "$DEPTS" "$PROJECTS" "$ENTRIES" "$CALLS"; do
  [[ $n =~ ^[0-9]+$ ]] && ((n > 0)) || die "usage: bench/monitoring.sh [DEPARTMENTS] [PROJECTS] [ENTRIES_PER_PROJECT] [CALLS]"
done

# budget-service: its own copy, port and database (evaluation-lib.sh set the evaluation ones)
BUDGET_APP="$BENCH_WORK/budget-app-monitoring"
BUDGET_DB=budget_bench
BUDGET_HTTP=8181
BUDGET_MGMT=9181
export EVAL_CONSUMER=false
eval_init
bench_prepare_app budget-service "$BUDGET_APP"
create_db "$BUDGET_DB" --recreate
log "starting budget-service on 127.0.0.1:$BUDGET_HTTP (database $BUDGET_DB)"
bench_start_java budget-service-monitoring "$BUDGET_APP" "$BUDGET_HTTP" "$BUDGET_MGMT" "$BUDGET_DB" \
  PLATFORM_OUTBOX_RELAY_ENABLED=false
BUDGET_PID=$BENCH_JAVA_PID
bench_wait_ready_of "$BUDGET_PID" "$BUDGET_MGMT" "$BENCH_JAVA_LOG" "$BENCH_JAVA_T0" 180

log "loading $DEPTS departments × $PROJECTS projects, $ENTRIES entries per project (plain SQL)"
t0=$(date +%s%3N)
BENCH_DB=$BUDGET_DB bench_psql -v depts="$DEPTS" -v projects="$PROJECTS" -v entries="$ENTRIES" -v region="$REGION" <<'SQL'
INSERT INTO department (code, name, region)
SELECT 'MON-' || lpad(i::text, 5, '0'), '监控基准部门 ' || i, :'region' FROM generate_series(1, :depts) i;
INSERT INTO department_budget (department_id, fiscal_year, data_version)
SELECT id, 2022, 1 FROM department WHERE region = :'region';
INSERT INTO budget_allocation (budget_id, expenditure_type, funding_source, amount)
SELECT b.id, t.type, 'GENERAL_PUBLIC', t.amount FROM department_budget b JOIN department d ON d.id = b.department_id
CROSS JOIN (VALUES ('PERSONNEL', 3000000.00), ('PUBLIC_FUNDS', 800000.00), ('PROJECT', 5000000.00)) t(type, amount)
WHERE d.region = :'region';
-- first-level projects, then every third one a second-level project of the one before
INSERT INTO project (budget_id, code, name, level, funding_source, initial_budget)
SELECT b.id, 'P' || j, '项目 ' || j, 1, 'GENERAL_PUBLIC', 1000000.00
FROM department_budget b JOIN department d ON d.id = b.department_id CROSS JOIN generate_series(1, :projects) j
WHERE d.region = :'region' AND j % 3 <> 0;
INSERT INTO project (budget_id, code, name, level, parent_id, funding_source, initial_budget)
SELECT p.budget_id, 'P' || (substr(p.code, 2)::int + 1), '二级项目', 2, p.id, 'GENERAL_PUBLIC', 300000.00
FROM project p JOIN department_budget b ON b.id = p.budget_id JOIN department d ON d.id = b.department_id
WHERE d.region = :'region' AND (substr(p.code, 2)::int + 1) % 3 = 0 AND substr(p.code, 2)::int + 1 <= :projects;
INSERT INTO budget_adjustment (budget_id, project_id, adjustment_date, kind, amount, expenditure_type,
    funding_source, reason, created_by)
SELECT p.budget_id, p.id, DATE '2022-01-01' + (p.id % 360)::int, CASE WHEN p.id % 4 = 0 THEN 'REDUCTION' ELSE 'ADDITION' END,
    50000.00, 'PROJECT', 'GENERAL_PUBLIC', '基准调整', 'bench'
FROM project p JOIN department_budget b ON b.id = p.budget_id JOIN department d ON d.id = b.department_id
WHERE d.region = :'region';
INSERT INTO budget_adjustment (budget_id, adjustment_date, kind, amount, expenditure_type, funding_source, reason,
    created_by)
SELECT b.id, DATE '2022-01-01' + (b.id % 360)::int, 'ADDITION', 20000.00, 'PUBLIC_FUNDS', 'GENERAL_PUBLIC', '基准调整', 'bench'
FROM department_budget b JOIN department d ON d.id = b.department_id WHERE d.region = :'region';
INSERT INTO expenditure (budget_id, project_id, entry_date, amount, expenditure_type, funding_source, created_by)
SELECT p.budget_id, p.id, DATE '2022-01-01' + ((p.id * 7 + k * 13) % 365)::int, 1000.00 + (k % 50) * 100,
    'PROJECT', 'GENERAL_PUBLIC', 'bench'
FROM project p JOIN department_budget b ON b.id = p.budget_id JOIN department d ON d.id = b.department_id
CROSS JOIN generate_series(1, :entries) k WHERE d.region = :'region';
INSERT INTO expenditure (budget_id, entry_date, amount, expenditure_type, funding_source, created_by)
SELECT b.id, DATE '2022-01-01' + ((b.id * 11 + k * 17) % 365)::int, 2000.00 + (k % 30) * 100,
    CASE WHEN k % 3 = 0 THEN 'PUBLIC_FUNDS' ELSE 'PERSONNEL' END, 'GENERAL_PUBLIC', 'bench'
FROM department_budget b JOIN department d ON d.id = b.department_id
CROSS JOIN generate_series(1, :entries * :projects) k WHERE d.region = :'region';
ANALYZE;
SQL
ROWS=$(BENCH_DB=$BUDGET_DB bench_psql -At -c "SELECT count(*) FROM expenditure")
log "loaded in $(ms_since "$t0") ms: $ROWS ledger entries"

log "starting evaluation-service on $BENCH_URL (BUDGET_SERVICE_URL=http://127.0.0.1:$BUDGET_HTTP)"
bench_recreate_db
bench_start_java evaluation-service-monitoring "$BENCH_APP_DIR" "$BENCH_HTTP_PORT" "$BENCH_MGMT_PORT" "$BENCH_DB" \
  EVALUATION_BUDGET_EVENTS_ENABLED=false BUDGET_SERVICE_URL="http://127.0.0.1:$BUDGET_HTTP" PLATFORM_OUTBOX_RELAY_ENABLED=false
bench_wait_ready_of "$BENCH_JAVA_PID" "$BENCH_MGMT_PORT" "$BENCH_JAVA_LOG" "$BENCH_JAVA_T0" 180
TOKEN=$("$ROOT/suite.sh" token finance "" 14400)

REGION_Q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$REGION")
MON_URL="$BENCH_URL/api/v1/monitoring?fiscalYear=2022&region=$REGION_Q&asOf=$AS_OF"
EXE_URL="http://127.0.0.1:$BUDGET_HTTP/api/v1/execution?fiscalYear=2022&region=$REGION_Q&asOf=$AS_OF"

# times URL N OUT: N calls one after another, time_total in ms (one per line) to OUT; checks HTTP 200.
times() {
  local url=$1 n=$2 out=$3 i line
  : >"$out"
  for ((i = 0; i < n; i++)); do
    line=$(curl -sS -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" "$url")
    [[ ${line%% *} == 200 ]] || die "GET $url -> HTTP ${line%% *}"
    python3 -c 'import sys; print(round(float(sys.argv[1]) * 1000, 2))' "${line#* }" >>"$out"
  done
}
# pct FILE P: the P-th percentile (nearest rank) of the numbers in FILE.
pct() { python3 -c 'import math,sys; v=sorted(float(x) for x in open(sys.argv[1])); p=float(sys.argv[2]); print(v[max(0, math.ceil(p/100*len(v))-1)])' "$1" "$2"; }

LINES=$(curl -sS -H "Authorization: Bearer $TOKEN" "$MON_URL" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
BYTES=$(curl -sS -o /dev/null -w '%{size_download}' -H "Authorization: Bearer $TOKEN" "$MON_URL")
log "monitoring answers $LINES lines ($BYTES bytes); warm-up $WARM calls each"
times "$MON_URL" "$WARM" "$BENCH_WORK/monitoring-warm.txt"
times "$EXE_URL" "$WARM" "$BENCH_WORK/execution-warm.txt"

PLAIN_SQL="SELECT d.code, e.project_id, SUM(e.amount) FROM expenditure e JOIN department_budget b ON b.id = e.budget_id JOIN department d ON d.id = b.department_id WHERE d.region = '$REGION' AND b.fiscal_year = 2022 AND e.entry_date <= DATE '$AS_OF' GROUP BY d.code, e.project_id"
plain_sql() {
  local n=$1 out=$2
  {
    echo '\timing on'
    echo '\o /dev/null'
    for ((i = 0; i < n; i++)); do echo "$PLAIN_SQL;"; done
  } | BENCH_DB=$BUDGET_DB bench_psql 2>&1 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' >"$out"
  [[ $(wc -l <"$out") -eq $n ]] || die "plain SQL: expected $n timings, got $(wc -l <"$out")"
}
plain_sql "$WARM" "$BENCH_WORK/plain-warm.txt"

busy_check
log "measuring: $CALLS calls each"
times "$MON_URL" "$CALLS" "$BENCH_WORK/monitoring.txt"
times "$EXE_URL" "$CALLS" "$BENCH_WORK/execution.txt"
plain_sql "$CALLS" "$BENCH_WORK/plain.txt"
busy_check_after

M50=$(pct "$BENCH_WORK/monitoring.txt" 50) M99=$(pct "$BENCH_WORK/monitoring.txt" 99)
E50=$(pct "$BENCH_WORK/execution.txt" 50) E99=$(pct "$BENCH_WORK/execution.txt" 99)
P50=$(pct "$BENCH_WORK/plain.txt" 50) P99=$(pct "$BENCH_WORK/plain.txt" 99)
R50=$(ratio "$P50" "$M50")
R99=$(ratio "$P99" "$M99")
echo
echo "monitoring of $DEPTS departments × $PROJECTS projects ($LINES lines, $ROWS ledger entries) as of $AS_OF, $CALLS calls"
machine_line
printf '  %-34s p50 %8s ms   p99 %8s ms\n' "monitoring (evaluation-service)" "$M50" "$M99"
printf '  %-34s p50 %8s ms   p99 %8s ms\n' "execution (budget-service alone)" "$E50" "$E99"
printf '  %-34s p50 %8s ms   p99 %8s ms\n' "plain SQL GROUP BY (psql)" "$P50" "$P99"
printf '  %-34s p50 %8s      p99 %8s\n' "ratio plain ÷ monitoring" "$R50" "$R99"
python3 - "$M99" "$R50" <<'PY'
import sys
p99, r = float(sys.argv[1]), float(sys.argv[2])
print(f"  goal p99 < 300 ms: {'met' if p99 < 300 else 'NOT met'} ({p99} ms); goal ratio ≥ 0.5: {'met' if r >= 0.5 else 'NOT met'} ({r})")
PY
