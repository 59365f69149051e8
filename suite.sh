#!/usr/bin/env bash
# One command for the whole platform on one machine, no Docker:
#   ./suite.sh up        PostgreSQL + Kafka (KRaft) + build + the services + demo data
#   ./suite.sh down      stop the services and the Kafka broker (PostgreSQL is left running)
#   ./suite.sh test [..] PostgreSQL (clean *_test databases) + a separate test broker + ./mvnw -B verify [..]
#   ./suite.sh token ROLE [DEPARTMENT_CODE] [TTL_SECONDS]   print a dev JWT
#   ./suite.sh status    what runs, on which ports
# Environment: SKIP_BUILD=1 (up: use the jars already built), SERVICE_JAVA_OPTS, KAFKA_HEAP_OPTS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(pwd -P)
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

# service  http  management  database
SERVICES=(
  "budget-service 8081 9081 budget"
  "evaluation-service 8082 9082 evaluation"
  "report-service 8083 9083 report"
)
TOPICS=(budget.events evaluation.events budget.events.dlq evaluation.events.dlq report.events.dlq)
RUN_KAFKA=(run 9092 9093)
TEST_KAFKA=(test 19092 19093)

# present_services: the services of SERVICES that exist in this checkout.
present_services() {
  local line svc
  for line in "${SERVICES[@]}"; do
    read -r svc _ <<<"$line"
    [[ -f $ROOT/$svc/pom.xml ]] && printf '%s\n' "$line"
  done
  return 0
}

cmd_up() {
  need_cmd curl
  need_cmd openssl
  ensure_postgres
  local db svc http mgmt line
  local -a present
  for db in budget evaluation report; do create_db "$db"; done
  start_kafka "${RUN_KAFKA[@]}" --detach
  kafka_tool create-topics "127.0.0.1:${RUN_KAFKA[1]}" 3 "${TOPICS[@]}"
  if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    log "building the services (./mvnw -B -q package -DskipTests; SKIP_BUILD=1 to skip)"
    ./mvnw -B -q package -DskipTests
  fi
  mapfile -t present < <(present_services)
  for line in "${present[@]}"; do
    read -r svc http mgmt db <<<"$line"
    start_service "$svc" "$http" "$mgmt" "$db"
  done
  for line in "${present[@]}"; do
    read -r svc http mgmt db <<<"$line"
    wait_for_service "$svc" "$http" "$mgmt" 120
  done
  if [[ -f scripts/demo-data.sh ]]; then
    log "loading demo data (scripts/demo-data.sh)"
    BUDGET_URL=http://127.0.0.1:8081 EVALUATION_URL=http://127.0.0.1:8082 REPORT_URL=http://127.0.0.1:8083 \
      TOKEN_CMD="$ROOT/suite.sh token" bash scripts/demo-data.sh
  fi
  print_summary "${present[@]}"
}

print_summary() {
  local line svc http mgmt db token
  echo
  echo "The suite is up."
  for line in "$@"; do
    read -r svc http mgmt db <<<"$line"
    echo
    echo "$svc"
    echo "  Swagger UI  http://127.0.0.1:$http/q/swagger-ui"
    echo "  OpenAPI     http://127.0.0.1:$http/q/openapi"
    echo "  Health      http://127.0.0.1:$mgmt/q/health  (ready: /q/health/ready)"
    echo "  Metrics     http://127.0.0.1:$mgmt/q/metrics"
    echo "  Log         .local/logs/$svc.log"
  done
  echo
  echo "Kafka        127.0.0.1:${RUN_KAFKA[1]} (topics: ${TOPICS[*]}), logs in .local/kafka-run/logs"
  echo "PostgreSQL   127.0.0.1:$PG_PORT user $PG_USER (databases budget, evaluation, report)"
  echo
  echo "Tokens (dev key dev/jwt/privateKey.pem, valid 1 h by default):"
  echo "  ./suite.sh token finance | auditor | service"
  echo "  ./suite.sh token department GZ-TH-GSL [ttl-seconds]"
  token=$(mint_token finance)
  echo
  echo "Try (fresh finance token):"
  echo "  T=$token"
  cat <<'EOF'
  curl -H "Authorization: Bearer $T" http://127.0.0.1:8081/api/v1/departments
  curl -H "Authorization: Bearer $T" http://127.0.0.1:8081/api/v1/departments/GZ-TH-GSL
  curl -H "Authorization: Bearer $T" http://127.0.0.1:8081/api/v1/departments/GZ-TH-GSL/budgets/2022/metrics

Stop with ./suite.sh down
EOF
}

cmd_down() {
  local line svc
  for line in "${SERVICES[@]}"; do
    read -r svc _ <<<"$line"
    stop_service "$svc"
  done
  stop_kafka "${RUN_KAFKA[0]}"
  log "stopped (PostgreSQL left running)"
}

cmd_test() {
  need_cmd openssl
  ensure_kubectl
  ensure_node_tools
  ensure_postgres
  local db
  for db in budget_test evaluation_test report_test; do create_db "$db" --recreate; done
  start_kafka "${TEST_KAFKA[@]}" --fresh
  if ((KAFKA_STARTED)); then
    # Not `exec ./mvnw`: this shell must outlive Maven so the trap stops the broker it started.
    trap 'stop_kafka "${TEST_KAFKA[0]}"' EXIT
  fi
  # Maven runs in the background so that INT/TERM reach this shell at once (a foreground
  # child would delay the trap until Maven ends): pass them on, wait, then clean up.
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:${TEST_KAFKA[1]}" ./mvnw -B verify "$@" &
  local mvn=$! rc=0
  trap 'kill -TERM "$mvn" 2>/dev/null; wait "$mvn"; exit 130' INT
  trap 'kill -TERM "$mvn" 2>/dev/null; wait "$mvn"; exit 143' TERM
  wait "$mvn" || rc=$?
  exit "$rc"
}

cmd_status() {
  local line svc http mgmt
  echo "budgetperf suite (${ROOT})"
  if pg_ready; then
    printf '  %-20s running   127.0.0.1:%s\n' postgresql "$PG_PORT"
  else
    printf '  %-20s stopped\n' postgresql
  fi
  kafka_status "${RUN_KAFKA[0]}" "${RUN_KAFKA[1]}"
  kafka_status "${TEST_KAFKA[0]}" "${TEST_KAFKA[1]}"
  for line in "${SERVICES[@]}"; do
    read -r svc http mgmt _ <<<"$line"
    service_status "$svc" "$http" "$mgmt"
  done
}

usage() {
  sed -n '2,8p' "$ROOT/suite.sh" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

case ${1:-} in
  up) cmd_up ;;
  down) cmd_down ;;
  test)
    shift
    cmd_test "$@"
    ;;
  token)
    shift
    mint_token "$@"
    ;;
  status) cmd_status ;;
  -h | --help | help) usage 0 ;;
  *) usage 2 >&2 ;;
esac
