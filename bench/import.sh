#!/usr/bin/env bash
# Bulk import throughput: POST /api/v1/imports/expenditures of an N-row ledger CSV versus a
# plain psql \copy of the same file into an index-free table (the floor PostgreSQL sets).
#
#   bench/import.sh [ROWS=1000000]
#
# Prints rows/s of the import, of the COPY baseline, their ratio (goal >= 0.30), the time of
# re-posting the same file (a no-op: the same SHA-256 was imported before) and, to locate the
# gap, a second COPY into a copy of the real ledger table with its indexes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROWS=${1:-1000000}
[[ $ROWS =~ ^[0-9]+$ ]] && ((ROWS > 0)) || die "usage: bench/import.sh [ROWS]"
CODE=BENCH-IMP
YEAR=2022

bench_init
bench_up
CSV="$BENCH_WORK/ledger-$ROWS.csv"
# Generous limits (the goal is ~0.3 x COPY, i.e. well under a minute per million rows), so that
# a hung import fails the run, with a thread dump, instead of holding a COPY open for ever.
IMPORT_TIMEOUT=${IMPORT_TIMEOUT:-$((120 + ROWS / 2000))}
bench_on_exit "rm -f '$CSV' '$BENCH_WORK/import-response.json' '$BENCH_WORK/ledger-as-copied.csv'"

log "creating $CODE/$YEAR with 3 projects through the API"
create_department_year "$CODE" "$YEAR" 3

log "generating $ROWS ledger rows"
gen_ledger_csv "$CSV" "$ROWS" "$CODE" "$YEAR" 3
SIZE=$(stat -c %s "$CSV")
log "$(printf '%s: %.1f MB' "$CSV" "$(echo "$SIZE / 1048576" | bc -l)")"

# Let autovacuum and the WAL writer of the setup settle, then measure.
sleep 2
busy_check
cpu_ticks() { awk '{print $14 + $15}' "/proc/$BENCH_SERVICE_PID/stat"; }
CPU0=$(cpu_ticks)
log "POST /api/v1/imports/expenditures ($ROWS rows)"
read -r CODE_HTTP T_IMPORT < <(curl -sS --max-time "$IMPORT_TIMEOUT" -o "$BENCH_WORK/import-response.json" \
  -w '%{http_code} %{time_total}\n' -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary @"$CSV" "$BENCH_URL/api/v1/imports/expenditures?fileName=ledger-$ROWS.csv")
if [[ $CODE_HTTP == 000 ]]; then
  bench_evidence import-timeout
  die "no answer to the import within ${IMPORT_TIMEOUT}s (IMPORT_TIMEOUT): the service hangs or is far too slow"
fi
if [[ $CODE_HTTP != 201 ]]; then
  head -c 3000 "$BENCH_WORK/import-response.json" >&2
  echo >&2
  die "import answered HTTP $CODE_HTTP, expected 201"
fi
SERVICE_CPU_S=$(python3 -c "print(f'{($(cpu_ticks) - $CPU0) / $(getconf CLK_TCK):.1f}')")
IMPORTED=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rows"])' "$BENCH_WORK/import-response.json")
[[ $IMPORTED == "$ROWS" ]] || die "import reported $IMPORTED rows, expected $ROWS"
IN_DB=$(bench_psql -Atc "SELECT count(*) FROM expenditure")
[[ $IN_DB == "$ROWS" ]] || die "$IN_DB rows in the ledger, expected $ROWS"
RSS_AFTER=$(awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$BENCH_SERVICE_PID/status")

# What the import's size means for the read path: the metrics of this department-year
# aggregate its whole ledger on every request.
METRICS_URL="$BENCH_URL/api/v1/departments/$CODE/budgets/$YEAR/metrics"
METRICS_MS=$(for i in 1 2 3 4 5; do
  curl -sS -o /dev/null --max-time 60 -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$METRICS_URL"
done | python3 -c 'import statistics, sys; v = [float(x) * 1000 for x in sys.stdin]; print(f"median {statistics.median(v):.0f} ms (min {min(v):.0f}, max {max(v):.0f}) over {len(v)} sequential GETs")')

# ... and for the write path: every ledger entry recomputes the same figures for its event.
POST_MS=$(for i in 1 2 3 4 5; do
  curl -sS -o /dev/null --max-time 60 -w '%{time_total}\n' -X POST -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' --data-binary "{\"date\":\"$YEAR-12-0$i\",\"amount\":\"10.00\",\"expenditureType\":\"PUBLIC_FUNDS\"}" \
    "$BENCH_URL/api/v1/departments/$CODE/budgets/$YEAR/expenditures"
done | python3 -c 'import statistics, sys; v = [float(x) * 1000 for x in sys.stdin]; print(f"median {statistics.median(v):.0f} ms (min {min(v):.0f}, max {max(v):.0f}) over {len(v)} sequential POSTs")')

LEDGER_BEFORE=$(bench_psql -Atc "SELECT count(*) FROM expenditure")
log "re-POST of the same file (must be a no-op)"
read -r CODE_AGAIN T_AGAIN < <(curl -sS --max-time "$IMPORT_TIMEOUT" -o "$BENCH_WORK/import-response.json" \
  -w '%{http_code} %{time_total}\n' -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary @"$CSV" "$BENCH_URL/api/v1/imports/expenditures?fileName=ledger-$ROWS.csv")
STATUS_AGAIN=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("status"))' "$BENCH_WORK/import-response.json" 2>/dev/null || echo '?')
[[ $CODE_AGAIN == 200 && $STATUS_AGAIN == ALREADY_IMPORTED ]] ||
  warn "re-POST answered HTTP $CODE_AGAIN status $STATUS_AGAIN (expected 200 ALREADY_IMPORTED)"
IN_DB=$(bench_psql -Atc "SELECT count(*) FROM expenditure")
[[ $IN_DB == "$LEDGER_BEFORE" ]] || warn "the re-POST changed the ledger: $LEDGER_BEFORE rows before, $IN_DB after"
# Where the no-op's time goes: the lookup of the earlier batch's department-years.
BATCH=$(bench_psql -Atc "SELECT max(id) FROM import_batch")
PLAN_AGAIN=$(bench_psql -Atc "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
  SELECT DISTINCT d.code, b.fiscal_year FROM expenditure e JOIN department_budget b ON b.id = e.budget_id
  JOIN department d ON d.id = b.department_id WHERE e.import_batch_id = $BATCH ORDER BY 1, 2" |
  grep -E 'Scan on expenditure|Execution Time' | sed 's/^ *//; s/ *(actual.*//' | paste -sd ';' -)

# Baseline 1: the same file into a plain table of equivalent column types, no index, no constraint.
bench_psql -c "DROP TABLE IF EXISTS bench_copy_plain; CREATE TABLE bench_copy_plain (
  department_code varchar(40), fiscal_year int, entry_date date, amount numeric(18,2),
  expenditure_type varchar(20), funding_source varchar(20), project_code varchar(60),
  economic_class varchar(20), three_public varchar(20), description text)"
sleep 1
log "baseline: psql \\copy of the same $ROWS rows into a plain table"
T0=$(date +%s%3N)
bench_psql -c "\\copy bench_copy_plain FROM '$CSV' WITH (FORMAT csv, HEADER true)"
T_COPY_MS=$(ms_since "$T0")
N=$(bench_psql -Atc "SELECT count(*) FROM bench_copy_plain")
[[ $N == "$ROWS" ]] || die "baseline copied $N rows, expected $ROWS"

# Baseline 2 (diagnostic): the service's own COPY rows into a copy of the ledger table with its
# indexes, checks and defaults (LIKE ... INCLUDING ALL; no foreign keys, no trigger).
bench_psql -c "\\copy (SELECT budget_id, project_id, entry_date, amount, expenditure_type, funding_source,
  economic_class, three_public, description, import_batch_id, created_by FROM expenditure WHERE import_batch_id IS NOT NULL) TO '$BENCH_WORK/ledger-as-copied.csv' WITH (FORMAT csv)"
bench_psql -c "DROP TABLE IF EXISTS bench_copy_ledger; CREATE TABLE bench_copy_ledger (LIKE expenditure INCLUDING ALL)"
sleep 1
T0=$(date +%s%3N)
bench_psql -c "\\copy bench_copy_ledger (budget_id, project_id, entry_date, amount, expenditure_type, funding_source, economic_class, three_public, description, import_batch_id, created_by) FROM '$BENCH_WORK/ledger-as-copied.csv' WITH (FORMAT csv)"
T_COPY_LEDGER_MS=$(ms_since "$T0")
# ... and with the ledger's three foreign keys as well (checked row by row by RI triggers).
bench_psql -c "DROP TABLE bench_copy_ledger; CREATE TABLE bench_copy_ledger (LIKE expenditure INCLUDING ALL);
  ALTER TABLE bench_copy_ledger ADD FOREIGN KEY (budget_id) REFERENCES department_budget (id),
    ADD FOREIGN KEY (project_id) REFERENCES project (id), ADD FOREIGN KEY (import_batch_id) REFERENCES import_batch (id)"
sleep 1
T0=$(date +%s%3N)
bench_psql -c "\\copy bench_copy_ledger (budget_id, project_id, entry_date, amount, expenditure_type, funding_source, economic_class, three_public, description, import_batch_id, created_by) FROM '$BENCH_WORK/ledger-as-copied.csv' WITH (FORMAT csv)"
T_COPY_FK_MS=$(ms_since "$T0")
bench_psql -c "DROP TABLE bench_copy_plain; DROP TABLE bench_copy_ledger"
busy_check_after

IMPORT_MS=$(python3 -c "print(round(float('$T_IMPORT') * 1000))")
AGAIN_MS=$(python3 -c "print(round(float('$T_AGAIN') * 1000))")
IMPORT_RPS=$(python3 -c "print(round($ROWS / ($IMPORT_MS / 1000)))")
COPY_RPS=$(python3 -c "print(round($ROWS / ($T_COPY_MS / 1000)))")
COPY_LEDGER_RPS=$(python3 -c "print(round($ROWS / ($T_COPY_LEDGER_MS / 1000)))")
COPY_FK_RPS=$(python3 -c "print(round($ROWS / ($T_COPY_FK_MS / 1000)))")
R=$(ratio "$IMPORT_RPS" "$COPY_RPS")
VERDICT=$(python3 -c "print('MET' if $R >= 0.30 else 'NOT MET')")

cat <<REPORT

== bench/import.sh: $ROWS rows, $(printf '%.1f' "$(echo "$SIZE / 1048576" | bc -l)") MB CSV, $(date -u '+%Y-%m-%d %H:%M UTC')
machine: $(machine_line)
import   POST /api/v1/imports/expenditures   $(printf '%8d ms  %9d rows/s' "$IMPORT_MS" "$IMPORT_RPS")   (HTTP $CODE_HTTP)
baseline psql \\copy into a plain table     $(printf '%8d ms  %9d rows/s' "$T_COPY_MS" "$COPY_RPS")
ratio import / COPY                          $R   (goal >= 0.30: $VERDICT)
service RSS after the import                 $(printf '%8d MiB' "$RSS_AFTER")
re-POST of the same file (no-op)             $(printf '%8d ms' "$AGAIN_MS")   (HTTP $CODE_AGAIN $STATUS_AGAIN)
  its batch lookup: $PLAN_AGAIN
GET .../budgets/$YEAR/metrics over these $ROWS rows: $METRICS_MS
POST .../expenditures (one entry) into this department-year: $POST_MS
diagnostic: \\copy of the service's rows into LIKE expenditure INCLUDING ALL (3 indexes, checks)
                                             $(printf '%8d ms  %9d rows/s' "$T_COPY_LEDGER_MS" "$COPY_LEDGER_RPS")   (import / this: $(ratio "$IMPORT_RPS" "$COPY_LEDGER_RPS"))
diagnostic: the same plus the ledger's 3 foreign keys (budget, project, import batch)
                                             $(printf '%8d ms  %9d rows/s' "$T_COPY_FK_MS" "$COPY_FK_RPS")   (import / this: $(ratio "$IMPORT_RPS" "$COPY_FK_RPS"))
diagnostic: CPU time of the service JVM during the import: $SERVICE_CPU_S s (wall $(printf '%.1f' "$T_IMPORT") s)
REPORT
