# shellcheck shell=bash
# Helpers of the report-service benchmark (bench/report-*.sh). Sourced, not executed.
#
# Reuses bench/lib.sh (traps, PostgreSQL, the run broker, busy checks, bench_prepare_app, bench_start_java,
# bench_stop_pid) and runs its own copy of all three services, each on its own ports and database:
#
#   budget-service      127.0.0.1:8281, management 9281, database budget_bench_rpt
#   evaluation-service  127.0.0.1:8282, management 9282, database evaluation_bench_rpt,
#                       consumer group evaluation-service-bench-rpt
#   report-service      127.0.0.1:8283, management 9283, database report_bench,
#                       consumer group report-service-bench, peers = the two above
#
# The databases are dropped and recreated by every run (Flyway builds the schemas). The copies of the
# fast-jars live in bench/.work/rpt-apps/ (never bench/.work/quarkus-app or evaluation-app, which the other
# benchmarks may be running). Never the dev suite's databases (budget, evaluation, report), ports (808x/908x)
# or consumer groups, never a *_test database or the tests' broker.
#
# Broker: the run broker on 127.0.0.1:9092 (started with `start_kafka run 9092 9093 --detach` when nothing
# listens there, and stopped again at the end). The bench consumer groups are moved to the end of
# budget.events / evaluation.events before the services start, so the broker's history (dev suite, other
# benchmarks) is not replayed into the bench databases. When the dev suite's evaluation-service or
# report-service runs, the bench uses a private broker instead (RPT_KAFKA_PORT=9492, `start_kafka rpt-bench
# 9492 9493 --fresh`, stopped at the end): the demo departments have the dev suite's codes (GZ-ZC-GSL …),
# and the dev suite's consumers would otherwise apply the bench budget-service's events to its own data.
#
# Environment:
#   RPT_KAFKA_PORT        9092 (the run broker) or another port for a private broker (default: 9092, or 9492
#                         when the dev suite's consumers run)
#   RPT_JAVA_OPTS         JVM options of report-service (default none: the JVM's defaults)
#   RPT_BUDGET_APP_DIR, RPT_EVALUATION_APP_DIR, RPT_REPORT_APP_DIR
#                         quarkus-app directories to run instead of fresh copies of */target/quarkus-app
#   BENCH_WAIT_QUIET      as in bench/lib.sh

RPT_BUDGET_PORT=8281 RPT_BUDGET_MGMT=9281 RPT_BUDGET_DB=budget_bench_rpt
RPT_EVAL_PORT=8282 RPT_EVAL_MGMT=9282 RPT_EVAL_DB=evaluation_bench_rpt
RPT_PORT=8283 RPT_MGMT=9283 RPT_DB=report_bench
RPT_EVAL_GROUP=evaluation-service-bench-rpt
RPT_REPORT_GROUP=report-service-bench
# bench/lib.sh's guards (not *_test, not the dev database) apply to BENCH_DB: make it report_bench
export BENCH_HTTP_PORT=$RPT_PORT BENCH_MGMT_PORT=$RPT_MGMT BENCH_DB=$RPT_DB
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

for _db in "$RPT_BUDGET_DB" "$RPT_EVAL_DB" "$RPT_DB"; do
  [[ $_db =~ _test$ || $_db == budget || $_db == evaluation || $_db == report ]] &&
    die "$_db is not a bench database"
done
unset _db

RPT_BUDGET_URL="http://127.0.0.1:$RPT_BUDGET_PORT"
RPT_EVAL_URL="http://127.0.0.1:$RPT_EVAL_PORT"
RPT_URL="http://127.0.0.1:$RPT_PORT"
RPT_APPS="$BENCH_WORK/rpt-apps"
RPT_BUDGET_PID='' RPT_EVAL_PID='' RPT_REPORT_PID=''
RPT_BUILT=()

# rpt_dev_suite_consumers: true when the dev suite's evaluation-service or report-service runs (pid file of
# ./suite.sh alive, or something on their ports 8082/8083).
rpt_dev_suite_consumers() {
  local svc
  for svc in evaluation-service report-service; do
    pid_from_file "$PID_DIR/$svc.pid" "$(service_run_jar "$svc")" >/dev/null 2>&1 && return 0
  done
  port_open 8082 || port_open 8083
}

# rpt_init: traps, PostgreSQL, the broker and topics, copies of the three services.
rpt_init() {
  trap bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  need_cmd curl
  need_cmd openssl
  need_cmd python3
  need_cmd jcmd
  ensure_postgres
  rpt_ensure_kafka
  local spec svc var dir
  for spec in budget-service:RPT_BUDGET_APP_DIR evaluation-service:RPT_EVALUATION_APP_DIR report-service:RPT_REPORT_APP_DIR; do
    svc=${spec%%:*}
    var=${spec#*:}
    dir=${!var:-}
    if [[ -n $dir ]]; then
      [[ -f $dir/quarkus-run.jar ]] || die "no quarkus-run.jar in $var=$dir"
      RPT_BUILT+=("$svc: $dir (given)")
    else
      bench_prepare_app "$svc" "$RPT_APPS/$svc"
      printf -v "$var" '%s' "$RPT_APPS/$svc"
      RPT_BUILT+=("$svc: app jar built $BENCH_APP_BUILT")
    fi
  done
}

# rpt_ensure_kafka: the run broker on 9092 (leaves a running one alone) or a private one; the topics.
# Sets RPT_KAFKA_DESC (for the report).
# shellcheck disable=SC2034
rpt_ensure_kafka() {
  if [[ -z ${RPT_KAFKA_PORT:-} ]]; then
    RPT_KAFKA_PORT=9092
    if rpt_dev_suite_consumers; then
      RPT_KAFKA_PORT=9492
      log "the dev suite's evaluation-service/report-service run: using a private broker on $RPT_KAFKA_PORT" \
        "(the bench's events for GZ-TH/HD/ZC-GSL must not reach them)"
    fi
  fi
  BENCH_KAFKA_PORT=$RPT_KAFKA_PORT
  if ((RPT_KAFKA_PORT == 9092)); then
    bench_ensure_kafka # the run broker; bench_cleanup stops it when this script started it
    RPT_KAFKA_DESC="run broker 127.0.0.1:9092 ($( ((BENCH_KAFKA_STARTED)) && echo "started by this script" || echo "already running"))"
  else
    port_open "$RPT_KAFKA_PORT" && die "port $RPT_KAFKA_PORT is in use: choose another RPT_KAFKA_PORT"
    start_kafka rpt-bench "$RPT_KAFKA_PORT" "$((RPT_KAFKA_PORT + 1))" --fresh --detach
    # services first, then the broker (bench_cleanup would stop the services only after this)
    bench_on_exit "rpt_stop_services; stop_kafka rpt-bench"
    kafka_tool create-topics "127.0.0.1:$RPT_KAFKA_PORT" 3 budget.events budget.events.dlq \
      > >(grep -v '^SLF4J' >&2) 2>&1 || warn "could not create the topics"
    RPT_KAFKA_DESC="private broker 127.0.0.1:$RPT_KAFKA_PORT (rpt-bench, fresh)"
  fi
  kafka_tool create-topics "127.0.0.1:$RPT_KAFKA_PORT" 3 evaluation.events report.events.dlq >/dev/null 2>&1 || true
}

# rpt_reset_groups: the bench consumer groups start at the end of their topics (no replay of the broker's
# history: the dev suite's and other benchmarks' events). Needs bench/java/EvaluationLatency.java's
# reset-group (kafka-clients and Jackson from infra/kafka-broker/target/lib).
rpt_reset_groups() {
  local cp jar
  cp="$(kafka_client_cp)"
  for jar in "$KAFKA_LIB"/jackson-core-*.jar "$KAFKA_LIB"/jackson-databind-*.jar "$KAFKA_LIB"/jackson-annotations-*.jar; do
    [[ -f $jar ]] && cp+=":$jar"
  done
  local b="127.0.0.1:$RPT_KAFKA_PORT"
  {
    java -cp "$cp" "$BENCH_DIR/java/EvaluationLatency.java" reset-group "$b" budget.events "$RPT_EVAL_GROUP" &&
      java -cp "$cp" "$BENCH_DIR/java/EvaluationLatency.java" reset-group "$b" budget.events "$RPT_REPORT_GROUP" &&
      java -cp "$cp" "$BENCH_DIR/java/EvaluationLatency.java" reset-group "$b" evaluation.events "$RPT_REPORT_GROUP"
  } 2> >(grep -v '^SLF4J' >&2) >/dev/null || die "could not move the bench consumer groups to the end of their topics"
}

# rpt_up: recreate the three databases, start the three services, wait until all are ready; TOKEN (finance).
rpt_up() {
  local db
  for db in "$RPT_BUDGET_DB" "$RPT_EVAL_DB" "$RPT_DB"; do create_db "$db" --recreate; done
  ((RPT_KAFKA_PORT != 9092)) || rpt_reset_groups
  local logs="$BENCH_WORK/logs"
  : >"$logs/budget-service-bench-rpt.log"
  : >"$logs/evaluation-service-bench-rpt.log"
  : >"$logs/report-service-bench.log"
  log "starting budget-service on $RPT_BUDGET_URL, evaluation-service on $RPT_EVAL_URL, report-service on $RPT_URL"
  BENCH_JAVA_OPTS='' bench_start_java budget-service-bench-rpt "$RPT_BUDGET_APP_DIR" "$RPT_BUDGET_PORT" "$RPT_BUDGET_MGMT" "$RPT_BUDGET_DB"
  RPT_BUDGET_PID=$BENCH_JAVA_PID
  local t_budget=$BENCH_JAVA_T0
  BENCH_JAVA_OPTS='' bench_start_java evaluation-service-bench-rpt "$RPT_EVALUATION_APP_DIR" "$RPT_EVAL_PORT" "$RPT_EVAL_MGMT" "$RPT_EVAL_DB" \
    EVALUATION_BUDGET_EVENTS_GROUP_ID="$RPT_EVAL_GROUP" BUDGET_SERVICE_URL="http://127.0.0.1:$RPT_BUDGET_PORT"
  RPT_EVAL_PID=$BENCH_JAVA_PID
  local t_eval=$BENCH_JAVA_T0
  BENCH_JAVA_OPTS=${RPT_JAVA_OPTS:-} bench_start_java report-service-bench "$RPT_REPORT_APP_DIR" "$RPT_PORT" "$RPT_MGMT" "$RPT_DB" \
    BUDGET_SERVICE_URL="$RPT_BUDGET_URL" EVALUATION_SERVICE_URL="$RPT_EVAL_URL" \
    REPORT_EVENTS_GROUP_ID="$RPT_REPORT_GROUP"
  RPT_REPORT_PID=$BENCH_JAVA_PID
  local t_report=$BENCH_JAVA_T0
  bench_wait_ready_of "$RPT_BUDGET_PID" "$RPT_BUDGET_MGMT" "$logs/budget-service-bench-rpt.log" "$t_budget" 240
  log "budget-service ready after $BENCH_READY_MS ms (pid $RPT_BUDGET_PID)"
  bench_wait_ready_of "$RPT_EVAL_PID" "$RPT_EVAL_MGMT" "$logs/evaluation-service-bench-rpt.log" "$t_eval" 240
  log "evaluation-service ready after $BENCH_READY_MS ms (pid $RPT_EVAL_PID)"
  bench_wait_ready_of "$RPT_REPORT_PID" "$RPT_MGMT" "$logs/report-service-bench.log" "$t_report" 240
  log "report-service ready after $BENCH_READY_MS ms (pid $RPT_REPORT_PID)"
  TOKEN=$(mint_token finance "" 14400)
}

# rpt_stop_services: stop the three services (report-service first).
rpt_stop_services() {
  bench_stop_pid "$RPT_REPORT_PID"
  bench_stop_pid "$RPT_EVAL_PID"
  bench_stop_pid "$RPT_BUDGET_PID"
  RPT_REPORT_PID='' RPT_EVAL_PID='' RPT_BUDGET_PID=''
}

# rpt_psql DB ARGS...: psql on one of the bench databases.
rpt_psql() {
  local db=$1
  shift
  PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" \
    -U "$PG_USER" -d "$db" "$@"
}

# rpt_call METHOD URL [JSON] [CURL_ARGS...]: the body on stdout; fails (with a warning) on HTTP >= 400.
rpt_call() {
  local method=$1 url=$2 body=${3:-} out code
  shift $(($# < 3 ? $# : 3))
  out=$(mktemp)
  if [[ -n $body ]]; then
    code=$(curl -sS -o "$out" -w '%{http_code}' --max-time 120 -X "$method" -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/json' --data-binary "$body" "$@" "$url") || code=000
  else
    code=$(curl -sS -o "$out" -w '%{http_code}' --max-time 120 -X "$method" -H "Authorization: Bearer $TOKEN" "$@" "$url") || code=000
  fi
  if ((code >= 400 || code == 0)); then
    warn "$method $url -> HTTP $code: $(head -c 1500 "$out")"
    rm -f "$out"
    return 1
  fi
  cat "$out"
  rm -f "$out"
}

# rpt_wait_events_applied [TIMEOUT_S]: until the outboxes of budget- and evaluation-service are sent and the
# consumers' inboxes (evaluation_bench_rpt, report_bench) have not grown for 3 s: the events of the setup are
# applied, so no consumer work overlaps a measurement.
rpt_wait_events_applied() {
  local timeout=${1:-180} t0=$SECONDS last='' now stable=0 unsent
  while ((SECONDS - t0 < timeout)); do
    unsent=$(($(rpt_psql "$RPT_BUDGET_DB" -Atc "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL") +
      $(rpt_psql "$RPT_EVAL_DB" -Atc "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")))
    now="$(rpt_psql "$RPT_EVAL_DB" -Atc "SELECT count(*) FROM inbox_event")/$(rpt_psql "$RPT_DB" -Atc "SELECT count(*) FROM inbox_event")"
    if ((unsent == 0)) && [[ $now == "$last" ]]; then
      stable=$((stable + 1))
      ((stable >= 3)) && {
        log "events applied (inbox rows evaluation/report: $now)"
        return 0
      }
    else
      stable=0
    fi
    last=$now
    sleep 1
  done
  warn "consumers still busy after ${timeout}s (unsent $unsent, inbox rows $now)"
}

# rss_mib PID: VmRSS in MiB.
rss_mib() { awk '/^VmRSS:/ {printf "%d\n", $2 / 1024}' "/proc/$1/status"; }



# rpt_heap_settings PID: the heap and collector the JVM runs with (jcmd VM.flags), e.g.
# "MaxHeapSize 5.9 GiB, InitialHeapSize 384 MiB, G1".
rpt_heap_settings() {
  jcmd "$1" VM.flags 2>/dev/null | python3 -c '
import re, sys
text = sys.stdin.read()
def size(name):
    m = re.search(r"-XX:" + name + r"=(\d+)", text)
    if not m:
        return "?"
    b = int(m.group(1))
    return f"{b / 2**30:.1f} GiB" if b >= 2**30 else f"{b // 2**20} MiB"
gc = next((g[3:-2] for g in ("UseG1GC", "UseParallelGC", "UseSerialGC", "UseZGC", "UseShenandoahGC") if "+" + g in text), "?")
mx, ini = size("MaxHeapSize"), size("InitialHeapSize")
print(f"MaxHeapSize {mx}, InitialHeapSize {ini}, {gc}")
'
}

# rpt_threads_cpu_diff BEFORE AFTER [PER]: the CPU used between two jvm_threads_cpu files (bench/lib.sh) by kind of thread
# (request/batch threads, event loops, garbage collector, JIT compilers, the rest), divided by PER (e.g. per document).
rpt_threads_cpu_diff() {
  python3 - "$1" "$2" "${3:-1}" <<'PY'
import collections, sys
def load(path):
    out = {}
    for line in open(path):
        tid, ms, name = line.split(maxsplit=2)
        out[tid] = (int(ms), name.strip())
    return out
before, after, per = load(sys.argv[1]), load(sys.argv[2]), float(sys.argv[3])
groups = collections.Counter()
for tid, (ms, name) in after.items():
    used = ms - before.get(tid, (0, name))[0]
    if used <= 0:
        continue
    if name.startswith(("executor-thre", "report-batch")):
        kind = "work threads"
    elif name.startswith("vert.x"):
        kind = "event loops"
    elif name.startswith(("GC_Thread", "G1_")) or name in ("VM_Thread",):
        kind = "GC"
    elif "Compiler" in name or name.startswith(("C1_", "C2_")):
        kind = "JIT"
    else:
        kind = "other"
    groups[kind] += used
print(", ".join(f"{k} {v / per:.0f}" for k, v in sorted(groups.items(), key=lambda x: -x[1])))
PY
}
