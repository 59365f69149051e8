#!/usr/bin/env bash
# bench/report-documents.sh [DEPARTMENTS=1000] — report-service: one department document per format, warm, and a
# batch of DEPARTMENTS department forms (see bench/REPORT.md).
#
# Runs its own budget-service, evaluation-service and report-service (ports 8281/8282/8283, management
# 9281/9282/9283, databases budget_bench_rpt, evaluation_bench_rpt, report_bench, recreated; bench/report-lib.sh),
# loads the demo data (scripts/demo-data.sh: 天河/花都/增城 2022 and the 增城 self-evaluation) plus illustrative
# narratives for 增城, and DEPARTMENTS departments BENCH-R0001… in region BENCH-区 (through budget-service's API:
# departments POSTed, budgets and one ledger entry each by bulk import, a self-evaluation GZ-DEPT-COMMON for every
# EVAL_EVERY-th one).
#
# 1. Single documents of GZ-ZC-GSL/2022: WARMUP (5) then RUNS (20) POST /api/v1/reports, one after the other, per
#    document: DEPARTMENT_REPORT as PDF, DOCX, HTML and DEPARTMENT_FORM as XLSX, PDF, HTML. Wall time (curl) and the
#    server's generationMillis, p50/p90/max; CPU per document of report-service, the peers and PostgreSQL. Baseline:
#    the HTML of the same document (same peer calls, same narratives, same storing; no PDF, no POI) → ratios.
#    Goal: PDF < 0.5 s.
# 2. Floor of the batch: the peer reads report-service needs for DEPARTMENTS forms (department, metrics, list of
#    evaluations, the evaluation) with 2 workers, as bench/java/ReportBench.java floor (run twice: the first warms).
# 3. Batches: POST /api/v1/report-batches {region BENCH-区, 2022, DEPARTMENT_FORM, XLSX} (then PDF: BATCH_FORMATS),
#    progress polled every 0.5 s until DONE, with report-service's VmRSS and heap (from /q/metrics) at each poll.
#    Total seconds, docs/s, ratio to the floor, start/peak RSS and RSS at 25/50/75/100 % of the documents, heap
#    committed, the live heap after a full GC (jcmd GC.run) before and after, MiB allocated per document.
#    Goal (DEPARTMENTS = 1000): < 2 min and memory flat (peak RSS < 10 % above the RSS at 50 % of the documents).
# 4. The single documents again after the batches (no warm-up): the JIT's steady state.
#
# Environment: WARMUP (5), RUNS (20), BATCH_FORMATS ("XLSX PDF"), BATCH_TIMEOUT (300 s per batch: an unfinished
# batch is reported with its rate and projected total), EVAL_EVERY (1; 0 = no evaluations for the batch
# departments), JFR=1 (a JFR recording of report-service per phase and a breakdown of where its CPU went; it
# slows the service down: numbers of such a run are for the profile, not the goals), RPT_JAVA_OPTS (JVM options of
# report-service), BENCH_WAIT_QUIET (s to wait for a quiet machine before each phase), RPT_KAFKA_PORT (see
# bench/report-lib.sh).
set -euo pipefail

DEPARTMENTS=${1:-1000}
WARMUP=${WARMUP:-5}
RUNS=${RUNS:-20}
BATCH_FORMATS=${BATCH_FORMATS:-XLSX PDF}
BATCH_TIMEOUT=${BATCH_TIMEOUT:-300}
EVAL_EVERY=${EVAL_EVERY:-1}
YEAR=2022
REGION="BENCH-区"
PREFIX=BENCH-R
SUBJECT=GZ-ZC-GSL
[[ $DEPARTMENTS =~ ^[0-9]+$ && $DEPARTMENTS -ge 4 && $DEPARTMENTS -le 9999 ]] || {
  echo "usage: $0 [DEPARTMENTS=1000] (4..9999)" >&2
  exit 2
}

# shellcheck source=report-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/report-lib.sh"

SCRIPT_T0=$SECONDS
RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
W="$BENCH_WORK/report-documents"
EVID="$BENCH_WORK/evidence/report-documents-$RUN_ID"
rm -rf "$W"
mkdir -p "$W" "$EVID"
RESULTS="$BENCH_WORK/report-documents-$RUN_ID.txt"

rpt_init
rpt_up
HEAP=$(rpt_heap_settings "$RPT_REPORT_PID")
log "report-service heap: $HEAP (RPT_JAVA_OPTS: ${RPT_JAVA_OPTS:-none})"

# ---------------------------------------------------------------- data: the demo, narratives of 增城
log "demo data (scripts/demo-data.sh against the bench budget-service and evaluation-service)"
T=$SECONDS
BUDGET_URL=$RPT_BUDGET_URL EVALUATION_URL=$RPT_EVAL_URL TOKEN_CMD="$ROOT/suite.sh token" \
  bash "$ROOT/scripts/demo-data.sh" >"$BENCH_WORK/logs/report-documents-demo-data.log" 2>&1 ||
  {
    tail -n 30 "$BENCH_WORK/logs/report-documents-demo-data.log" >&2
    die "scripts/demo-data.sh failed (log: $BENCH_WORK/logs/report-documents-demo-data.log)"
  }
DEMO_S=$((SECONDS - T))

# Illustrative narratives (no seed text exists for 增城): every department section and three tasks, about the
# length of the 花都 report's sections, so the report has its full outline.
narrative() { # SECTION TEXT
  rpt_call PUT "$RPT_URL/api/v1/narratives/$SUBJECT/$YEAR/sections/$1" \
    "$(python3 -c 'import json,sys; print(json.dumps({"content": sys.argv[1]}, ensure_ascii=False))' "$2")" >/dev/null
}
P1="区工商联坚持以习近平新时代中国特色社会主义思想为指导，围绕区委、区政府中心工作，充分发挥工商联作为党和政府联系非公有制经济人士的桥梁纽带作用，引导民营企业坚定发展信心，推动民营经济高质量发展。"
# shellcheck disable=SC1111 # the quotes are Chinese text
P2="全年组织开展“卓越企业家”培训、政企沟通座谈、法律服务进企业等活动，协调解决企业反映的融资、用工、用地等问题，会员企业满意度保持较高水平；同时加强商会组织建设，指导镇街商会和行业商会规范运作。"
P3="部门按照预算绩效管理要求，年初设定整体支出绩效目标，年中开展绩效运行监控，年末组织自评，做到预算编制有目标、执行有监控、完成有评价、结果有应用。"
for s in FUNCTIONS ORGANISATION ANNUAL_WORK PERFORMANCE_MANAGEMENT ANNUAL_GOALS GOAL_ACHIEVEMENT CONCLUSION \
  TASK_ANALYSIS KEY_PROJECTS ACHIEVEMENTS PROBLEMS IMPROVEMENTS; do
  narrative "$s" "$P1
$P2
$P3"
done
rpt_call PUT "$RPT_URL/api/v1/narratives/$SUBJECT/$YEAR/tasks" '{"tasks":[
  {"name":"任务1 强化思想政治引领","expectedGoal":"开展理想信念教育活动不少于4场","achievement":"开展6场，覆盖会员企业代表320人次","keyIndicator":"活动场次","indicatorResult":"6场","funds":120000.00},
  {"name":"任务2 “卓越企业家”培训工程","expectedGoal":"培训民营企业家不少于120人","achievement":"开展一期培训班，培训105人","keyIndicator":"培训人数","indicatorResult":"105人","funds":450000.00},
  {"name":"任务3 优化营商环境服务","expectedGoal":"收集并协调解决企业诉求","achievement":"收集诉求58件，办结55件","keyIndicator":"诉求办结率","indicatorResult":"94.8%","funds":384500.00}]}' >/dev/null

# ---------------------------------------------------------------- data: DEPARTMENTS departments of BENCH-区
RB() { java "$BENCH_DIR/java/ReportBench.java" "$@"; }
log "$DEPARTMENTS departments $PREFIX… in region $REGION: POST /departments (4 connections), budgets and ledger by bulk import"
T=$SECONDS
codes="$W/codes.txt"
: >"$codes"
: >"$W/departments.jsonl"
printf 'department_code,fiscal_year,expenditure_type,funding_source,amount\n' >"$W/budgets.csv"
printf 'department_code,fiscal_year,date,amount,expenditure_type,funding_source,economic_class,description\n' >"$W/ledger.csv"
: >"$W/evaluations.jsonl"
for ((i = 1; i <= DEPARTMENTS; i++)); do
  code=$(printf '%s%04d' "$PREFIX" "$i")
  echo "$code" >>"$codes"
  printf '{"code":"%s","name":"基准测试区第%d部门","region":"%s","unitCount":1}\n' "$code" "$i" "$REGION" >>"$W/departments.jsonl"
  printf '%s,%d,PERSONNEL,GENERAL_PUBLIC,3000000.00\n%s,%d,PUBLIC_FUNDS,GENERAL_PUBLIC,800000.00\n%s,%d,PROJECT,GENERAL_PUBLIC,900000.00\n' \
    "$code" "$YEAR" "$code" "$YEAR" "$code" "$YEAR" >>"$W/budgets.csv"
  # one entry: 3.5–4.5 million of 4.7 → execution rates 74–96 %
  printf '%s,%d,2022-12-20,%d.00,PERSONNEL,GENERAL_PUBLIC,30101,工资福利支出\n' "$code" "$YEAR" $((3500000 + (i * 7919) % 1000000)) >>"$W/ledger.csv"
  if ((EVAL_EVERY > 0 && i % EVAL_EVERY == 0)); then
    printf '{"subjectType":"DEPARTMENT","departmentCode":"%s","fiscalYear":%d,"ruleSetCode":"GZ-DEPT-COMMON"}\n' "$code" "$YEAR" >>"$W/evaluations.jsonl"
  fi
done
out=$(RB post-lines "$RPT_BUDGET_URL/api/v1/departments" "$TOKEN" 4 "$W/departments.jsonl") || die "creating the departments failed: $out"
log "departments: $out"
imp() { # KIND FILE
  local code
  code=$(curl -sS -o "$W/import-$1.json" -w '%{http_code}' --max-time 300 -X POST -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: text/csv' --data-binary "@$2" "$RPT_BUDGET_URL/api/v1/imports/$1?fileName=bench-rpt-$1.csv") || code=000
  [[ $code == 201 || $code == 200 ]] || die "import of $1 answered $code: $(head -c 1500 "$W/import-$1.json")"
  log "import $1: $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["status"], d["rows"], "rows")' "$W/import-$1.json")"
}
imp budgets "$W/budgets.csv"
imp expenditures "$W/ledger.csv"
DEPTS_S=$((SECONDS - T))
EVALS=$(wc -l <"$W/evaluations.jsonl")
T=$SECONDS
if ((EVALS > 0)); then
  log "$EVALS self-evaluations (GZ-DEPT-COMMON) through evaluation-service's API (4 connections)"
  out=$(RB post-lines "$RPT_EVAL_URL/api/v1/evaluations" "$TOKEN" 4 "$W/evaluations.jsonl") || die "creating the evaluations failed: $out"
  log "evaluations: $out"
fi
EVALS_S=$((SECONDS - T))
log "waiting until the consumers applied the setup's events"
rpt_wait_events_applied 240
# the 增城 evaluation's 部门预算资金支出率 (LZ13) comes from budget.events: the report shows it
ZC_EVAL=$(rpt_call GET "$RPT_EVAL_URL/api/v1/evaluations?departmentCode=$SUBJECT&fiscalYear=$YEAR" |
  python3 -c 'import json,sys; d=json.load(sys.stdin)["items"]; print(d[0]["id"] if d else "")')
[[ -n $ZC_EVAL ]] || die "no 增城 evaluation (scripts/demo-data.sh did not create it)"
ZC_LINE=$(rpt_call GET "$RPT_EVAL_URL/api/v1/evaluations/$ZC_EVAL" | python3 -c '
import json, sys
e = json.load(sys.stdin)
lz13 = next((i for i in e["indicators"] if i["code"] == "LZ13"), {})
print("evaluation %s %s %s, %d indicators, total %s %s, LZ13 actual %s" % (e["id"], e["kind"], e["status"],
      len(e["indicators"]), e["total"], e["grade"] or "", lz13.get("actual")))' 2>/dev/null || echo "?")
SETUP_S=$((SECONDS - SCRIPT_T0))

# ---------------------------------------------------------------- JFR (JFR=1)
# the JDK's "profile" settings with Java method samples every 2 ms instead of 10 (more samples per document)
JFC="$W/profile-2ms.jfc"
sed 's|<setting name="period" control="method-sampling-java-interval">10 ms</setting>|<setting name="period" control="method-sampling-java-interval">2 ms</setting>|' \
  "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" >"$JFC" 2>/dev/null || JFC=profile
jfr_start() { # NAME
  [[ ${JFR:-0} == 1 ]] || return 0
  jcmd "$RPT_REPORT_PID" JFR.start name="$1" settings="$JFC" filename="$EVID/$1.jfr" >/dev/null 2>&1 ||
    warn "could not start a JFR recording"
}
jfr_stop() { # NAME
  [[ ${JFR:-0} == 1 ]] || return 0
  jcmd "$RPT_REPORT_PID" JFR.stop name="$1" >/dev/null 2>&1 || true
}
# jfr_summary NAME: where report-service's CPU went (execution samples of its request and batch threads).
jfr_summary() {
  [[ -s $EVID/$1.jfr ]] || return 0
  jfr print --stack-depth 128 --events jdk.ExecutionSample "$EVID/$1.jfr" >"$EVID/$1-samples.txt" 2>/dev/null || return 0
  python3 - "$EVID/$1-samples.txt" "$1" <<'PY'
import collections, re, sys
text = open(sys.argv[1], errors="replace").read()
phase, lib, self_ = collections.Counter(), collections.Counter(), collections.Counter()
threads = collections.Counter()
n = 0
PHASES = [  # innermost report-service frame that names what the thread was doing
    ("PdfRenderer.fromHtml", "PDF: openhtmltopdf + PDFBox (PdfRenderer.fromHtml)"),
    ("XlsxDocuments.", "XLSX: Apache POI (XlsxDocuments)"),
    ("DocxDocuments.", "DOCX: Apache POI (DocxDocuments)"),
    ("DocxWriter.", "DOCX: Apache POI (DocxWriter)"),
    ("HtmlDocuments.", "HTML: Qute templates (HtmlDocuments)"),
    ("HtmlViews.", "HTML: view building (HtmlViews)"),
    ("ReportAssembler.", "fetching the inputs: peers over REST, narratives (ReportAssembler)"),
    ("DocumentService.sha256", "SHA-256 of the bytes"),
    ("DocumentService.lambda$create", "storing the document (transaction, INSERTs)"),
    ("DocumentService.create", "storing the document (transaction, INSERTs)"),
    ("BatchService.", "batch bookkeeping (BatchService)"),
    ("DocumentResource.", "response (DocumentResource: view, inputs)"),
    ("DocumentService.view", "response (DocumentResource: view, inputs)"),
]
LIBS = [
    ("org.apache.fontbox", "fontbox (TrueType parsing, subsetting)"),
    ("org.apache.pdfbox", "pdfbox"),
    ("com.openhtmltopdf", "openhtmltopdf (layout, CSS, paint)"),
    ("org.apache.poi", "POI"), ("org.apache.xmlbeans", "xmlbeans (POI's XML)"),
    ("org.apache.commons.compress", "zip (commons-compress)"), ("java.util.zip", "zip (java.util.zip)"),
    ("io.quarkus.qute", "Qute"),
    ("org.hibernate", "Hibernate"), ("org.postgresql", "PostgreSQL JDBC"), ("io.agroal", "Agroal pool"),
    ("com.fasterxml.jackson", "Jackson"), ("io.netty", "Netty"), ("io.vertx", "Vert.x"),
    ("org.jboss.resteasy", "REST client/server"), ("io.smallrye.faulttolerance", "fault tolerance"),
    ("sun.security", "JDK security (SHA-256, JWT)"), ("org.jose4j", "jose4j (JWT)"),
    ("java.util.regex", "regex"), ("javax.xml", "JDK XML"), ("com.sun.org.apache", "JDK XML (Xerces)"),
    ("gov.budgetperf", "report-service code"),
]
for block in text.split("jdk.ExecutionSample {")[1:]:
    t = re.search(r'sampledThread = "([^"]*)"', block)
    tname = t.group(1) if t else "?"
    kind = re.sub(r"[-\d]+$", "", tname)
    frames = [re.sub(r"\s+line:.*", "", l.strip()) for l in block.split("stackTrace = [", 1)[-1].split("]", 1)[0].splitlines()
              if l.strip() and not l.strip().startswith("...")]
    if not frames:
        continue
    threads[kind] += 1
    if not any(f.startswith("gov.budgetperf.report") for f in frames):
        continue
    n += 1
    p = next((name for f in frames for key, name in PHASES if key in f and f.startswith("gov.budgetperf.report")), "other report-service code")
    phase[p] += 1
    top = frames[0]
    lib[next((name for key, name in LIBS if top.startswith(key)), top.rsplit(".", 2)[0])] += 1
    self_[re.sub(r"\(.*", "", top)] += 1
print(f"  JFR ({sys.argv[2]}): {sum(threads.values())} execution samples of report-service; {n} in its own code paths; by thread: "
      + ", ".join(f"{k} {v}" for k, v in threads.most_common(5)))
print("   by phase (innermost report-service frame):")
for k, v in phase.most_common():
    print(f"    {100 * v / max(1, n):5.1f}%  {k}")
print("   by library of the sampled frame:")
for k, v in lib.most_common(10):
    print(f"    {100 * v / max(1, n):5.1f}%  {k}")
print("   hottest methods (self):")
for k, v in self_.most_common(10):
    print(f"    {100 * v / max(1, n):5.1f}%  {k}")
PY
}

# ---------------------------------------------------------------- 1. single documents
DOCS=("DEPARTMENT_REPORT PDF" "DEPARTMENT_REPORT DOCX" "DEPARTMENT_REPORT HTML" "DEPARTMENT_FORM XLSX"
  "DEPARTMENT_FORM PDF" "DEPARTMENT_FORM HTML")
post_report() { # TYPE FORMAT OUTFILE: "code wall_s" on stdout
  curl -sS -o "$3" -w '%{http_code} %{time_total}\n' --max-time 120 -X POST -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' \
    --data-binary "{\"type\":\"$1\",\"format\":\"$2\",\"departmentCode\":\"$SUBJECT\",\"fiscalYear\":$YEAR}" \
    "$RPT_URL/api/v1/reports" || echo "000 0"
}
peer_pids() { echo "$RPT_BUDGET_PID $RPT_EVAL_PID"; }
# rpt_alloc_mib: report-service's allocation counter in MiB (≈ bytes allocated so far): micrometer's
# jvm_gc_memory_allocated_bytes_total (young-generation growth between GCs, counted at each GC) plus what eden
# holds now (not counted yet).
rpt_alloc_mib() {
  curl -s "http://127.0.0.1:$RPT_MGMT/q/metrics" | python3 -c '
import re, sys
t = sys.stdin.read()
a = re.findall(r"^jvm_gc_memory_allocated_bytes_total(?:\{[^}]*\})? (\S+)", t, re.M)
e = re.findall(r"^jvm_memory_used_bytes\{[^}]*id=\"G1 Eden Space\"[^}]*\} (\S+)", t, re.M)
print(int((float(a[0]) + (float(e[0]) if e else 0)) / 2**20) if a else 0)'
}

# time_documents PHASE WARMUP: per document of DOCS, WARMUP requests, then RUNS timed ones; results in
# $W/PHASE-TYPE-FORMAT.txt (wall s, generationMillis, bytes, stale per request; CPU, threads and allocation lines)
time_documents() {
  local phase=$1 warm=$2 doc type format f i code wall c_rpt c_peer c_pg a0
  for doc in "${DOCS[@]}"; do
    read -r type format <<<"$doc"
    f="$W/$phase-$type-$format.txt"
    : >"$f"
    for ((i = 0; i < warm; i++)); do
      read -r code _ < <(post_report "$type" "$format" "$W/resp.json")
      [[ $code == 201 ]] || die "POST /api/v1/reports $type $format -> $code: $(head -c 1500 "$W/resp.json")"
    done
    c_rpt=$(proc_cpu_ms "$RPT_REPORT_PID")
    # shellcheck disable=SC2046
    c_peer=$(proc_cpu_ms $(peer_pids))
    c_pg=$(postgres_cpu_ms)
    a0=$(rpt_alloc_mib)
    jvm_threads_cpu "$RPT_REPORT_PID" "$W/threads-before.txt"
    for ((i = 0; i < RUNS; i++)); do
      read -r code wall < <(post_report "$type" "$format" "$W/resp.json")
      [[ $code == 201 ]] || die "POST /api/v1/reports $type $format -> $code: $(head -c 1500 "$W/resp.json")"
      python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sys.argv[2], d["generationMillis"], d["sizeBytes"], d["stale"])' \
        "$W/resp.json" "$wall" >>"$f"
    done
    # shellcheck disable=SC2046
    echo "cpu $(($(proc_cpu_ms "$RPT_REPORT_PID") - c_rpt)) $(($(proc_cpu_ms $(peer_pids)) - c_peer)) $(($(postgres_cpu_ms) - c_pg))" >>"$f"
    jvm_threads_cpu "$RPT_REPORT_PID" "$W/threads-after.txt"
    echo "threads $(rpt_threads_cpu_diff "$W/threads-before.txt" "$W/threads-after.txt" "$RUNS")" >>"$f"
    echo "alloc $(($(rpt_alloc_mib) - a0))" >>"$f"
    cp "$W/resp.json" "$W/last-$type-$format.json"
    log "$phase: $type $format, $RUNS timed"
  done
}

# documents_table PHASE LABEL: the table of time_documents PHASE, ratios, and the goal line
documents_table() {
  python3 - "$W" "$1" "$RUNS" "$2" "${DOCS[@]}" <<'PY'
import os, sys
w, phase, runs, label, docs = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5:]
def pct(v, p):
    v = sorted(v); k = max(0, min(len(v) - 1, -(-p * len(v) // 100) - 1)); return v[k]
rows, p50, p90, threads, alloc = [], {}, {}, {}, {}
for d in docs:
    t, f = d.split()
    wall, srv, size, stale = [], [], [], 0
    cpu = None
    for line in open(os.path.join(w, f"{phase}-{t}-{f}.txt")):
        x = line.split()
        if x[0] == "cpu":
            cpu = [int(c) / runs for c in x[1:]]
        elif x[0] == "threads":
            threads[d] = line.split(None, 1)[1].strip() if len(x) > 1 else ""
        elif x[0] == "alloc":
            alloc[d] = int(x[1]) / runs
        else:
            wall.append(float(x[0]) * 1000); srv.append(int(x[1])); size.append(int(x[2])); stale += x[3] == "True"
    p50[d], p90[d] = pct(wall, 50), pct(wall, 90)
    rows.append((t, f, pct(wall, 50), pct(wall, 90), max(wall), pct(srv, 50), pct(srv, 90), max(srv), sum(size) // len(size), cpu, stale, alloc.get(d)))
print(f"  {'document':<18} {'format':<5} {'wall p50':>8} {'p90':>7} {'max':>7}   {'server p50':>10} {'p90':>6} {'max':>6}   {'bytes':>8}  {'alloc':>7}   CPU ms/doc: report / peers / PostgreSQL")
for t, f, a, b, c, d_, e, g, s, cpu, stale, al in rows:
    cpus = " / ".join(f"{x:.0f}" for x in cpu) if cpu else "?"
    als = f"{al:.0f} MiB" if al is not None else "?"
    print(f"  {t:<18} {f:<5} {a:8.0f} {b:7.0f} {c:7.0f}   {d_:10.0f} {e:6.0f} {g:6.0f}   {s:8d}  {als:>7}   {cpus}" + (f"   ({stale} stored stale)" if stale else ""))
print("  (ms; wall = curl time_total of POST /api/v1/reports; server = generationMillis: fetching the inputs and rendering,")
print("   without storing; alloc = MiB allocated by report-service per document: jvm_gc_memory_allocated_bytes_total + eden)")
print("  report-service CPU ms per document by kind of thread:")
for d in docs:
    print(f"    {d:<24} {threads.get(d, '?')}")
def r(a, b):
    return f"{p50[a] / p50[b]:.2f}" if p50.get(a) and p50.get(b) else "n/a"
print(f"  ratios to the HTML of the same document (wall p50): report PDF/HTML {r('DEPARTMENT_REPORT PDF', 'DEPARTMENT_REPORT HTML')}, "
      f"report DOCX/HTML {r('DEPARTMENT_REPORT DOCX', 'DEPARTMENT_REPORT HTML')}, form XLSX/HTML {r('DEPARTMENT_FORM XLSX', 'DEPARTMENT_FORM HTML')}, "
      f"form PDF/HTML {r('DEPARTMENT_FORM PDF', 'DEPARTMENT_FORM HTML')}")
d = "DEPARTMENT_REPORT PDF"
print(f"GOAL department report as PDF < 0.5 s ({label}): p50 {p50[d] / 1000:.3f} s -> {'MET' if p50[d] < 500 else 'NOT MET'}"
      f" (p90 {p90[d] / 1000:.3f} s{', also under' if p90[d] < 500 else ', over'} 0.5 s)")
PY
}

busy_check
jfr_start single
time_documents single "$WARMUP"
jfr_stop single
busy_check_after
LOAD_SINGLE=$BENCH_LOAD
SINGLE_TABLE=$(documents_table single "after $WARMUP warm-up requests")
printf '%s\n' "$SINGLE_TABLE" >&2
jfr_summary single >"$W/jfr-single.txt" || true

# ---------------------------------------------------------------- 2. the floor: the batch's peer reads
log "floor: the peer reads of $DEPARTMENTS department forms, 2 workers (after a warm-up pass over 100)"
head -n 100 "$codes" >"$W/codes-warm.txt"
RB floor "$RPT_BUDGET_URL" "$RPT_EVAL_URL" "$(mint_token service "" 3600)" 2 "$YEAR" "$W/codes-warm.txt" >"$W/floor-1.txt" ||
  warn "floor (warm-up pass) had errors: $(cat "$W/floor-1.txt")"
busy_check
RB floor "$RPT_BUDGET_URL" "$RPT_EVAL_URL" "$(mint_token service "" 3600)" 2 "$YEAR" "$codes" >"$W/floor-2.txt" ||
  warn "floor had errors: $(cat "$W/floor-2.txt")"
busy_check_after
LOAD_FLOOR=$BENCH_LOAD
FLOOR_LINE=$(cat "$W/floor-2.txt")
FLOOR_MS=$(sed -n 's/.* ms \([0-9]*\) .*/\1/p' <<<"$FLOOR_LINE")
log "floor: $FLOOR_LINE"

# ---------------------------------------------------------------- 3. batches
# live_heap_mib: report-service's heap in use right after a full GC (jcmd GC.run; System.gc() is a full GC with G1)
live_heap_mib() {
  jcmd "$RPT_REPORT_PID" GC.run >/dev/null 2>&1 || true
  curl -s "http://127.0.0.1:$RPT_MGMT/q/metrics" | python3 -c '
import re, sys
t = sys.stdin.read()
print(int(sum(float(m) for m in re.findall(r"^jvm_memory_used_bytes\{[^}]*area=\"heap\"[^}]*\} (\S+)", t, re.M)) / 2**20))'
}
# run_batch FORMAT: POST the batch, watch it; writes $W/batch-FORMAT.txt (the summary lines)
run_batch() {
  local format=$1 resp id c0_rpt c0_peer c0_pg t0
  busy_check
  jfr_start "batch-$format"
  c0_rpt=$(proc_cpu_ms "$RPT_REPORT_PID")
  # shellcheck disable=SC2046
  c0_peer=$(proc_cpu_ms $(peer_pids))
  c0_pg=$(postgres_cpu_ms)
  local rss0 live0 live1
  live0=$(live_heap_mib)
  rss0=$(rss_mib "$RPT_REPORT_PID")
  jvm_threads_cpu "$RPT_REPORT_PID" "$W/threads-before.txt"
  local a0
  a0=$(rpt_alloc_mib)
  t0=$(date +%s%3N)
  resp=$(rpt_call POST "$RPT_URL/api/v1/report-batches" \
    "{\"region\":\"$REGION\",\"fiscalYear\":$YEAR,\"type\":\"DEPARTMENT_FORM\",\"format\":\"$format\"}") ||
    die "POST /api/v1/report-batches failed"
  id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$resp")
  log "batch $id: $DEPARTMENTS DEPARTMENT_FORM $format of $REGION (polling every 0.5 s, at most ${BATCH_TIMEOUT}s)"
  python3 - "$RPT_URL/api/v1/report-batches/$id" "$TOKEN" "$RPT_REPORT_PID" "$t0" "$BATCH_TIMEOUT" \
    "http://127.0.0.1:$RPT_MGMT/q/metrics" "$W/batch-$format-samples.csv" <<'PY' >"$W/batch-$format-watch.txt"
import json, re, sys, time, urllib.request
url, token, pid, t0, timeout, metrics_url, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]) / 1000, float(sys.argv[5]), sys.argv[6], sys.argv[7]
def rss():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
def heap():
    try:
        text = urllib.request.urlopen(metrics_url, timeout=2).read().decode()
    except Exception:
        return None, None
    used = sum(float(m) for m in re.findall(r'^jvm_memory_used_bytes\{[^}]*area="heap"[^}]*\} (\S+)', text, re.M))
    com = sum(float(m) for m in re.findall(r'^jvm_memory_committed_bytes\{[^}]*area="heap"[^}]*\} (\S+)', text, re.M))
    live = re.findall(r'^jvm_gc_live_data_size_bytes(?:\{[^}]*\})? (\S+)', text, re.M)
    mib = lambda x: int(float(x) / 2**20)
    return (mib(used), mib(com), mib(live[0]) if live else None) if com else (None, None, None)
samples, view = [], {}
with open(out, "w") as f:
    f.write("t_s,done,failed,rss_mib,heap_used_mib,heap_committed_mib,live_after_gc_mib\n")
    while True:
        req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
        try:
            view = json.load(urllib.request.urlopen(req, timeout=10))
        except Exception as e:
            view = dict(view, error=str(e))
        t = time.time() - t0
        r = rss(); hu, hc, live = heap()
        s = (round(t, 2), view.get("done") or 0, view.get("failed") or 0, r, hu, hc, live)
        samples.append(s)
        f.write(",".join("" if x is None else str(x) for x in s) + "\n")
        if view.get("status") in ("DONE", "FAILED") or t > timeout:
            break
        time.sleep(0.5)
print(json.dumps({"view": view, "samples": samples}))
PY
  local c_rpt c_peer c_pg
  c_rpt=$(($(proc_cpu_ms "$RPT_REPORT_PID") - c0_rpt))
  # shellcheck disable=SC2046
  c_peer=$(($(proc_cpu_ms $(peer_pids)) - c0_peer))
  c_pg=$(($(postgres_cpu_ms) - c0_pg))
  jvm_threads_cpu "$RPT_REPORT_PID" "$W/threads-after.txt"
  local alloc
  alloc=$(($(rpt_alloc_mib) - a0))
  jfr_stop "batch-$format"
  busy_check_after
  local sizes
  sizes=$(rpt_psql "$RPT_DB" -Atc "SELECT count(*) || ' documents, ' || coalesce(round(avg(size_bytes)), 0) || ' bytes on average, generationMillis p50 ' ||
      coalesce(percentile_disc(0.5) WITHIN GROUP (ORDER BY generation_ms), 0) || ' / p90 ' ||
      coalesce(percentile_disc(0.9) WITHIN GROUP (ORDER BY generation_ms), 0) || ' ms'
    FROM document d JOIN batch_item i ON i.document_id = d.id WHERE i.job_id = $id")
  python3 - "$W/batch-$format-watch.txt" "$format" "$DEPARTMENTS" "$rss0" "$FLOOR_MS" "$c_rpt" "$c_peer" "$c_pg" \
    "$BENCH_LOAD" "$sizes" <<'PY' >"$W/batch-$format.txt"
import json, sys
from datetime import datetime
d = json.load(open(sys.argv[1]))
fmt, n, rss0, floor_ms = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
c_rpt, c_peer, c_pg, load, sizes = int(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8]), sys.argv[9], sys.argv[10]
v, s = d["view"], d["samples"]
status = v.get("status")
done, failed, total = v.get("done") or 0, v.get("failed") or 0, v.get("total") or n
def ts(x):
    return datetime.fromisoformat(x.replace("Z", "+00:00")) if x else None
client_s = s[-1][0]
server_s = (ts(v["finishedAt"]) - ts(v["createdAt"])).total_seconds() if v.get("finishedAt") else None
print(f"  batch {v.get('id')} DEPARTMENT_FORM {fmt}: {status}, {done} done, {failed} failed of {total}; {sizes}")
if status == "DONE":
    print(f"  total {client_s:.1f} s (POST -> first poll that saw DONE; server createdAt -> finishedAt {server_s:.1f} s), "
          f"{done / server_s:.1f} docs/s")
else:
    rate = (done + failed) / client_s if client_s else 0
    print(f"  NOT FINISHED after {client_s:.0f} s: {done + failed} of {total} at {rate:.2f} docs/s"
          + (f", projected total {total / rate:.0f} s" if rate else ""))
    if v.get("message"):
        print(f"  message: {v['message']}")
for e in (v.get("errors") or [])[:3]:
    print(f"  failed item: {e}")
el = server_s or client_s
if floor_ms:
    print(f"  floor (the peer reads alone, 2 workers): {int(floor_ms) / 1000:.1f} s; ratio batch / floor {el / (int(floor_ms) / 1000):.1f}")
print(f"  CPU during the batch: report-service {c_rpt / 1000:.1f} s ({c_rpt / max(1, done + failed):.0f} ms/doc), "
      f"peers {c_peer / 1000:.1f} s ({c_peer / max(1, done + failed):.0f} ms/doc), PostgreSQL {c_pg / 1000:.1f} s; "
      f"{(c_rpt + c_peer + c_pg) / 1000 / el:.2f} of 2 cores busy with the benchmark")
rss = [x[3] for x in s if x[3] is not None]
peak = max(rss) if rss else None
def at(frac):
    k = frac * total
    for x in s:
        if x[1] + x[2] >= k:
            return x
    return None
marks = []
for q in (0.25, 0.5, 0.75, 1.0):
    x = at(q)
    marks.append((q, x))
line = ", ".join(f"{int(q * total)} docs {x[3]} MiB" if x else f"{int(q * total)} docs -" for q, x in marks)
print(f"  report-service RSS: start {rss0} MiB, peak {peak} MiB; at {line}")
line = ", ".join(f"{int(q * total)} docs {x[5]}/{x[6]}" if x else f"{int(q * total)} docs -" for q, x in marks)
print(f"  heap committed / live after the last GC (MiB, /q/metrics): at {line}")
hu = [x[4] for x in s if x[4] is not None]
if hu:
    print(f"  heap used over the batch: min {min(hu)} / max {max(hu)} MiB, committed max {max(x[5] for x in s if x[5] is not None)} MiB (samples every 0.5 s)")
q2 = marks[1][1]
flat = None
if q2 and peak:
    growth = (peak - q2[3]) / q2[3]
    flat = growth < 0.10
    print(f"  memory: peak RSS vs RSS at 50 % of the documents: {100 * growth:+.1f} % -> {'flat' if flat else 'NOT flat'} "
          f"(criterion: < +10 % over the second half; the live heap after a full GC is below)")
if n == 1000:
    ok = status == "DONE" and failed == 0 and server_s is not None and server_s < 120
    print(f"GOAL batch of 1000 forms ({fmt}) < 2 min: {'MET' if ok else 'NOT MET'} ({el:.1f} s); memory flat: "
          f"{'MET' if flat else 'NOT MET' if flat is not None else '?'}")
else:
    print(f"  (goal < 2 min and flat memory is for 1000 departments; this run has {n})")
PY
  live1=$(live_heap_mib)
  jcmd "$RPT_REPORT_PID" GC.class_histogram 2>/dev/null | head -n 25 >"$EVID/class-histogram-after-$format.txt" || true
  {
    echo "  report-service CPU ms per document by kind of thread: $(rpt_threads_cpu_diff "$W/threads-before.txt" "$W/threads-after.txt" "$DEPARTMENTS")"
    echo "  live heap after a full GC (jcmd GC.run): before the batch ${live0} MiB, after ${live1} MiB (class histogram: $EVID/class-histogram-after-$format.txt)"
    echo "  allocated by report-service: $alloc MiB in all, $((alloc / DEPARTMENTS)) MiB per document"
  } >>"$W/batch-$format.txt"
  cat "$W/batch-$format.txt" >&2
}
BATCH_OUT=""
for format in $BATCH_FORMATS; do
  run_batch "$format"
  BATCH_OUT+="$(cat "$W/batch-$format.txt")"$'\n'"  (CPU busy with other work: $BENCH_LOAD)"$'\n'
  BATCH_OUT+="$(jfr_summary "batch-$format" || true)"$'\n'
done
RSS_END=$(rss_mib "$RPT_REPORT_PID")

# ---------------------------------------------------------------- 4. single documents again, JIT steady state
# After the batches (thousands of documents) the JIT has compiled the rendering code: the same measurement
# without warm-up shows what a document costs once the service has run a while.
busy_check
time_documents steady 0
busy_check_after
LOAD_STEADY=$BENCH_LOAD
STEADY_TABLE=$(documents_table steady "steady state, after the batches")
printf '%s\n' "$STEADY_TABLE" >&2

# JFR=1: PROFILE_RUNS more department reports as PDF (steady state) under their own recording, and where the time of
# PdfRenderer.fromHtml goes (innermost matching frame of each execution sample).
if [[ ${JFR:-0} == 1 ]]; then
  log "JFR: ${PROFILE_RUNS:-30} more DEPARTMENT_REPORT PDF for the profile"
  jfr_start report-pdf
  for ((i = 0; i < ${PROFILE_RUNS:-30}; i++)); do post_report DEPARTMENT_REPORT PDF "$W/resp.json" >/dev/null; done
  jfr_stop report-pdf
  jfr_summary report-pdf >"$W/jfr-report-pdf.txt" || true
  jfr print --stack-depth 160 --events jdk.ExecutionSample,jdk.ObjectAllocationSample,jdk.ExceptionStatistics "$EVID/report-pdf.jfr" 2>/dev/null |
    python3 -c '
import collections, re, sys
MARKERS = [  # (substring of a frame, what it is); the innermost frame that matches decides
    ("PdfFonts.missing", "PdfFonts.missing: which characters no font has (scan of the HTML)"),
    ("PdfFonts$Coverage", "PdfFonts.missing: reading the fonts cmaps (once)"),
    ("TTFSubsetter", "font subsetting when the PDF is saved (fontbox TTFSubsetter)"),
    ("GsubWorker", "GSUB of Latin text: a regex compiled per text run (fontbox GsubWorkerForLatin)"),
    ("encodeForGsub", "GSUB of Latin text: a regex compiled per text run (fontbox GsubWorkerForLatin)"),
    ("PDResources.add", "PDF/UA tagging: PDResources.add scans every property list (COSDictionary.containsValue)"),
    ("PdfBoxAccessibilityHelper", "PDF/UA tagging: structure tree (openhtmltopdf accessibility helper)"),
    ("org.apache.xmpbox", "XMP metadata (PDF/UA)"),
    ("PDCIDFont.readWidths", "loading the fonts for this document (PDType0Font.load: TrueType parsing, widths, cmaps)"),
    ("PDType0Font.load", "loading the fonts for this document (PDType0Font.load: TrueType parsing, widths, cmaps)"),
    ("org.apache.fontbox.ttf.TTFParser", "loading the fonts for this document (PDType0Font.load: TrueType parsing, widths, cmaps)"),
    ("org.apache.fontbox.ttf.CmapTable", "loading the fonts for this document (PDType0Font.load: TrueType parsing, widths, cmaps)"),
    ("PdfBoxFontResolver", "loading the fonts for this document (PDType0Font.load: TrueType parsing, widths, cmaps)"),
    ("COSWriter", "writing the PDF (COSWriter, compression)"),
    ("PDDocument.save", "writing the PDF (COSWriter, compression)"),
    ("PdfBoxTextRenderer", "measuring text, font per character (PdfBoxTextRenderer -> PDFont.getStringWidth/encode; throws for CJK in the Latin font)"),
    ("PdfBoxFastOutputDevice.drawString", "painting text (PDFBox showText, glyph widths, encoding)"),
    ("PdfContentStreamAdapter", "painting text (PDFBox showText, glyph widths, encoding)"),
    ("com.openhtmltopdf.render", "painting (openhtmltopdf render/display list)"),
    ("com.openhtmltopdf.pdfboxout", "painting (openhtmltopdf PDF output device)"),
    ("com.openhtmltopdf.layout", "layout (openhtmltopdf: boxes, line breaking)"),
    ("com.openhtmltopdf.css", "CSS cascade and styles (openhtmltopdf)"),
    ("xerces", "parsing the XHTML (JDK Xerces DOM)"),
    ("com.openhtmltopdf.resource", "parsing the XHTML (JDK Xerces DOM)"),
    ("HtmlDocuments", "Qute: the XHTML of the document"),
    ("ReportAssembler", "fetching the inputs (peers, narratives)"),
    ("PdfRenderer.fromHtml", "other, inside PdfRenderer.fromHtml"),
]
cats, alloc, classes = collections.Counter(), collections.Counter(), collections.Counter(); n = 0
UNITS = {"bytes": 1, "byte": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}
text = sys.stdin.read()
for block in re.split(r"\n(?=jdk\.\w+ \{)", text):
    frames = [re.sub(r"\s+line:.*", "", l.strip()) for l in block.split("stackTrace = [", 1)[-1].split("]", 1)[0].splitlines() if l.strip() and not l.strip().startswith("...")]
    if not any("DocumentRenderer.render" in f for f in frames):
        continue
    what = next((what for f in frames for key, what in MARKERS if key in f), "other (storing, JSON, …)")
    if block.startswith("jdk.ExecutionSample"):
        n += 1
        cats[what] += 1
    else:
        m = re.search(r"weight = ([\d.]+) (\w+)", block)
        c = re.search(r"objectClass = (\S+)", block)
        if m:
            w = float(m.group(1)) * UNITS.get(m.group(2), 1)
            alloc[what] += w
            classes[c.group(1) if c else "?"] += w
print(f"  JFR, DEPARTMENT_REPORT PDF only: {n} execution samples inside DocumentRenderer.render; by the innermost frame that says what it is:")
for k, v in cats.most_common():
    print(f"    {100 * v / max(1, n):5.1f}%  {k}")
total = sum(alloc.values())
print(f"   allocation (JFR allocation samples, weighted; {total / 2**20:.0f} MiB sampled in all): by what allocated it:")
for k, v in alloc.most_common(8):
    print(f"    {100 * v / max(1, total):5.1f}%  {k}")
print("   by class: " + ", ".join(f"{k} {100 * v / max(1, total):.0f} %" for k, v in classes.most_common(5)))
thrown = [int(x) for x in re.findall(r"throwables = (\d+)", text)]
if len(thrown) > 1:
    print(f"   exceptions thrown in the JVM during the recording: {max(thrown) - min(thrown)}, about {(max(thrown) - min(thrown)) / int(sys.argv[1]):.0f}"
          f" per document (jdk.ExceptionStatistics, once a second; the stack walks of fillInStackTrace are invisible to the execution sampler)")
' "${PROFILE_RUNS:-30}" >>"$W/jfr-report-pdf.txt" || true
fi


# ---------------------------------------------------------------- report
{
  cat <<REPORT

== bench/report-documents.sh: $DEPARTMENTS departments, $(date -u '+%Y-%m-%d %H:%M UTC') (total $((SECONDS - SCRIPT_T0)) s, setup $SETUP_S s)
machine: $(BENCH_LOAD="" machine_line)
checkout $(git -C "$ROOT" log -1 --format=%h)$(git -C "$ROOT" status --porcelain -- report-service/src | grep -q . && echo " (report-service/src has uncommitted changes)"); $(printf '%s; ' "${RPT_BUILT[@]}")
broker: $RPT_KAFKA_DESC
report-service JVM: $HEAP; options: ${RPT_JAVA_OPTS:-none}; batch concurrency: the service's default (report.batch.concurrency=2)$([[ ${JFR:-0} != 1 ]] || echo "; JFR recording on (slower)")
data: demo data in ${DEMO_S} s ($SUBJECT: $ZC_LINE; 12 narrative sections and 3 tasks written by the bench);
      $DEPARTMENTS departments of $REGION with budget and one ledger entry in ${DEPTS_S} s, $EVALS self-evaluations in ${EVALS_S} s

1. one document of $SUBJECT/$YEAR, $WARMUP warm-up + $RUNS timed requests each, one after the other (CPU busy with other work: $LOAD_SINGLE)
$SINGLE_TABLE
$(cat "$W/jfr-single.txt" 2>/dev/null)

2. floor of a batch: the peer reads for $DEPARTMENTS department forms, 2 workers, no rendering (CPU busy with other work: $LOAD_FLOOR)
  $FLOOR_LINE
  (calls=count:p50/p90 ms per kind of call)

3. batches of $DEPARTMENTS DEPARTMENT_FORM documents of $REGION
$BATCH_OUT  report-service RSS at the end: $RSS_END MiB

4. the same documents of $SUBJECT again after the batches (JIT steady state), $RUNS timed requests each (CPU busy with other work: $LOAD_STEADY)
$STEADY_TABLE
$(cat "$W/jfr-report-pdf.txt" 2>/dev/null)
  samples: $W/batch-*-samples.csv; logs: $BENCH_WORK/logs/*-bench*.log$([[ ${JFR:-0} != 1 ]] || echo "; JFR: $EVID")
REPORT
} | tee "$RESULTS"
log "results saved in $RESULTS"
