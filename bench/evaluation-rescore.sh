#!/usr/bin/env bash
# Rescoring draft evaluations when a rule set gets a new version.
#
#   bench/evaluation-rescore.sh [EVALUATIONS=1000] [INDICATORS=40]
#
# Through the API (finance token): rule set BENCH v1 (DEPARTMENT) = one first-level node of
# weight 100 with two second-level nodes and INDICATORS leaves in all (RATIO_POSITIVE,
# THRESHOLD_STEPS and QUALITATIVE in turn, equal weights adding up to 100), published;
# EVALUATIONS draft evaluations BENCH-R00001.. / 2022 made from it. Their leaves are then
# filled with ONE SQL UPDATE in evaluation_bench (INDICATORS x EVALUATIONS PUTs through the API
# would take far longer than what is measured; the values do not go through the API's
# validation, but are chosen valid for both versions). BENCH v2 (same tree, other THRESHOLD_STEPS
# and QUALITATIVE parameters) is published, and
#     POST /api/v1/rule-sets/BENCH/versions/2/rescore
# (every draft/returned evaluation of an earlier version moves to v2 and is rescored, in one
# transaction; answers {ruleSet, evaluations, indicators, millis}) is timed with curl.
# Goal: < 5 s for 1000 x 40. Baseline: a plain SQL "UPDATE indicator SET score = score" of the
# same rows (ratio service / baseline). Diagnostics: rows written per table, CPU of the service
# JVM and of PostgreSQL during the call, thread dumps of the service taken while it ran
# (bench/.work/evidence/), with JFR=1 a JFR recording of the call (off by default: it costs the service much CPU), the
# indicator UPDATEs of one PUT, and a check of every new score against the v2 formulas in SQL.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/evaluation-lib.sh"

EVALUATIONS=${1:-1000}
INDICATORS=${2:-40}
[[ $EVALUATIONS =~ ^[0-9]+$ ]] && ((EVALUATIONS > 0)) || die "usage: bench/evaluation-rescore.sh [EVALUATIONS] [INDICATORS]"
[[ $INDICATORS =~ ^[0-9]+$ ]] && ((INDICATORS >= 2 && INDICATORS % 2 == 0)) || die "INDICATORS must be an even number >= 2"
RESCORE_TIMEOUT=${RESCORE_TIMEOUT:-1800}
PARALLEL=${PARALLEL:-4}
CODE=BENCH
PREFIX=BENCH-R

# The budget.events consumer is not needed here: off, so that events of other benchmarks or of the
# dev suite on the run broker do not run through the service during the measurement.
export EVAL_CONSUMER=false
eval_init
eval_up

# ---------------------------------------------------------------- rule set BENCH v1 and v2
# rule_set_json VERSION: the BENCH tree; v2 changes THRESHOLD_STEPS and QUALITATIVE parameters.
rule_set_json() {
  python3 - "$1" "$INDICATORS" "$CODE" <<'PY'
import json, sys
from decimal import Decimal
version, n, code = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
w = Decimal(100) / n
if w != w.quantize(Decimal("0.01")):
    sys.exit(f"100 / {n} is not a weight with 2 decimals")
def rule(k):
    t = k % 3
    if t == 0:
        return {"type": "RATIO_POSITIVE"}
    if t == 1:
        return ({"type": "THRESHOLD_STEPS", "threshold": 95, "step": 2, "deductionFraction": 0.2} if version == 1 else
                {"type": "THRESHOLD_STEPS", "threshold": 90, "step": 5, "deductionFraction": 0.1, "countPartialSteps": True})
    return {"type": "QUALITATIVE"} if version == 1 else {"type": "QUALITATIVE", "achievedMin": 0.85, "partialMin": 0.65}
half = n // 2
children = []
for s in (1, 2):
    leaves = []
    for j in range(half):
        k = (s - 1) * half + j
        leaves.append({"code": f"B{s}{j + 1:03d}", "name": f"基准指标 {k + 1}", "weight": float(w), "rule": rule(k),
                       "unit": "%", "direction": ">="})
    children.append({"code": f"B{s}", "name": f"二级指标 {s}", "weight": float(w * half), "children": leaves})
print(json.dumps({"code": code, "name": f"基准指标体系 v{version}", "subjectType": "DEPARTMENT",
                  "effectiveFrom": "2022-01-01",
                  "tree": {"nodes": [{"code": "B", "name": "一级指标", "weight": 100, "children": children}]}},
                 ensure_ascii=False))
PY
}

# create_and_publish VERSION: POST the rule set (a draft, next version of BENCH), then publish it.
create_and_publish() {
  local v=$1 body out
  body=$(rule_set_json "$v")
  eval_call POST /api/v1/rule-sets "$body" || die "creating $CODE v$v failed"
  out=$EVAL_BODY
  [[ $(json_get version <<<"$out") == "$v" ]] || die "expected $CODE version $v, got: $(head -c 300 <<<"$out")"
  eval_call POST "/api/v1/rule-sets/$CODE/versions/$v/publish" "" "$EVAL_ETAG" || die "publishing $CODE v$v failed"
}

log "rule set $CODE v1: $INDICATORS leaves under two second-level nodes, published"
create_and_publish 1

# ---------------------------------------------------------------- evaluations
log "creating $EVALUATIONS evaluations $PREFIX*/2022 from $CODE v1 ($PARALLEL connections)"
T0=$(date +%s%3N)
python3 - "$BENCH_URL" "$TOKEN" "$EVALUATIONS" "$PREFIX" "$CODE" "$PARALLEL" <<'PY'
import http.client, json, sys, threading, urllib.parse
url, token, n, prefix, code, par = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], int(sys.argv[6])
u = urllib.parse.urlparse(url)
errors, lock, nxt = [], threading.Lock(), [0]
def work():
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    while True:
        with lock:
            i = nxt[0]; nxt[0] += 1
        if i >= n or errors:
            return
        body = json.dumps({"subjectType": "DEPARTMENT", "departmentCode": f"{prefix}{i + 1:05d}", "fiscalYear": 2022,
                           "ruleSetCode": code, "ruleSetVersion": 1})
        c.request("POST", "/api/v1/evaluations", body, {"Authorization": "Bearer " + token,
                                                         "Content-Type": "application/json"})
        r = c.getresponse(); data = r.read()
        if r.status != 201:
            errors.append(f"evaluation {i + 1}: HTTP {r.status} {data[:300]!r}")
threads = [threading.Thread(target=work) for _ in range(par)]
[t.start() for t in threads]; [t.join() for t in threads]
if errors:
    sys.exit("\n".join(errors[:5]))
PY
T_CREATE=$(ms_since "$T0")
log "created in $T_CREATE ms"

# ---------------------------------------------------------------- values, by SQL
# One UPDATE instead of EVALUATIONS x INDICATORS PUTs. Values vary with the row id and stay valid
# for v1 and v2: RATIO_POSITIVE target 100, actual 80..120; THRESHOLD_STEPS actual 80..100;
# QUALITATIVE ACHIEVED 2.50 or PARTIAL 1.75 (in band for both versions when the weight is 2.5;
# generally: 0.95 x weight, 0.70 x weight).
log "filling the $((EVALUATIONS * INDICATORS)) leaves with one SQL UPDATE"
FILL_MS=$(bench_psql -At <<SQL | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n 1
\\timing on
UPDATE indicator i SET
  target = CASE i.rule->>'type' WHEN 'RATIO_POSITIVE' THEN 100 WHEN 'THRESHOLD_STEPS' THEN 95 END,
  actual = CASE i.rule->>'type' WHEN 'RATIO_POSITIVE' THEN 80 + i.id % 41 WHEN 'THRESHOLD_STEPS' THEN 80 + i.id % 21 END,
  band = CASE WHEN i.rule->>'type' = 'QUALITATIVE' THEN CASE WHEN i.id % 4 = 0 THEN 'PARTIAL' ELSE 'ACHIEVED' END END,
  proposed_score = CASE WHEN i.rule->>'type' = 'QUALITATIVE'
                        THEN round(i.weight * CASE WHEN i.id % 4 = 0 THEN 0.70 ELSE 0.95 END, 2) END
FROM evaluation e
WHERE e.id = i.evaluation_id AND e.department_code LIKE '$PREFIX%' AND i.rule IS NOT NULL;
SQL
)
LEAVES=$(bench_psql -Atc "SELECT count(*) FROM indicator i JOIN evaluation e ON e.id = i.evaluation_id
  WHERE e.department_code LIKE '$PREFIX%' AND i.rule IS NOT NULL AND (i.actual IS NOT NULL OR i.band IS NOT NULL)")
ROWS=$(bench_psql -Atc "SELECT count(*) FROM indicator i JOIN evaluation e ON e.id = i.evaluation_id WHERE e.department_code LIKE '$PREFIX%'")
((LEAVES == EVALUATIONS * INDICATORS)) || die "filled $LEAVES leaves, expected $((EVALUATIONS * INDICATORS))"
bench_psql -c "VACUUM ANALYZE indicator" -c "VACUUM ANALYZE evaluation"

log "rule set $CODE v2 (other THRESHOLD_STEPS and QUALITATIVE parameters), published"
create_and_publish 2
V2_ID=$(bench_psql -Atc "SELECT id FROM rule_set WHERE code = '$CODE' AND version = 2")

# ---------------------------------------------------------------- the measurement
table_counts() {
  bench_psql -Atc "SELECT string_agg(relname || '=' || n_tup_ins || '/' || n_tup_upd, ' ' ORDER BY relname)
    FROM pg_stat_user_tables WHERE relname IN ('indicator', 'evaluation', 'audit_entry', 'outbox_event')"
}
busy_check
sleep 11 # PostgreSQL 15 flushes an idle backend's table statistics within 10 s
COUNTS_BEFORE=$(table_counts)
EVID="$BENCH_WORK/evidence/evaluation-rescore-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$EVID"
# thread dumps of the service when the call takes long: after 8 s, then every 4 s (at most 15);
# each dump costs the 2-core machine some CPU, so none during a call that ends quickly
(
  for ((k = 0; k < 16; k++)); do
    [[ -f $EVID/.done ]] && exit 0
    sleep 0.5
  done
  for ((k = 1; k <= 15; k++)); do
    [[ -f $EVID/.done ]] && break
    timeout 20 jstack "$BENCH_SERVICE_PID" >"$EVID/jstack-$(printf %02d "$k").txt" 2>&1 || true
    sleep 4
  done
) &
DUMPER=$!
bench_on_exit "touch '$EVID/.done'; kill $DUMPER 2>/dev/null; wait $DUMPER 2>/dev/null"
# watchdog: the rescore rewrites rows many times over inside one transaction (see EVALUATION.md);
# on a shared disk, end it (terminate its backend: the transaction rolls back) before the database
# grows past MAX_DB_MB.
MAX_DB_MB=${MAX_DB_MB:-10240}
(
  while [[ ! -f $EVID/.done ]]; do
    sleep 5
    mb=$(psql_admin -Atc "SELECT pg_database_size('$BENCH_DB') / 1048576" 2>/dev/null || echo 0)
    echo "$(date -u +%H:%M:%S) ${mb} MB" >>"$EVID/db-size.txt"
    if ((mb > MAX_DB_MB)); then
      echo "database $BENCH_DB at ${mb} MB > MAX_DB_MB=$MAX_DB_MB: terminating its backends" >>"$EVID/db-size.txt"
      warn "database $BENCH_DB at ${mb} MB > MAX_DB_MB=$MAX_DB_MB: terminating its backends (the rescore rolls back)"
      psql_admin -Atc "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$BENCH_DB' AND pid <> pg_backend_pid()" >/dev/null || true
      break
    fi
  done
) &
WATCHDOG=$!
bench_on_exit "kill $WATCHDOG 2>/dev/null; wait $WATCHDOG 2>/dev/null"
# a JFR recording of the service during the call (execution samples; low overhead)
JFR_FILE="$EVID/rescore.jfr"
if [[ ${JFR:-0} == 1 ]]; then
  jcmd "$BENCH_SERVICE_PID" JFR.start name=rescore settings=profile filename="$JFR_FILE" >/dev/null 2>&1 ||
    warn "could not start a JFR recording"
fi
jvm_threads_cpu "$BENCH_SERVICE_PID" "$EVID/threads-cpu-before.txt"
SNAP0=$(cpu_snapshot "$BENCH_SERVICE_PID")
log "POST /api/v1/rule-sets/$CODE/versions/2/rescore ($EVALUATIONS evaluations x $INDICATORS leaves; timeout ${RESCORE_TIMEOUT}s)"
RESP="$BENCH_WORK/evaluation-rescore-response.json"
read -r HTTP_CODE WALL_S < <(curl -sS --max-time "$RESCORE_TIMEOUT" -o "$RESP" -w '%{http_code} %{time_total}\n' -X POST \
  -H "Authorization: Bearer $TOKEN" "$BENCH_URL/api/v1/rule-sets/$CODE/versions/2/rescore" || echo "000 $RESCORE_TIMEOUT")
SNAP1=$(cpu_snapshot "$BENCH_SERVICE_PID")
jvm_threads_cpu "$BENCH_SERVICE_PID" "$EVID/threads-cpu-after.txt"
read -r S0 P0 _ <<<"$SNAP0"
read -r S1 P1 _ <<<"$SNAP1"
CPU_SVC=$((S1 - S0))
CPU_PG=$((P1 - P0))
CPU_LINE=$(cpu_between "$SNAP0" "$SNAP1")
CPU_SVC_THREADS=$(jvm_threads_cpu_diff "$EVID/threads-cpu-before.txt" "$EVID/threads-cpu-after.txt" "$CPU_SVC" 2>/dev/null ||
  echo "?")
touch "$EVID/.done"
[[ ${JFR:-0} != 1 ]] || jcmd "$BENCH_SERVICE_PID" JFR.stop name=rescore >/dev/null 2>&1 || true
wait "$DUMPER" 2>/dev/null || true
kill "$WATCHDOG" 2>/dev/null || true
wait "$WATCHDOG" 2>/dev/null || true
DB_MB=$(psql_admin -Atc "SELECT pg_database_size('$BENCH_DB') / 1048576")
busy_check_after
sleep 11 # statistics of the service's last transaction (flushed within 10 s)
COUNTS_AFTER=$(table_counts || true)
# ---------------------------------------------------------------- thread dumps: where the time went
DUMP_SUMMARY=$(python3 - "$EVID" <<'PY'
import collections, glob, os, re, sys
files = sorted(glob.glob(os.path.join(sys.argv[1], "jstack-*.txt")))
where, leaf = collections.Counter(), collections.Counter()
n = 0
for f in files:
    for block in open(f, errors="replace").read().split("\n\n"):
        # the request thread, or a batch thread of the migration (RuleSetMigration)
        if "EvaluationService.migrate" not in block and "RuleSetMigration" not in block:
            continue
        n += 1
        frames = [l.strip()[3:] for l in block.splitlines() if l.strip().startswith("at ")]
        # the innermost line of our own code, and the innermost Hibernate/JDBC/Jackson activity
        ours = next((fr for fr in frames if fr.startswith("gov.budgetperf") and "$$" not in fr), "?")
        text = "\n".join(frames)
        flush = "AbstractFlushingEventListener" in text or "DefaultFlushEntityEventListener" in text
        if "org.postgresql" in text:
            what = "JDBC: sending statements to / waiting for PostgreSQL"
        elif "com.fasterxml.jackson" in text:
            what = "Jackson: JSON columns (snapshot copies, writing)"
        elif "org.hibernate" in text:
            what = "Hibernate, in the JVM (dirty checking, binding, loading)"
        elif "gov.budgetperf.evaluation.scoring" in text:
            what = "scoring arithmetic"
        else:
            what = "other"
        what += " - inside a flush" if flush else ""
        where[re.sub(r"\(.*\)", "", ours) + " " + (re.search(r"\((.*)\)", ours) or [None, ""])[1]] += 1
        leaf[what] += 1
if not files:
    print("thread dumps: none (the call ended within 8 s)")
    sys.exit(0)
print(f"thread dumps with the rescore running: {n} (of {len(files)} taken)")
for k, v in leaf.most_common():
    print(f"  {v:3d}  {k}")
print("  innermost line of evaluation-service code:")
for k, v in where.most_common(6):
    print(f"  {v:3d}  {k}")
PY
)

# ---------------------------------------------------------------- JFR: where the service's CPU went
PROFILE_SUMMARY=""
if [[ -s $JFR_FILE ]]; then
  jfr print --stack-depth 96 --events jdk.ExecutionSample "$JFR_FILE" >"$EVID/execution-samples.txt" 2>/dev/null || true
  PROFILE_SUMMARY=$(python3 - "$EVID/execution-samples.txt" <<'PY'
import collections, re, sys
text = open(sys.argv[1], errors="replace").read()
samples = text.split("jdk.ExecutionSample {")[1:]
total, ours = 0, 0
cat, self_, code = collections.Counter(), collections.Counter(), collections.Counter()
for s in samples:
    total += 1
    frames = [re.sub(r"\s+line:.*", "", l.strip()) for l in re.split(r"\n\s*\]", s.split("stackTrace = [", 1)[-1], maxsplit=1)[0].splitlines()
              if l.strip() and not l.strip().startswith("...")]
    if not any("EvaluationService.migrate" in f or "EvaluationService.lambda$migrate" in f or "RuleSetMigration" in f
               for f in frames):
        continue
    ours += 1
    t = "\n".join(frames)
    if "AbstractFlushingEventListener" in t or "DefaultFlushEntityEventListener" in t:
        c = "Hibernate flush (dirty checking, JSON snapshots, UPDATE binding)"
    elif "EvaluationScoring.rescore" in t:
        c = "EvaluationScoring.rescore" + (" - Jackson (rule treeToValue / explanation valueToTree)" if "com.fasterxml" in t else " - other")
    elif "RuleSetMigration.read" in t:
        c = "RuleSetMigration.read (two SELECTs; JSON parsing)"
    elif "RuleSetMigration.write" in t:
        c = "RuleSetMigration.write (" + ("JSON text" if "com.fasterxml" in t else "arrays, JDBC") + ")"
    elif "Outbox" in t:
        c = "outbox events"
    elif "RuleSetMigration.move" in t:
        c = "RuleSetMigration.move (tree, figures)"
    elif "org.hibernate" in t:
        c = "Hibernate, other (loading the batch, JSON parsing on load)"
    elif "com.fasterxml" in t:
        c = "Jackson, other (audit/outbox payloads)"
    else:
        c = "other"
    cat[c] += 1
    self_[frames[0] if frames else "?"] += 1
    code[next((f for f in frames if f.startswith("gov.budgetperf")), "?")] += 1
print(f"JFR execution samples: {total} in the JVM, {ours} in the rescore's threads (request and batches)")
for k, v in cat.most_common():
    print(f"  {100 * v / max(1, ours):5.1f}%  {k}")
print("  hottest methods (self):")
for k, v in self_.most_common(8):
    print(f"  {100 * v / max(1, ours):5.1f}%  {k}")
print("  innermost evaluation-service frame:")
for k, v in code.most_common(6):
    print(f"  {100 * v / max(1, ours):5.1f}%  {k}")
PY
)
fi

# ---------------------------------------------------------------- baseline
BASE_MS=$(bench_psql -At <<SQL | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n 1
\\timing on
UPDATE indicator i SET score = score FROM evaluation e WHERE e.id = i.evaluation_id AND e.department_code LIKE '$PREFIX%';
SQL
)

# ---------------------------------------------------------------- one PUT: rows written
# Filling in one value of an evaluation whose leaves are scored changes 3 rows (the leaf and its two
# parents). How many indicator UPDATEs does the service issue for it?
indicator_updates() { bench_psql -Atc "SELECT n_tup_upd FROM pg_stat_user_tables WHERE relname = 'indicator'"; }
FIRST_ID=$(bench_psql -Atc "SELECT min(id) FROM evaluation WHERE department_code LIKE '$PREFIX%'")
put_b1001() {
  eval_call GET "/api/v1/evaluations/$FIRST_ID" || return 1
  eval_call PUT "/api/v1/evaluations/$FIRST_ID/indicators/B1001" "{\"target\":100,\"actual\":$1}" "$EVAL_ETAG"
}
PUT_UPDATES="?"
if put_b1001 90; then # (the first PUT also scores every leaf of this evaluation, in case the rescore did not)
  sleep 11
  U0=$(indicator_updates)
  put_b1001 91 && sleep 11 && PUT_UPDATES=$(($(indicator_updates) - U0))
fi
PUT_LINE="one PUT /api/v1/evaluations/$FIRST_ID/indicators/B1001 (changes 3 rows: B1001, B1, B): $PUT_UPDATES indicator rows UPDATEd"

if [[ $HTTP_CODE != 200 ]]; then
  bench_evidence evaluation-rescore-failed
  cat <<REPORT

== bench/evaluation-rescore.sh: $EVALUATIONS evaluations x $INDICATORS leaves, $(date -u '+%Y-%m-%d %H:%M UTC')
machine: $(machine_line)
service: evaluation-service, app jar built ${EVAL_APP_BUILT:-?} ($BENCH_APP_DIR; checkout at $(git -C "$ROOT" log -1 --format=%h))
POST /api/v1/rule-sets/$CODE/versions/2/rescore FAILED: HTTP $HTTP_CODE after ${WALL_S} s (curl time_total)
  response: $(head -c 600 "$RESP" 2>/dev/null | tr -d '\n')
  CPU during the call: service JVM $CPU_SVC ms, PostgreSQL (all backends) $CPU_PG ms; database now ${DB_MB} MB
  rows (inserted/updated) per table before -> after:
    $COUNTS_BEFORE
    $COUNTS_AFTER
  evaluations on v2 now: $(bench_psql -Atc "SELECT count(*) FROM evaluation WHERE department_code LIKE '$PREFIX%' AND rule_set_id = $V2_ID")/$EVALUATIONS
  $(grep -q ARJUNA012121 "$BENCH_SERVICE_LOG" && echo "cause: the transaction reaper cancelled the rescore's transaction (Quarkus' default transaction timeout, 60 s); nothing was committed")
  service log, last errors:
$(grep -E 'ERROR|WARN' "$BENCH_SERVICE_LOG" | tail -n 8 | cut -c1-400 | sed 's/^/    /')
baseline: UPDATE indicator SET score = score of the same $ROWS rows: ${BASE_MS} ms
$PUT_LINE
$DUMP_SUMMARY
$PROFILE_SUMMARY
  (thread dumps and database size: $EVID)
goal < 5 s for 1000 x 40: NOT MET
REPORT
  exit 1
fi
SERVER_MS=$(json_get millis <"$RESP")
MOVED=$(json_get evaluations <"$RESP")
MOVED_IND=$(json_get indicators <"$RESP")

# ---------------------------------------------------------------- checks
ON_V2=$(bench_psql -Atc "SELECT count(*) FROM evaluation WHERE department_code LIKE '$PREFIX%' AND rule_set_id = $V2_ID")
WITH_TOTAL=$(bench_psql -Atc "SELECT count(*) FROM evaluation WHERE department_code LIKE '$PREFIX%' AND total IS NOT NULL")
# every leaf score against the v2 formulas (weight w): RATIO_POSITIVE w*min(a/t,1); THRESHOLD_STEPS
# 90/5/0.1 counting partial steps: w*max(0, 1 - ceil((90-a)/5)*0.1); QUALITATIVE the proposed score
WRONG=$(bench_psql -Atc "SELECT count(*) FROM indicator i JOIN evaluation e ON e.id = i.evaluation_id
  WHERE e.department_code LIKE '$PREFIX%' AND i.rule IS NOT NULL AND i.score IS DISTINCT FROM round(CASE i.rule->>'type'
    WHEN 'RATIO_POSITIVE' THEN i.weight * least(i.actual / i.target, 1)
    WHEN 'THRESHOLD_STEPS' THEN CASE WHEN i.actual >= 90 THEN i.weight
                                     ELSE i.weight * greatest(0, 1 - ceil((90 - i.actual) / 5) * 0.1) END
    WHEN 'QUALITATIVE' THEN i.proposed_score END, 2)")
EXPLAINED_V2=$(bench_psql -Atc "SELECT count(*) FROM indicator i JOIN evaluation e ON e.id = i.evaluation_id
  WHERE e.department_code LIKE '$PREFIX%' AND i.rule IS NOT NULL AND i.score_explanation::text LIKE '%$CODE/v2%'")

# ---------------------------------------------------------------- a second change, same JVM (warm)
# The measurement above is the first rescore of a freshly started service: its JIT compilers are
# still compiling the code path (their CPU shows in "service JVM CPU by thread"). v3 (the same
# rules as v2) moves the same evaluations again, now with compiled code. WARM_RESCORE=0 skips it.
WARM_LINE="second rescore (BENCH v3, warm JVM): skipped (WARM_RESCORE=0)"
if [[ ${WARM_RESCORE:-1} == 1 ]]; then
  MAIN_LOAD=${BENCH_LOAD:-}
  create_and_publish 3
  busy_check
  jvm_threads_cpu "$BENCH_SERVICE_PID" "$EVID/threads-cpu-warm-before.txt"
  SNAP0=$(cpu_snapshot "$BENCH_SERVICE_PID")
  RESP3="$BENCH_WORK/evaluation-rescore-warm-response.json"
  read -r HTTP3 WALL3 < <(curl -sS --max-time "$RESCORE_TIMEOUT" -o "$RESP3" -w '%{http_code} %{time_total}\n' -X POST \
    -H "Authorization: Bearer $TOKEN" "$BENCH_URL/api/v1/rule-sets/$CODE/versions/3/rescore" || echo "000 $RESCORE_TIMEOUT")
  SNAP1=$(cpu_snapshot "$BENCH_SERVICE_PID")
  read -r S0 _ <<<"$SNAP0"
  read -r S1 _ <<<"$SNAP1"
  CPU_SVC3=$((S1 - S0))
  jvm_threads_cpu "$BENCH_SERVICE_PID" "$EVID/threads-cpu-warm-after.txt"
  THREADS3=$(jvm_threads_cpu_diff "$EVID/threads-cpu-warm-before.txt" "$EVID/threads-cpu-warm-after.txt" "$CPU_SVC3" 2>/dev/null ||
    echo "?")
  busy_check_after
  WARM_LOAD=${BENCH_LOAD:-?}
  BENCH_LOAD=$MAIN_LOAD # the report's machine line is about the main measurement
  if [[ $HTTP3 == 200 ]]; then
    WARM_LINE="second rescore (BENCH v3, warm JVM): wall ${WALL3} s, server $(json_get millis <"$RESP3") ms, $(json_get evaluations <"$RESP3") evaluations; CPU $(cpu_between "$SNAP0" "$SNAP1"); service JVM by thread: $THREADS3; other work $WARM_LOAD"
  else
    WARM_LINE="second rescore (BENCH v3, warm JVM): FAILED, HTTP $HTTP3 after ${WALL3} s: $(head -c 300 "$RESP3" 2>/dev/null)"
  fi
fi

RATE=$(python3 -c "print(f'{$EVALUATIONS * $INDICATORS / float($WALL_S):,.0f}')")
VERDICT=$(python3 -c "print('MET' if float('$WALL_S') < 5 else 'NOT MET')")
cat <<REPORT

== bench/evaluation-rescore.sh: $EVALUATIONS evaluations x $INDICATORS leaves ($ROWS indicator rows), $(date -u '+%Y-%m-%d %H:%M UTC')
machine: $(machine_line)
service: evaluation-service, app jar built ${EVAL_APP_BUILT:-?} ($BENCH_APP_DIR; checkout at $(git -C "$ROOT" log -1 --format=%h))
setup: $EVALUATIONS POST /evaluations in $T_CREATE ms ($PARALLEL connections); SQL fill of $LEAVES leaves in ${FILL_MS:-?} ms
POST /api/v1/rule-sets/$CODE/versions/2/rescore -> $(tr -d '\n' <"$RESP")
  wall time (curl time_total):  ${WALL_S} s
  server millis:                ${SERVER_MS} ms
  evaluations x indicators / s: $RATE  (wall time; $MOVED evaluations, $MOVED_IND indicators moved)
  CPU during the call:          $CPU_LINE; database now ${DB_MB} MB
  service JVM CPU by thread:    $CPU_SVC_THREADS
  rows (inserted/updated) per table before -> after:
    $COUNTS_BEFORE
    $COUNTS_AFTER
goal < 5 s for 1000 x 40: $VERDICT
baseline: UPDATE indicator SET score = score of the same $ROWS rows: ${BASE_MS} ms; ratio rescore (server millis) / baseline: $(ratio "$SERVER_MS" "$BASE_MS" 1)
$PUT_LINE
checks: on v2 $ON_V2/$EVALUATIONS, with a total $WITH_TOTAL/$EVALUATIONS, leaf scores differing from the v2 formulas: $WRONG, explanations naming $CODE/v2: $EXPLAINED_V2/$LEAVES
$WARM_LINE
$DUMP_SUMMARY
$PROFILE_SUMMARY
  (thread dumps, JFR recording: $EVID)
REPORT
