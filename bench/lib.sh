# shellcheck shell=bash
# Shared helpers of the bench/ scripts. Sourced, not executed.
#
# Every script runs its own budget-service (a private copy of the Quarkus fast-jar) on
# 127.0.0.1:8181 (management 9181) against a dedicated database budget_bench, which it
# recreates, and uses the run broker on 127.0.0.1:9092 (started, and stopped again at the
# end, only when nothing listens there). Nothing of the dev suite (ports 8081/9081,
# database budget) and nothing of the tests (*_test databases, broker 19092) is touched.
#
# Environment:
#   BENCH_HTTP_PORT / BENCH_MGMT_PORT   8181 / 9181
#   BENCH_DB                            budget_bench
#   BENCH_JAVA_OPTS                     extra JVM options of the service (default none)
#   BENCH_APP_DIR                       a quarkus-app directory to run instead of a fresh
#                                       copy of budget-service/target/quarkus-app
#   BENCH_WORK                          scratch directory (default bench/.work, git-ignored)
#   BENCH_WAIT_QUIET                    seconds to wait, before each measurement, for other work
#                                       (a Maven build, tests) to leave the CPUs (default 0)

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd "$BENCH_DIR/.." && pwd -P)
# shellcheck source=../scripts/lib.sh
source "$ROOT/scripts/lib.sh"

BENCH_HTTP_PORT=${BENCH_HTTP_PORT:-8181}
BENCH_MGMT_PORT=${BENCH_MGMT_PORT:-9181}
BENCH_DB=${BENCH_DB:-budget_bench}
BENCH_WORK=${BENCH_WORK:-$BENCH_DIR/.work}
BENCH_KAFKA_PORT=9092
BENCH_URL="http://127.0.0.1:$BENCH_HTTP_PORT"
BENCH_MGMT_URL="http://127.0.0.1:$BENCH_MGMT_PORT"
mkdir -p "$BENCH_WORK/logs"

[[ $BENCH_DB =~ _test$ ]] && die "BENCH_DB must not be a *_test database (those belong to the tests)"
[[ $BENCH_DB == budget ]] && die "BENCH_DB must not be the dev suite's database"

BENCH_SERVICE_PID=
BENCH_KAFKA_STARTED=0
BENCH_CLEANUP=()
BENCH_JAVA_PIDS=() # services started by bench_start_java and not stopped yet (stopped by the exit trap)

# bench_on_exit CMD...: run CMD (a string) when the script ends, before the service and broker stop.
bench_on_exit() { BENCH_CLEANUP+=("$*"); }

bench_cleanup() {
  local rc=$? c
  trap - EXIT INT TERM
  for c in "${BENCH_CLEANUP[@]}"; do eval "$c" || true; done
  bench_stop_service
  local i
  for ((i = ${#BENCH_JAVA_PIDS[@]} - 1; i >= 0; i--)); do bench_stop_pid "${BENCH_JAVA_PIDS[i]}"; done
  if ((BENCH_KAFKA_STARTED)); then
    stop_kafka run
  fi
  exit "$rc"
}

# bench_init: traps, PostgreSQL, broker, a fresh budget_bench database, a copy of the service.
bench_init() {
  trap bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  need_cmd curl
  need_cmd openssl
  need_cmd python3
  ensure_postgres
  bench_ensure_kafka
  if [[ -n ${BENCH_APP_DIR:-} ]]; then
    [[ -f $BENCH_APP_DIR/quarkus-run.jar ]] || die "no quarkus-run.jar in BENCH_APP_DIR=$BENCH_APP_DIR"
  else
    bench_prepare_app budget-service "$BENCH_WORK/quarkus-app"
    BENCH_APP_DIR="$BENCH_WORK/quarkus-app"
    export BENCH_APP_DIR
  fi
}

# bench_ensure_kafka: the run broker on 9092 (leaves a running one alone) and the topics.
bench_ensure_kafka() {
  if port_open "$BENCH_KAFKA_PORT"; then
    log "Kafka already listening on 127.0.0.1:$BENCH_KAFKA_PORT: using it"
  else
    start_kafka run 9092 9093 --detach
    BENCH_KAFKA_STARTED=$KAFKA_STARTED
  fi
  # Not fatal: the service's producer creates the topic anyway (auto.create.topics.enable=true).
  kafka_tool create-topics "127.0.0.1:$BENCH_KAFKA_PORT" 3 budget.events budget.events.dlq \
    > >(grep -v '^SLF4J' >&2) 2>&1 || warn "could not create the topics with scripts/KafkaTool.java (see above)"
}

# kafka_client_cp: a class path with just the Kafka client and its compression codecs, from
# infra/kafka-broker/target/lib: no logging binding (whose slf4j 1/2 variants may clash there;
# the client then logs nothing, after one SLF4J notice).
kafka_client_cp() {
  local jar cp=
  for jar in "$KAFKA_LIB"/kafka-clients-*.jar "$KAFKA_LIB"/slf4j-api-*.jar "$KAFKA_LIB"/lz4-java-*.jar \
    "$KAFKA_LIB"/snappy-java-*.jar "$KAFKA_LIB"/zstd-jni-*.jar; do
    [[ -f $jar ]] && cp+="${cp:+:}$jar"
  done
  compgen -G "$KAFKA_LIB/kafka-clients-*.jar" >/dev/null || die "no kafka-clients jar in $KAFKA_LIB (run ./suite.sh up once)"
  printf '%s\n' "$cp"
}

# bench_prepare_app SERVICE DIR: DIR = a private copy of SERVICE/target/quarkus-app (DIR is replaced), so
# that a colleague's `mvn package` cannot swap jars under a running benchmark. Builds SERVICE once when
# it has no quarkus-app (offline, no tests; the formatting checks are skipped: a working tree in the
# middle of an edit may not pass them, and a benchmark does not need them). Sets BENCH_APP_BUILT (when
# the copied app jar was built, for the report).
bench_prepare_app() {
  local svc=${1:?bench_prepare_app SERVICE DIR} dest=${2:?bench_prepare_app SERVICE DIR} src
  src="$ROOT/$svc/target/quarkus-app"
  [[ -d $ROOT/$svc ]] || die "bench_prepare_app: no module $svc in $ROOT"
  if [[ ! -f $src/quarkus-run.jar ]]; then
    log "building $svc (./mvnw -B -q -o package -DskipTests -pl $svc -am)"
    (cd "$ROOT" && ./mvnw -B -q -o package -DskipTests -Dformatter.skip=true -Dimpsort.skip=true -pl "$svc" -am)
    [[ -f $src/quarkus-run.jar ]] || die "no $src/quarkus-run.jar after the build"
  fi
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  cp -r "$src" "$dest"
  BENCH_APP_BUILT=$(date -u -r "$src/app" '+%Y-%m-%d %H:%M:%S UTC')
  log "$svc: copy of $src in $dest (app jar built $BENCH_APP_BUILT)"
}

# bench_recreate_db: drop and create budget_bench (Flyway builds the schema at service start).
bench_recreate_db() {
  create_db "$BENCH_DB" --recreate
}

# bench_psql ARGS...: psql on budget_bench.
bench_psql() {
  PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" \
    -U "$PG_USER" -d "$BENCH_DB" "$@"
}

# bench_start_java NAME APP_DIR HTTP_PORT MGMT_PORT DATABASE [VAR=VALUE...]: java -jar
# APP_DIR/quarkus-run.jar in the background with the environment scripts/lib.sh start_service gives a
# service (HTTP and management on 127.0.0.1, the datasource, the broker on BENCH_KAFKA_PORT, the dev JWT
# keys and issuer), plus VAR=VALUE...; JVM options from BENCH_JAVA_OPTS (`BENCH_JAVA_OPTS=... bench_start_java`
# for one service). Output appended to $BENCH_WORK/logs/NAME.log. Sets BENCH_JAVA_PID, BENCH_JAVA_LOG and
# BENCH_JAVA_T0 (epoch ms just before the launch); the exit trap stops the process. Does not wait.
bench_start_java() {
  local name=$1 app=$2 http=$3 mgmt=$4 db=$5 opts=()
  shift 5
  [[ -f $app/quarkus-run.jar ]] || die "no quarkus-run.jar in $app"
  port_open "$http" && die "port $http (for $name) is in use (another bench run?)"
  port_open "$mgmt" && die "port $mgmt (for $name management) is in use (another bench run?)"
  read -ra opts <<<"${BENCH_JAVA_OPTS:-}"
  BENCH_JAVA_LOG="$BENCH_WORK/logs/$name.log"
  BENCH_JAVA_T0=$(date +%s%3N)
  (
    cd "$BENCH_WORK" || exit 1
    export QUARKUS_HTTP_HOST=127.0.0.1 \
      QUARKUS_HTTP_PORT="$http" \
      QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
      QUARKUS_MANAGEMENT_PORT="$mgmt" \
      QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" \
      QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
      KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$BENCH_KAFKA_PORT" \
      MP_JWT_VERIFY_PUBLICKEY_LOCATION="$JWT_PUBLIC_KEY" \
      MP_JWT_VERIFY_ISSUER="$JWT_ISSUER" \
      SMALLRYE_JWT_SIGN_KEY_LOCATION="$JWT_PRIVATE_KEY" \
      LOG_JSON=false
    exec env "$@" java "${opts[@]}" -jar "$app/quarkus-run.jar"
  ) </dev/null >>"$BENCH_JAVA_LOG" 2>&1 &
  BENCH_JAVA_PID=$!
  BENCH_JAVA_PIDS+=("$BENCH_JAVA_PID")
}

# bench_wait_ready_of PID MGMT_PORT LOG T0_MS [TIMEOUT_S]: poll http://127.0.0.1:MGMT_PORT/q/health/ready every
# 50 ms until 200; sets BENCH_READY_MS (since T0_MS). Fails with the tail of LOG when PID dies or on time-out.
bench_wait_ready_of() {
  local pid=$1 mgmt=$2 logf=$3 t0=$4 timeout=${5:-120} deadline code
  deadline=$(($(date +%s) + timeout))
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$mgmt/q/health/ready" || true)
    if [[ $code == 200 ]]; then
      BENCH_READY_MS=$(($(date +%s%3N) - t0))
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 60 "$logf" >&2
      die "the bench service (pid $pid) died before it was ready (log: $logf)"
    fi
    if (($(date +%s) > deadline)); then
      tail -n 60 "$logf" >&2
      die "the bench service (pid $pid) not ready after ${timeout}s (last status ${code:-none}; log: $logf)"
    fi
    sleep 0.05
  done
}

# bench_stop_pid PID: SIGTERM a service started by bench_start_java, SIGKILL after 30 s; forgets it.
bench_stop_pid() {
  local pid=$1 i keep=() p
  [[ -n $pid ]] || return 0
  for p in "${BENCH_JAVA_PIDS[@]}"; do [[ $p == "$pid" ]] || keep+=("$p"); done
  BENCH_JAVA_PIDS=("${keep[@]}")
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 120; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "bench service (pid $pid) did not stop in 30 s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# bench_start_service: budget-service in the background; sets BENCH_SERVICE_PID and
# BENCH_SERVICE_T0 (epoch ms just before the JVM is launched). Does not wait.
bench_start_service() {
  [[ -z $BENCH_SERVICE_PID ]] || die "the bench service already runs (pid $BENCH_SERVICE_PID)"
  bench_start_java budget-service-bench "$BENCH_APP_DIR" "$BENCH_HTTP_PORT" "$BENCH_MGMT_PORT" "$BENCH_DB"
  BENCH_SERVICE_PID=$BENCH_JAVA_PID
  BENCH_SERVICE_LOG=$BENCH_JAVA_LOG
  BENCH_SERVICE_T0=$BENCH_JAVA_T0
}

# bench_wait_ready [TIMEOUT_S]: wait for the service of bench_start_service; sets BENCH_READY_MS (since T0).
bench_wait_ready() {
  bench_wait_ready_of "$BENCH_SERVICE_PID" "$BENCH_MGMT_PORT" "$BENCH_SERVICE_LOG" "$BENCH_SERVICE_T0" "${1:-120}"
}

# bench_stop_service: stop the service of bench_start_service.
bench_stop_service() {
  local pid=$BENCH_SERVICE_PID
  BENCH_SERVICE_PID=
  bench_stop_pid "$pid"
}

# bench_up: recreate the database, start the service, wait until ready.
bench_up() {
  bench_recreate_db
  log "starting budget-service on $BENCH_URL (management $BENCH_MGMT_URL, database $BENCH_DB)"
  bench_start_service
  bench_wait_ready 180
  log "ready after ${BENCH_READY_MS} ms (log: $BENCH_SERVICE_LOG)"
  TOKEN=$(mint_token finance "" 14400)
}

# api METHOD PATH [JSON]: call the bench service with the finance token; fails on HTTP >= 400.
api() {
  local method=$1 path=$2 body=${3:-} out code
  out=$(mktemp)
  if [[ -n $body ]]; then
    code=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/json' --data-binary "$body" "$BENCH_URL$path")
  else
    code=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $TOKEN" "$BENCH_URL$path")
  fi
  if ((code >= 400)); then
    warn "$method $path -> HTTP $code: $(head -c 2000 "$out")"
    rm -f "$out"
    return 1
  fi
  cat "$out"
  rm -f "$out"
}

# create_department_year CODE YEAR PROJECTS: a department, its budget of YEAR (all allocations,
# three-public budgets) and PROJECTS first-level projects CODE-P1.. (P1 has a second-level P1.1).
create_department_year() {
  local code=$1 year=$2 projects=${3:-1} i
  api POST /api/v1/departments "{\"code\":\"$code\",\"name\":\"基准测试部门 $code\",\"region\":\"天河区\",\"unitCount\":1}" >/dev/null
  api POST "/api/v1/departments/$code/budgets/$year" '{
    "allocations":[
      {"expenditureType":"PERSONNEL","fundingSource":"GENERAL_PUBLIC","amount":"40000000.00"},
      {"expenditureType":"PUBLIC_FUNDS","fundingSource":"GENERAL_PUBLIC","amount":"8000000.00"},
      {"expenditureType":"PROJECT","fundingSource":"GENERAL_PUBLIC","amount":"30000000.00"},
      {"expenditureType":"PROJECT","fundingSource":"GOVERNMENT_FUND","amount":"5000000.00"}],
    "threePublic":[
      {"category":"RECEPTION","budget":"200000.00","priorYearActual":"180000.00"},
      {"category":"VEHICLES","budget":"600000.00","priorYearActual":"650000.00"},
      {"category":"OVERSEAS","budget":"100000.00"}],
    "carryOver":"1200000.00","staffQuota":120,"actualStaff":112}' >/dev/null
  for ((i = 1; i <= projects; i++)); do
    api POST "/api/v1/departments/$code/budgets/$year/projects" \
      "{\"code\":\"$code-P$i\",\"name\":\"基准项目 $i\",\"level\":1,\"fundingSource\":\"GENERAL_PUBLIC\",\"initialBudget\":\"10000000.00\"}" >/dev/null
  done
  if ((projects >= 1)); then
    api POST "/api/v1/departments/$code/budgets/$year/projects" \
      "{\"code\":\"$code-P1.1\",\"name\":\"基准二级项目\",\"level\":2,\"parentCode\":\"$code-P1\",\"fundingSource\":\"GOVERNMENT_FUND\",\"initialBudget\":\"2000000.00\"}" >/dev/null
  fi
}

# gen_ledger_csv FILE ROWS CODE YEAR PROJECTS [SEED]: a ledger CSV of ROWS rows (python3, stdlib).
gen_ledger_csv() {
  python3 "$BENCH_DIR/gen_ledger.py" "$@"
}

# ms_since EPOCH_MS
ms_since() { echo $(($(date +%s%3N) - $1)); }

# ratio A B [DECIMALS]: A / B
ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.${3:-3}f}' if b else 'n/a')" "$1" "$2"; }

# bench_evidence NAME: a thread dump of the service and the budget_bench sessions, for a report.
bench_evidence() {
  local dir="$BENCH_WORK/evidence" f
  mkdir -p "$dir"
  f="$dir/$1-$(date -u +%Y%m%dT%H%M%SZ)"
  if [[ -n $BENCH_SERVICE_PID ]] && command -v jstack >/dev/null; then
    timeout 30 jstack "$BENCH_SERVICE_PID" >"$f.jstack.txt" 2>&1 || true
  fi
  psql_admin -c "SELECT pid, state, wait_event_type, wait_event, now() - query_start AS running, left(query, 200) AS query
    FROM pg_stat_activity WHERE datname = '$BENCH_DB'" >"$f.pg_stat_activity.txt" 2>&1 || true
  warn "evidence saved: $f.*"
}

# machine_line: one line describing the machine, for the results.
machine_line() {
  printf '%s cores, %s, %s, PostgreSQL %s, %s\n' "$(nproc)" \
    "$(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo)" \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" \
    "$(psql_admin -Atc 'show server_version' 2>/dev/null | cut -d' ' -f1)" \
    "$(java -version 2>&1 | head -n 1)"
  [[ -z ${BENCH_LOAD:-} ]] || printf '         CPU busy with other work (2 s windows while the benchmark idled): %s\n' "$BENCH_LOAD"
}

# cpu_busy: how busy the CPUs are, in %, over 2 s, and the busiest process then ("NN|pid cmd");
# called while this benchmark idles, so it is mostly other work (a colleague's Maven build or
# tests) that would skew the numbers.
cpu_busy() {
  python3 - <<'PY'
import os, time
def total():
    v = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    return v[3] + v[4], sum(v)  # idle + iowait, total
def procs():
    out = {}
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
                out[pid] = int(f[11]) + int(f[12])
            except (OSError, IndexError, ValueError):
                pass
    return out
i0, t0 = total(); p0 = procs(); time.sleep(2); i1, t1 = total(); p1 = procs()
busy = round(100 * (1 - (i1 - i0) / max(1, t1 - t0)))
top, ticks = max(((pid, p1[pid] - p0.get(pid, p1[pid])) for pid in p1), key=lambda x: x[1], default=(None, 0))
desc = ""
if top and ticks > 0:
    try:
        cmd = open(f"/proc/{top}/cmdline").read().replace("\0", " ").strip()
    except OSError:
        cmd = "?"
    words = [w for w in cmd.split() if not w.startswith("-")]
    desc = f"pid {top} {round(100 * ticks / os.sysconf('SC_CLK_TCK') / 2)}% of one core: {' '.join(words)[:110]}"
print(f"{busy}|{desc}")
PY
}

# BENCH_WAIT_QUIET=SECONDS makes busy_check wait up to that long for the machine to go quiet first.
busy_check() {
  local waited=0 b
  b=$(cpu_busy)
  while ((${b%%|*} > 15 && waited < ${BENCH_WAIT_QUIET:-0})); do
    ((waited == 0)) && log "waiting up to ${BENCH_WAIT_QUIET}s for other work to finish (CPUs ${b%%|*}% busy; ${b#*|})"
    sleep 8
    waited=$((waited + 10))
    b=$(cpu_busy)
  done
  BENCH_BUSY_BEFORE=${b%%|*}
  BENCH_LOAD="${BENCH_BUSY_BEFORE}% before"
  ((BENCH_BUSY_BEFORE <= 15)) ||
    warn "the CPUs were ${BENCH_BUSY_BEFORE}% busy just before the measurement (busiest: ${b#*|}): numbers may be skewed"
}
busy_check_after() {
  local b
  b=$(cpu_busy)
  BENCH_LOAD="${BENCH_BUSY_BEFORE:-?}% before, ${b%%|*}% after"
  ((${b%%|*} <= 15)) ||
    warn "the CPUs were ${b%%|*}% busy right after the measurement (busiest: ${b#*|}): numbers may be skewed"
}

# jvm_threads_cpu PID FILE: the CPU time (ms) of every thread of a JVM so far, "tid ms name" per line, into FILE.
jvm_threads_cpu() {
  python3 - "$1" >"$2" <<'PY'
import os, sys
tck = os.sysconf("SC_CLK_TCK"); pid = sys.argv[1]
for tid in os.listdir(f"/proc/{pid}/task"):
    try:
        name = open(f"/proc/{pid}/task/{tid}/comm").read().strip()
        f = open(f"/proc/{pid}/task/{tid}/stat").read().rsplit(")", 1)[1].split()
        print(tid, (int(f[11]) + int(f[12])) * 1000 // tck, name.replace(" ", "_"))
    except (OSError, IndexError, ValueError):
        pass
PY
}

# proc_cpu_ms PID...: user+system CPU time (ms) of the given processes, summed.
proc_cpu_ms() {
  python3 - "$@" <<'PY'
import os, sys
tck = os.sysconf("SC_CLK_TCK"); total = 0
for pid in sys.argv[1:]:
    try:
        f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        total += int(f[11]) + int(f[12])
    except (OSError, IndexError, ValueError):
        pass
print(total * 1000 // tck)
PY
}

# postgres_cpu_ms: CPU time (ms) PostgreSQL used so far: its live processes plus the backends that have
# exited (the postmaster's cutime/cstime, counted when it reaps them). All databases: other work on the
# same server counts too.
postgres_cpu_ms() {
  python3 - <<'PY'
import os
tck = os.sysconf("SC_CLK_TCK"); procs = {}
for pid in os.listdir("/proc"):
    if not pid.isdigit():
        continue
    try:
        st = open(f"/proc/{pid}/stat").read()
    except OSError:
        continue
    name, rest = st[st.index("(") + 1:st.rindex(")")], st[st.rindex(")") + 2:].split()
    if name == "postgres":
        procs[pid] = rest
total = 0
for pid, f in procs.items():
    total += int(f[11]) + int(f[12])          # utime, stime
    if f[1] not in procs:                     # the postmaster (its parent is not postgres)
        total += int(f[13]) + int(f[14])      # cutime, cstime: exited backends
print(total * 1000 // tck)
PY
}
