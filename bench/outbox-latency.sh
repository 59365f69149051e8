#!/usr/bin/env bash
# Commit-to-Kafka latency of the transactional outbox.
#
#   bench/outbox-latency.sh [ENTRIES=500]
#
# Records ENTRIES ledger entries through POST .../expenditures, one after another with PAUSE
# seconds between (default 0.02; every 10th names a project, which adds a project event),
# while bench/java/OutboxLatency.java (kafka-clients from infra/kafka-broker/target/lib) reads
# budget.events. For each event it compares the CloudEvent "time" (written with the outbox row,
# inside the business transaction) with the moment the consumer got the record ("arrival") and
# with the record's timestamp (CreateTime: when the relay handed it to its producer).
# Goal: p99 (arrival) < 250 ms. Also prints the service's own Micrometer timer
# outbox.publish.latency (created_at of the row -> Kafka acknowledgement) from /q/metrics.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ENTRIES=${1:-500}
PAUSE=${PAUSE:-0.02}
[[ $ENTRIES =~ ^[0-9]+$ ]] && ((ENTRIES > 0)) || die "usage: bench/outbox-latency.sh [ENTRIES]"
CODE=BENCH-OBX
YEAR=2022

bench_init
bench_up
log "creating $CODE/$YEAR with a project through the API"
create_department_year "$CODE" "$YEAR" 1

EXPECTED=0
for ((i = 1; i <= ENTRIES; i++)); do
  if ((i % 10 == 0)); then EXPECTED=$((EXPECTED + 2)); else EXPECTED=$((EXPECTED + 1)); fi
done

busy_check
CONSUMER_OUT="$BENCH_WORK/outbox-consumer.out"
: >"$CONSUMER_OUT"
java -cp "$(kafka_client_cp)" "$BENCH_DIR/java/OutboxLatency.java" "127.0.0.1:$BENCH_KAFKA_PORT" budget.events "$CODE:" \
  "$EXPECTED" 20 300 >"$CONSUMER_OUT" 2>"$BENCH_WORK/logs/outbox-consumer.err" &
CONSUMER_PID=$!
bench_on_exit "kill $CONSUMER_PID 2>/dev/null; wait $CONSUMER_PID 2>/dev/null"
for ((i = 0; i < 600; i++)); do
  grep -q '^READY' "$CONSUMER_OUT" && break
  kill -0 "$CONSUMER_PID" 2>/dev/null || {
    cat "$BENCH_WORK/logs/outbox-consumer.err" >&2
    die "the consumer died before it was ready"
  }
  sleep 0.1
done
grep -q '^READY' "$CONSUMER_OUT" || die "the consumer was not ready after 60 s"
log "consumer ready ($(head -n 1 "$CONSUMER_OUT")); recording $ENTRIES entries ($EXPECTED events expected)"
PATH_EXP="/api/v1/departments/$CODE/budgets/$YEAR/expenditures"
REQ_TIMES="$BENCH_WORK/outbox-request-times.txt"
: >"$REQ_TIMES"
bench_on_exit "rm -f '$REQ_TIMES'"
T0=$(date +%s%3N)
for ((i = 1; i <= ENTRIES; i++)); do
  day=$(printf '2022-%02d-%02d' $((1 + i % 12)) $((1 + i % 28)))
  amount="$((100 + i % 900)).$((10 + i % 90))"
  if ((i % 10 == 0)); then
    body="{\"date\":\"$day\",\"amount\":\"$amount\",\"projectCode\":\"$CODE-P1\",\"economicClass\":\"31002\",\"description\":\"基准 $i\"}"
  else
    body="{\"date\":\"$day\",\"amount\":\"$amount\",\"expenditureType\":\"PUBLIC_FUNDS\",\"economicClass\":\"30201\",\"description\":\"基准 $i\"}"
  fi
  read -r code t < <(curl -sS --max-time 30 -o /dev/null -w '%{http_code} %{time_total}\n' -X POST \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary "$body" "$BENCH_URL$PATH_EXP")
  [[ $code == 201 ]] || die "entry $i: HTTP $code"
  echo "$t" >>"$REQ_TIMES"
  sleep "$PAUSE"
done
T_POSTS=$(ms_since "$T0")
log "recorded $ENTRIES entries in $T_POSTS ms; waiting for the consumer"
rc=0
wait "$CONSUMER_PID" || rc=$?
((rc == 0)) || warn "the consumer did not get every expected event (exit $rc)"

busy_check_after
POST_STATS=$(python3 - "$REQ_TIMES" <<'PY'
import math, sys
v = sorted(float(x) * 1000 for x in open(sys.argv[1]) if x.strip())
p = lambda q: v[max(0, min(len(v), math.ceil(q * len(v))) - 1)]
print(f"n={len(v)} p50={p(0.5):.1f} p99={p(0.99):.1f} max={v[-1]:.1f}")
PY
)
ARRIVAL_P99=$(sed -n 's/^arrival: .* p99=\([0-9.]*\).*/\1/p' "$CONSUMER_OUT")
VERDICT=$(python3 -c "print('MET' if '$ARRIVAL_P99' and float('$ARRIVAL_P99' or 1e9) < 250 else 'NOT MET')")
curl -sS --max-time 30 -o "$BENCH_WORK/outbox-metrics.txt" "$BENCH_MGMT_URL/q/metrics" || true
METRICS=$(grep -E '^outbox_(publish_latency|pending)' "$BENCH_WORK/outbox-metrics.txt" || true)
if ! grep -q '^outbox_publish_latency' <<<"$METRICS"; then
  mkdir -p "$BENCH_WORK/evidence"
  cp "$BENCH_WORK/outbox-metrics.txt" "$BENCH_WORK/evidence/outbox-metrics-$(date -u +%Y%m%dT%H%M%SZ).txt"
  METRICS="$METRICS
(no outbox_publish_latency in /q/metrics: $(wc -l <"$BENCH_WORK/outbox-metrics.txt") lines kept in bench/.work/evidence/)"
fi
UNSENT=$(bench_psql -Atc "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")
DB_LAT=$(bench_psql -Atc "SELECT format('n=%s p50=%s p99=%s max=%s',
    count(*),
    round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1),
    round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1),
    round(max(ms)::numeric, 1))
  FROM (SELECT extract(epoch FROM sent_at - created_at) * 1000 AS ms FROM outbox_event
        WHERE record_key LIKE '$CODE:%' AND sent_at IS NOT NULL) s")

cat <<REPORT

== bench/outbox-latency.sh: $ENTRIES ledger entries, $EXPECTED events, pause ${PAUSE}s, $(date -u '+%Y-%m-%d %H:%M UTC')
machine: $(machine_line)
POST .../expenditures latency (ms, curl time_total): $POST_STATS
$(sed -n 's/^received/consumer: received/p' "$CONSUMER_OUT")
event time -> consumer arrival (ms):    $(sed -n 's/^arrival: //p' "$CONSUMER_OUT")
event time -> record timestamp (ms):    $(sed -n 's/^record_timestamp: //p' "$CONSUMER_OUT")
goal p99 < 250 ms (arrival): $VERDICT
outbox rows created_at -> sent_at (ms, SQL): $DB_LAT; unsent now: $UNSENT
service timer outbox.publish.latency (/q/metrics, seconds; all events since start):
$(sed 's/^/  /' <<<"$METRICS")
REPORT
((rc == 0)) || die "the consumer received fewer events than expected (see above)"
