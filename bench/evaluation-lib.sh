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
# bench_init must not copy budget-service: point it at our own copy (made by eval_prepare_app).
EVAL_BENCH_WORK_APP="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/.work/evaluation-app"
export BENCH_APP_DIR=${EVAL_BENCH_APP_DIR:-$EVAL_BENCH_WORK_APP}
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ $BENCH_DB == evaluation ]] && die "BENCH_DB must not be the dev suite's database"
EVAL_BENCH_GROUP=evaluation-service-bench

# eval_prepare_app: a private copy of evaluation-service/target/quarkus-app (built once when missing).
eval_prepare_app() {
  if [[ -n ${EVAL_BENCH_APP_DIR:-} ]]; then
    [[ -f $EVAL_BENCH_APP_DIR/quarkus-run.jar ]] || die "no quarkus-run.jar in EVAL_BENCH_APP_DIR=$EVAL_BENCH_APP_DIR"
    return 0
  fi
  local src="$ROOT/evaluation-service/target/quarkus-app"
  if [[ ! -f $src/quarkus-run.jar ]]; then
    log "building evaluation-service (./mvnw -B -q -o package -DskipTests -pl evaluation-service -am)"
    (cd "$ROOT" && ./mvnw -B -q -o package -DskipTests -pl evaluation-service -am)
  fi
  rm -rf "$EVAL_BENCH_WORK_APP"
  mkdir -p "$(dirname "$EVAL_BENCH_WORK_APP")"
  cp -r "$src" "$EVAL_BENCH_WORK_APP"
  EVAL_APP_BUILT=$(date -u -r "$src/app" '+%Y-%m-%d %H:%M:%S UTC')
  log "service: copy of $src (app jar built $EVAL_APP_BUILT)"
}

# eval_init: traps, PostgreSQL, broker (+ topics), the copy of the service.
eval_init() {
  eval_prepare_app
  bench_init
  kafka_tool create-topics "127.0.0.1:$BENCH_KAFKA_PORT" 3 evaluation.events >/dev/null 2>&1 || true
}

# eval_start_service: like bench_start_service, for evaluation-service (own log, own consumer group).
eval_start_service() {
  [[ -z $BENCH_SERVICE_PID ]] || die "the bench service already runs (pid $BENCH_SERVICE_PID)"
  port_open "$BENCH_HTTP_PORT" && die "port $BENCH_HTTP_PORT is in use (another bench run?)"
  port_open "$BENCH_MGMT_PORT" && die "port $BENCH_MGMT_PORT is in use (another bench run?)"
  local opts=()
  read -ra opts <<<"${BENCH_JAVA_OPTS:-}"
  BENCH_SERVICE_LOG="$BENCH_WORK/logs/evaluation-service-bench.log"
  : >"$BENCH_SERVICE_LOG"
  BENCH_SERVICE_T0=$(date +%s%3N) # read by bench_wait_ready (bench/lib.sh)
  (
    cd "$BENCH_WORK" || exit 1
    QUARKUS_HTTP_HOST=127.0.0.1 \
      QUARKUS_HTTP_PORT=$BENCH_HTTP_PORT \
      QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
      QUARKUS_MANAGEMENT_PORT=$BENCH_MGMT_PORT \
      QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$BENCH_DB" \
      QUARKUS_DATASOURCE_USERNAME=$PG_USER \
      KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$BENCH_KAFKA_PORT \
      EVALUATION_BUDGET_EVENTS_GROUP_ID=$EVAL_BENCH_GROUP \
      EVALUATION_BUDGET_EVENTS_ENABLED=${EVAL_CONSUMER:-true} \
      MP_JWT_VERIFY_PUBLICKEY_LOCATION="$JWT_PUBLIC_KEY" \
      MP_JWT_VERIFY_ISSUER="$JWT_ISSUER" \
      LOG_JSON=false \
      exec java "${opts[@]}" -jar "$BENCH_APP_DIR/quarkus-run.jar"
  ) </dev/null >>"$BENCH_SERVICE_LOG" 2>&1 &
  BENCH_SERVICE_PID=$!
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

# postgres_cpu_ms: CPU time (ms) of all PostgreSQL processes now (backends come and go: approximate).
postgres_cpu_ms() {
  # shellcheck disable=SC2046
  proc_cpu_ms $(pgrep -x postgres 2>/dev/null || pgrep postgres)
}
