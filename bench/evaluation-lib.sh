# shellcheck shell=bash
# Helpers of the evaluation-service benchmarks (bench/evaluation-*.sh). Sourced, not executed.
#
# Reuses bench/lib.sh (traps, PostgreSQL, the run broker, busy checks, bench_stop_service) with
# evaluation-service's own ports, database and copy of the fast-jar:
#
#   evaluation-service (a copy of evaluation-service/target/quarkus-app in bench/.work/evaluation-app)
#   on 127.0.0.1:8182, management 9182, database evaluation_bench (dropped and recreated),
#   KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092, consumer group evaluation-service-bench (never the
#   dev suite's group "evaluation-service": sharing it would split budget.events between the
#   two services).
#
# Environment (besides bench/lib.sh's BENCH_WAIT_QUIET, BENCH_JAVA_OPTS):
#   EVAL_BENCH_APP_DIR   a quarkus-app directory to run instead of a fresh copy of
#                        evaluation-service/target/quarkus-app
#   EVAL_CONSUMER        true (default) / false: the service's budget.events consumer

export BENCH_HTTP_PORT=8182 BENCH_MGMT_PORT=9182 BENCH_DB=evaluation_bench
# bench_init must not copy budget-service: point it at our own copy (made by eval_init).
EVAL_BENCH_WORK_APP="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/.work/evaluation-app"
export BENCH_APP_DIR=${EVAL_BENCH_APP_DIR:-$EVAL_BENCH_WORK_APP}
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ $BENCH_DB == evaluation ]] && die "BENCH_DB must not be the dev suite's database"
EVAL_BENCH_GROUP=evaluation-service-bench

# eval_init: traps, PostgreSQL, broker (+ topics), the copy of the service.
eval_init() {
  if [[ -z ${EVAL_BENCH_APP_DIR:-} ]]; then
    bench_prepare_app evaluation-service "$EVAL_BENCH_WORK_APP"
    EVAL_APP_BUILT=$BENCH_APP_BUILT
  fi
  bench_init # BENCH_APP_DIR is set (above): it checks that directory, copies nothing
  kafka_tool create-topics "127.0.0.1:$BENCH_KAFKA_PORT" 3 evaluation.events >/dev/null 2>&1 || true
}

# eval_start_service: evaluation-service in the background (own log, own consumer group); sets
# BENCH_SERVICE_PID and BENCH_SERVICE_T0 like bench_start_service.
eval_start_service() {
  [[ -z $BENCH_SERVICE_PID ]] || die "the bench service already runs (pid $BENCH_SERVICE_PID)"
  : >"$BENCH_WORK/logs/evaluation-service-bench.log"
  bench_start_java evaluation-service-bench "$BENCH_APP_DIR" "$BENCH_HTTP_PORT" "$BENCH_MGMT_PORT" "$BENCH_DB" \
    EVALUATION_BUDGET_EVENTS_GROUP_ID="$EVAL_BENCH_GROUP" \
    EVALUATION_BUDGET_EVENTS_ENABLED="${EVAL_CONSUMER:-true}"
  BENCH_SERVICE_PID=$BENCH_JAVA_PID
  BENCH_SERVICE_LOG=$BENCH_JAVA_LOG
  BENCH_SERVICE_T0=$BENCH_JAVA_T0 # read by bench_wait_ready (bench/lib.sh)
}

# eval_up: recreate evaluation_bench, start the service, wait until ready, a finance token in TOKEN.
eval_up() {
  bench_recreate_db
  log "starting evaluation-service on $BENCH_URL (management $BENCH_MGMT_URL, database $BENCH_DB, budget.events consumer ${EVAL_CONSUMER:-true}, group $EVAL_BENCH_GROUP)"
  eval_start_service
  bench_wait_ready 180
  log "ready after ${BENCH_READY_MS} ms (log: $BENCH_SERVICE_LOG)"
  TOKEN=$("$ROOT/suite.sh" token finance "" 14400)
  [[ -n $TOKEN ]] || die "no token from ./suite.sh token finance"
}

# eval_call METHOD PATH [JSON] [IF_MATCH]: like api (bench/lib.sh) with an optional If-Match; sets
# EVAL_BODY to the response body and EVAL_ETAG to its ETag (without quotes; empty when none).
# Call it directly, not in $(...): the variables would be lost in the subshell.
eval_call() {
  local method=$1 path=$2 body=${3:-} ifmatch=${4:-} out hdr code args=()
  out=$(mktemp)
  hdr=$(mktemp)
  args=(-sS -o "$out" -D "$hdr" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $TOKEN")
  [[ -n $ifmatch ]] && args+=(-H "If-Match: \"$ifmatch\"")
  [[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  code=$(curl "${args[@]}" "$BENCH_URL$path")
  EVAL_ETAG=$(tr -d '\r' <"$hdr" | sed -n 's/^[Ee][Tt][Aa][Gg]: *\(W\/\)\{0,1\}"\{0,1\}\([^"]*\)"\{0,1\}$/\2/p' | tail -n 1)
  rm -f "$hdr"
  if ((code >= 400)); then
    warn "$method $path -> HTTP $code: $(head -c 2000 "$out")"
    rm -f "$out"
    return 1
  fi
  EVAL_BODY=$(cat "$out")
  rm -f "$out"
}

# json_get FIELD: a top-level field of the JSON on stdin.
json_get() { python3 -c 'import json,sys; v=json.load(sys.stdin).get(sys.argv[1]); print("" if v is None else v)' "$1"; }


# jvm_threads_cpu_diff BEFORE AFTER [TOTAL_MS]: the CPU used between two jvm_threads_cpu files, by kind of thread
# (JIT compilers, garbage collector, rule-set migration batches, HTTP request threads, the rest). With the JVM's
# total for the same span, the CPU of threads that ended in between (e.g. a migration's batch threads) is shown too.
jvm_threads_cpu_diff() {
  python3 - "$1" "$2" "${3:-}" <<'PY'
import collections, sys
def load(path):
    out = {}
    for line in open(path):
        tid, ms, name = line.split(maxsplit=2)
        out[tid] = (int(ms), name.strip())
    return out
before, after = load(sys.argv[1]), load(sys.argv[2])
groups = collections.Counter()
for tid, (ms, name) in after.items():
    used = ms - before.get(tid, (0, name))[0]
    if used <= 0:
        continue
    if "Compiler" in name:
        kind = "JIT compilers"
    elif name.startswith(("GC_", "G1_", "VM_Thread", "GC Thread")) or "G1" in name or "Conc" in name:
        kind = "GC/VM"
    elif name.startswith("rule-set-migrat"):
        kind = "migration batches"
    elif name.startswith("executor-thre"):
        kind = "request threads"
    else:
        kind = "other"
    groups[kind] += used
if sys.argv[3]:
    ended = int(sys.argv[3]) - sum(groups.values())
    if ended > 0:
        groups["threads that ended (e.g. migration batches)"] += ended
print(", ".join(f"{k} {v} ms" for k, v in groups.most_common()))
PY
}

# cpu_snapshot PID: "SERVICE PG BUSY STEAL NOW", read together (one process, so the windows agree): CPU time (ms) of
# the process PID and of all PostgreSQL processes; CPU time of the whole machine (user, system, irq; not idle or
# iowait) and time the hypervisor gave to other machines (steal), both since boot; a clock in ms. Between two
# snapshots, BUSY - SERVICE - PG is what other work on the machine took meanwhile.
cpu_snapshot() {
  python3 - "$1" <<'PY'
import os, sys, time
hz = os.sysconf("SC_CLK_TCK")
def cpu(pid):
    try:
        f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) * 1000 // hz
    except (OSError, IndexError, ValueError):
        return 0
pg = 0
for pid in os.listdir("/proc"):
    if pid.isdigit():
        try:
            if open(f"/proc/{pid}/comm").read().strip() == "postgres":
                pg += cpu(pid)
        except OSError:
            pass
f = [int(x) for x in open("/proc/stat").readline().split()[1:9]]
busy = (f[0] + f[1] + f[2] + f[5] + f[6]) * 1000 // hz
print(cpu(sys.argv[1]), pg, busy, f[7] * 1000 // hz, int(time.time() * 1000))
PY
}

# cpu_between BEFORE AFTER: the CPU of a span from two cpu_snapshot lines, as text.
cpu_between() {
  python3 - "$1" "$2" "$(nproc)" <<'PY'
import sys
a, b, n = [int(x) for x in sys.argv[1].split()], [int(x) for x in sys.argv[2].split()], int(sys.argv[3])
svc, pg, busy, steal, ms = (y - x for x, y in zip(a, b))
print(f"service JVM {svc} ms, PostgreSQL (all backends) {pg} ms, other processes {max(0, busy - svc - pg)} ms, "
      f"taken by the hypervisor (steal) {steal} ms (of {n * ms} ms on {n} cores)")
PY
}

