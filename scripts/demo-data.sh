#!/usr/bin/env bash
# Demo data from the three 2022 self-evaluation seeds (区工商联 of 天河, 花都, 增城), loaded through
# budget-service's REST API. `./suite.sh up` runs it once the services are ready; it is idempotent,
# so it runs again on every `up`:
#   - departments, budgets, projects: POST; 409 "already exists" is skipped (existing data is kept as is);
#   - the budget adjustment of 天河: posted only while the department-year has no adjustment;
#   - the ledger: one bulk import of scripts/demo/ledger-2022.csv; the same bytes again are a no-op
#     (200 ALREADY_IMPORTED); a ledger filled from anything else is left alone (see "the ledger").
# Run by hand (services up):  bash scripts/demo-data.sh
# Environment: BUDGET_URL (default http://127.0.0.1:8081), EVALUATION_URL (8082), REPORT_URL (8083),
# TOKEN_CMD (default "<repo>/suite.sh token"; `$TOKEN_CMD finance` prints a finance JWT). The evaluation and
# report parts run only when that service answers.
#
# Figures (yuan; 1 万元 = 10000.00 元):
#   天河 GZ-TH-GSL  年初 417.82万 + 追加 0.21万 = 418.03万, 实际 401.42万 → 96.03%
#   花都 GZ-HD-GSL  预算 628.47万 (项目 118.73万), 决算 616.04万 → 98.02%
#   增城 GZ-ZC-GSL  536.58万 = 基本 441.13万 + 项目 95.45万, 支出 93% = 499.0194万 → 93.00%
# The seeds give the totals; the split of each total by type, month, project and 经济分类, the staff
# numbers and the 三公 figures are illustrative.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
BUDGET_URL=${BUDGET_URL:-http://127.0.0.1:8081}
BUDGET_URL=${BUDGET_URL%/}
TOKEN_CMD=${TOKEN_CMD:-$HERE/../suite.sh token}
LEDGER_CSV="$HERE/demo/ledger-2022.csv"
YEAR=2022
API="$BUDGET_URL/api/v1"

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'WARN: %s\n' "$*" >&2; }
die() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 1
}

command -v curl >/dev/null 2>&1 || die "curl is required"
if command -v jq >/dev/null 2>&1; then
  JSON_TOOL=jq
elif command -v python3 >/dev/null 2>&1; then
  JSON_TOOL=python3
else
  die "jq or python3 is required to read the API's answers"
fi
[[ -f $LEDGER_CSV ]] || die "missing $LEDGER_CSV"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
BODY="$WORK/body"

read -ra token_cmd <<<"$TOKEN_CMD"
TOKEN=$("${token_cmd[@]}" finance) || die "cannot mint a token with: $TOKEN_CMD finance"
[[ -n $TOKEN ]] || die "empty token from: $TOKEN_CMD finance"

# json_get FILE PATH: print the value at PATH (jq syntax limited to .a.b[0].c, or `length`) of the
# JSON document in FILE; nothing for null or missing. Numbers keep their decimals with python3.
json_get() {
  if [[ $JSON_TOOL == jq ]]; then
    jq -r "($2) // empty" "$1"
  else
    python3 - "$1" "$2" <<'EOF'
import decimal, json, re, sys
with open(sys.argv[1], encoding="utf-8") as f:
    v = json.load(f, parse_float=decimal.Decimal)
path = sys.argv[2]
if path == "length":
    v = len(v)
else:
    for name, index in re.findall(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]", path):
        if v is None:
            break
        if name:
            v = v.get(name) if isinstance(v, dict) else None
        else:
            v = v[int(index)] if isinstance(v, list) and int(index) < len(v) else None
if v is not None:
    print(str(v).lower() if isinstance(v, bool) else v)
EOF
  fi
}

# call METHOD PATH [CURL_ARGS...]: the response body goes to $BODY, the HTTP status to $STATUS.
STATUS=
call() {
  local method=$1 path=$2
  shift 2
  : >"$BODY"
  # 000 when there is no answer (curl says why).
  STATUS=$(curl -sS -o "$BODY" -w '%{http_code}' --max-time 120 -X "$method" \
    -H "Authorization: Bearer $TOKEN" -H 'Accept: application/json' "$@" "$API$path") || STATUS=000
}

# create WHAT PATH: POST the JSON on stdin; 201 created, 409 already there (skipped), else fail.
create() {
  local what=$1 path=$2
  call POST "$path" -H 'Content-Type: application/json' --data-binary @-
  case $STATUS in
    201) log "created $what" ;;
    409) log "$what already exists, kept as is" ;;
    *)
      cat "$BODY" >&2
      echo >&2
      die "POST $path answered $STATUS"
      ;;
  esac
}

# expect_ok WHAT: fail unless the last call answered 200.
expect_ok() {
  if [[ $STATUS != 200 ]]; then
    cat "$BODY" >&2
    echo >&2
    die "$1 answered $STATUS"
  fi
}

# project CODE PROJECT_CODE NAME INITIAL [DESCRIPTION]: a first-level project, general public budget.
project() {
  local dept=$1 code=$2 name=$3 initial=$4 description=${5:-}
  local desc_json=null
  [[ -n $description ]] && desc_json="\"$description\""
  create "project $dept/$YEAR/$code" "/departments/$dept/budgets/$YEAR/projects" <<EOF
{"code": "$code", "name": "$name", "level": 1, "fundingSource": "GENERAL_PUBLIC",
 "initialBudget": $initial, "description": $desc_json}
EOF
}

# ------------------------------------------------------------------ departments

create "department GZ-TH-GSL" /departments <<'EOF'
{"code": "GZ-TH-GSL", "name": "广州市天河区工商业联合会", "region": "天河区", "unitCount": 1,
 "functions": null, "internalBodies": null}
EOF

create "department GZ-HD-GSL" /departments <<'EOF'
{"code": "GZ-HD-GSL", "name": "广州市花都区工商业联合会", "region": "花都区", "unitCount": 1,
 "functions": "1.贯彻执行党的路线、方针、政策，在中国共产党的领导下，同各民主党派一起参政议政；参与国家事务、经济和社会重大的政治协商，发挥民主监督作用。\n2.协助上级和有关部门对非公有制经济发展过程中带有政策性、代表性的问题进行专题调研。\n3.引导、教育会员“爱国、敬业、守法、诚信”，督促会员自觉遵守国家的政策法令，履行应尽的社会责任和加强自身建设；维护会员的合法权益，反映会员的意见、要求，为参政议政、民主监督提供素材；为会员企业扩大经营，完善管理，提高效益等方面提供服务。\n4.协助会员出国（境）从事商务活动申办护照，出具证明和办理有关事项；牵头管理非公有制企业人员专业技术资格（职称）的评定工作；协助做好非公有制企业的产品质量技术监督工作；为非公有制经济人士的档案管理、人才交流、人才培训提供服务。\n5.开展与港澳同胞、海外侨胞中工商社团和工商界人士的联络工作，组织企业会员举办和参加各类招商会、展销会、交流贸易洽谈等活动，积极帮助会员企业拓展国内外市场，协助政府引进技术、资金、人才。\n6.指导镇街商会和行业商会开展工作。\n7.做好工商联会务服务工作。\n8.承办全国工商联、省工商联、广州市工商联交办的有关事项。",
 "internalBodies": "会员服务科"}
EOF

create "department GZ-ZC-GSL" /departments <<'EOF'
{"code": "GZ-ZC-GSL", "name": "广州市增城区工商业联合会", "region": "增城区", "unitCount": 1,
 "functions": null, "internalBodies": null}
EOF

# ------------------------------------------------------------------ 2022 budgets (年初预算)

# 天河: 417.82万 = 280.00 + 123.70 + 14.12
create "budget GZ-TH-GSL/$YEAR" "/departments/GZ-TH-GSL/budgets/$YEAR" <<'EOF'
{"allocations": [
   {"expenditureType": "PERSONNEL", "fundingSource": "GENERAL_PUBLIC", "amount": 2800000.00},
   {"expenditureType": "PUBLIC_FUNDS", "fundingSource": "GENERAL_PUBLIC", "amount": 1237000.00},
   {"expenditureType": "PROJECT", "fundingSource": "GENERAL_PUBLIC", "amount": 141200.00}],
 "threePublic": [
   {"category": "RECEPTION", "budget": 10000.00, "priorYearActual": 8600.00},
   {"category": "VEHICLES", "budget": 30000.00, "priorYearActual": 28500.00}],
 "staffQuota": 12, "actualStaff": 11}
EOF

# 花都: 628.47万 = 420.00 + 89.74 + 118.73
create "budget GZ-HD-GSL/$YEAR" "/departments/GZ-HD-GSL/budgets/$YEAR" <<'EOF'
{"allocations": [
   {"expenditureType": "PERSONNEL", "fundingSource": "GENERAL_PUBLIC", "amount": 4200000.00},
   {"expenditureType": "PUBLIC_FUNDS", "fundingSource": "GENERAL_PUBLIC", "amount": 897400.00},
   {"expenditureType": "PROJECT", "fundingSource": "GENERAL_PUBLIC", "amount": 1187300.00}],
 "threePublic": [
   {"category": "RECEPTION", "budget": 15000.00, "priorYearActual": 12300.00},
   {"category": "VEHICLES", "budget": 40000.00, "priorYearActual": 41200.00}],
 "staffQuota": 18, "actualStaff": 17}
EOF

# 增城: 536.58万 = 基本 441.13 (360.00 + 81.13) + 项目 95.45
create "budget GZ-ZC-GSL/$YEAR" "/departments/GZ-ZC-GSL/budgets/$YEAR" <<'EOF'
{"allocations": [
   {"expenditureType": "PERSONNEL", "fundingSource": "GENERAL_PUBLIC", "amount": 3600000.00},
   {"expenditureType": "PUBLIC_FUNDS", "fundingSource": "GENERAL_PUBLIC", "amount": 811300.00},
   {"expenditureType": "PROJECT", "fundingSource": "GENERAL_PUBLIC", "amount": 954500.00}],
 "threePublic": [
   {"category": "RECEPTION", "budget": 12000.00, "priorYearActual": 9800.00},
   {"category": "VEHICLES", "budget": 35000.00, "priorYearActual": 33000.00}],
 "staffQuota": 16, "actualStaff": 15}
EOF

# ------------------------------------------------------------------ projects (项目)

project GZ-TH-GSL TH-2022-GZJF "2022年区工商联工作经费" 141200.00 \
  "理想信念教育、“两个健康”、“四好”商会培育、非公党建四项任务的工作经费"

project GZ-HD-GSL HD-2022-KP "“鲲鹏计划”——花都区培育扶持高新企业创新工作" 798800.00 \
  "第二期“鲲鹏计划”：企业遴选、开班动员、企业家能力提升、结业典礼、企业培育、创新社区活动"
project GZ-HD-GSL HD-2022-DWPX "党务宣传、党员素质教育培训费" 8000.00 \
  "2022年8月12日非公有制企业党组织新任党支部书记履职培训班"
project GZ-HD-GSL HD-2022-LZJF "区工商联（总商会）履职工作经费" 380500.00 \
  "其余项目支出合并为一项（示例数据）"

project GZ-ZC-GSL ZC-2022-ZYPX "“卓越企业家”培训工程" 450000.00
project GZ-ZC-GSL ZC-2022-LZJF "区工商联履职工作经费" 504500.00

# ------------------------------------------------------------------ adjustments (预算调整)

# 天河: 年度预算调整数 0.21万 (418.03 − 417.82), recorded only while the year has no adjustment.
call GET "/departments/GZ-TH-GSL/budgets/$YEAR/adjustments"
expect_ok "GET adjustments of GZ-TH-GSL/$YEAR"
if [[ $(json_get "$BODY" length) == 0 ]]; then
  create "adjustment GZ-TH-GSL/$YEAR 追加 2100.00" "/departments/GZ-TH-GSL/budgets/$YEAR/adjustments" <<'EOF'
{"date": "2022-09-30", "kind": "ADDITION", "amount": 2100.00, "expenditureType": "PUBLIC_FUNDS",
 "fundingSource": "GENERAL_PUBLIC", "reason": "年中追加公用经费"}
EOF
else
  log "GZ-TH-GSL/$YEAR already has adjustments, none added"
fi

# ------------------------------------------------------------------ the ledger (支出台账)

# One bulk import of the whole CSV: all rows or none, and the same bytes again are a no-op (200
# ALREADY_IMPORTED). The danger is a ledger already filled otherwise, e.g. from an older version of
# the CSV (other bytes: it would be imported a second time). So the first entry of each ledger is
# checked: a ledger that holds entries not imported from this very file is left alone. To reload
# the demo from scratch, drop the database `budget` (PostgreSQL 127.0.0.1:5432, user postgres) and
# run `./suite.sh up` again.
SHA_HERE=$(sha256sum "$LEDGER_CSV" | cut -d' ' -f1)
import_ledger=1
for code in GZ-TH-GSL GZ-HD-GSL GZ-ZC-GSL; do
  call GET "/departments/$code/budgets/$YEAR/expenditures?size=1"
  expect_ok "GET expenditures of $code/$YEAR"
  [[ $(json_get "$BODY" .total) == 0 ]] && continue
  batch=$(json_get "$BODY" '.items[0].importBatchId')
  sha_there=
  if [[ -n $batch ]]; then
    call GET "/imports/$batch"
    expect_ok "GET import $batch"
    sha_there=$(json_get "$BODY" .sha256)
  fi
  if [[ $sha_there != "$SHA_HERE" ]]; then
    import_ledger=0
    warn "the ledger of $code/$YEAR holds entries that are not from $LEDGER_CSV" \
      "(import batch ${batch:-none}): the demo ledger is not imported; drop the database budget to reload the demo"
  fi
done
if ((import_ledger)); then
  call POST "/imports/expenditures?fileName=demo-2022.csv" -H 'Content-Type: text/csv' --data-binary "@$LEDGER_CSV"
  case $STATUS in
    201) log "imported $(json_get "$BODY" .rows) ledger entries (batch $(json_get "$BODY" .batchId))" ;;
    200) log "ledger already imported: $(json_get "$BODY" .status) (batch $(json_get "$BODY" .batchId))" ;;
    *)
      cat "$BODY" >&2
      echo >&2
      die "the ledger import answered ${STATUS/#000/nothing within 120 s}"
      ;;
  esac
fi

# ------------------------------------------------------------------ result

echo
echo "Demo data, fiscal year $YEAR (预算执行率 = 实际支出 ÷ 调整后预算; amounts in yuan):"
for pair in GZ-TH-GSL:96.03 GZ-HD-GSL:98.02 GZ-ZC-GSL:93.00; do
  code=${pair%%:*}
  expected=${pair#*:}
  call GET "/departments/$code/budgets/$YEAR/metrics"
  expect_ok "GET metrics of $code/$YEAR"
  rate=$(LC_ALL=C printf '%.2f' "$(json_get "$BODY" .executionRate.percent)")
  actual=$(LC_ALL=C printf '%.2f' "$(json_get "$BODY" .actualExpenditure)")
  adjusted=$(LC_ALL=C printf '%.2f' "$(json_get "$BODY" .adjustedBudget)")
  printf '  %-10s execution rate %6s%%   actual %12s / adjusted budget %12s\n' "$code" "$rate" "$actual" "$adjusted"
  [[ $rate == "$expected" ]] || warn "$code: execution rate $rate%, the seed says $expected%"
done
echo "  (as of a date: GET $API/departments/GZ-HD-GSL/budgets/$YEAR/metrics?asOf=2022-06-30)"

# ------------------------------------------------------------------ the 增城 self-evaluation (evaluation-service)
# The 2022 whole-department self-evaluation of 增城 with the seed's self-scores, scored by the rules of the shipped
# rule set GZ-DEPT-COMMON; 部门预算资金支出率 (93% → 9.30) and 公用经费控制率 (GL71, 760000 ÷ 811300 = 93.68% ≤ 100% →
# 2 of 2) come from budget.events. Created only once.
EVALUATION_URL=${EVALUATION_URL:-http://127.0.0.1:8082}
if curl -fsS -o /dev/null --max-time 5 "$EVALUATION_URL/q/openapi" 2>/dev/null; then
  API="$EVALUATION_URL/api/v1"
  call GET "/evaluations?departmentCode=GZ-ZC-GSL&fiscalYear=$YEAR"
  expect_ok "GET evaluations of GZ-ZC-GSL"
  if [[ $(json_get "$BODY" .total) == 0 ]]; then
    create "the 增城 $YEAR self-evaluation" /evaluations <<JSON
{"subjectType": "DEPARTMENT", "departmentCode": "GZ-ZC-GSL", "fiscalYear": $YEAR, "ruleSetCode": "GZ-DEPT-COMMON"}
JSON
    evaluation=$(json_get "$BODY" .id)
    # fill CODE JSON: PUT the values of an indicator, with the evaluation's current ETag
    fill() {
      local etag
      etag=$(curl -sS -D - -o /dev/null -H "Authorization: Bearer $TOKEN" "$API/evaluations/$evaluation" |
        tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
      call PUT "/evaluations/$evaluation/indicators/$1" -H 'Content-Type: application/json' -H "If-Match: $etag" \
        --data-binary "$2"
      expect_ok "PUT indicator $1"
    }
    fill LZ11 '{"band": "PARTIAL", "proposedScore": 12.5, "reason": "开展一期企业家培训班，培训人数为105人。", "measure": "提前筹划准备，做好应急预案，加强项目进度管理"}'
    fill LZ12 '{"band": "ACHIEVED", "proposedScore": 20}'
    fill LZ13 '{"reason": "年度平均执行率低于100%", "measure": "提前筹划准备，做好应急预案，加强进度管理。加快资金支付，确保支出进度达到序时进度要求"}'
    for code in GL11 GL21 GL22 GL31 GL32 GL41 GL42 GL43 GL51 GL52 GL53 GL54 GL56 GL61 GL62 GL63 GL64 GL65 GL66 GL72; do
      fill "$code" '{"yes": true}'
    done
    fill GL55 '{"yes": false, "proposedScore": 2, "justification": "合同延期盖章", "reason": "合同线上盖章，供应商因不会操作，查找不到盖章界面，导致延期盖章", "measure": "督促供应商线上签章"}'
    fill GL57 '{"proposedScore": 0.97, "justification": "预算资金支出率非100%", "reason": "预算资金支出率非100%", "measure": "精准预算项目与金额"}'
  else
    evaluation=$(json_get "$BODY" '.items[0].id')
    log "the 增城 $YEAR self-evaluation exists (id $evaluation), kept as is"
  fi
  call GET "/evaluations/$evaluation"
  expect_ok "GET evaluation $evaluation"
  echo "  增城 $YEAR self-evaluation $evaluation: total $(json_get "$BODY" .total) $(json_get "$BODY" .grade)" \
    "(the seed: 90.77 优; until budget.events arrive, 部门预算资金支出率 and 公用经费控制率 are unscored and the total empty)"
  echo "  GET $API/evaluations/$evaluation  ·  GET $API/monitoring?fiscalYear=$YEAR&asOf=2022-06-30"
fi

# ------------------------------------------------------------------ narratives and documents (report-service)
# Narrative sections from the seeds (written once; what a department changed later is kept), then one document of
# each kind asked to be kept current, so the suite shows them at once.
REPORT_URL=${REPORT_URL:-http://127.0.0.1:8083}
if curl -fsS -o /dev/null --max-time 5 "$REPORT_URL/q/openapi" 2>/dev/null; then
  API="$REPORT_URL/api/v1"
  # section DEPT SECTION TEXT: PUT the section unless it exists
  section() {
    call GET "/narratives/$1/$YEAR/sections/$2"
    if [[ $STATUS == 404 ]]; then
      python3 -c 'import json,sys; print(json.dumps({"content": sys.argv[1]}))' "$3" >"$WORK/section.json"
      call PUT "/narratives/$1/$YEAR/sections/$2" -H 'Content-Type: application/json' --data-binary "@$WORK/section.json"
      expect_ok "PUT narrative $1 $2"
      log "wrote $2 of $1"
    fi
  }
  section GZ-TH-GSL ANNUAL_GOALS $'1.强化思想政治引领，深入开展民营经济人士理想信念教育。\n2.服务“两个健康”，助力民营企业高质量发展。\n3.推动商会发展，培育创建“四好”商会。\n4.凝聚力量，助力疫情防控工作。\n5.聚焦重点，推动党建工作提质扩面。'
  section GZ-TH-GSL GOAL_ACHIEVEMENT '天河区工商联坚持以习近平新时代中国特色社会主义思想为指导，在区委、区政府的坚强领导下，以迎接和学习宣传贯彻党的二十大为主线，聚焦“两个健康”工作主题，持续强化思想政治引领、夯实服务型工商联、巩固提升基层基础，扎实推进各项工作。'
  call GET "/narratives/GZ-TH-GSL/$YEAR/tasks"
  if [[ $(json_get "$BODY" .version) == -1 ]]; then
    call PUT "/narratives/GZ-TH-GSL/$YEAR/tasks" -H 'Content-Type: application/json' --data-binary @- <<'JSON'
{"tasks": [
  {"name": "任务1 强化思想政治引领，深入开展民营经济人士理想信念教育。", "expectedGoal": "学习宣传贯彻党的二十大精神，统筹抓好机关和非公经济人士“两支队伍”的学习宣传贯彻工作。", "achievement": "参加线上线下学习活动1000余人次", "keyIndicator": "线上线下学习贯彻省第十三次党代会精神和《习近平谈治国理政》第四卷专题讲座", "indicatorResult": "4000余人参加"},
  {"name": "任务2 服务“两个健康”，助力民营企业高质量发展。", "expectedGoal": "高效完成我区创建省民营经济“两个健康”示范城市创建自评工作。", "achievement": "制定《天河区创建市“两个健康”示范城市工作方案》", "keyIndicator": "组织参加“读懂政策”系列宣传活动", "indicatorResult": "15场"},
  {"name": "任务3 推动商会发展，培育创建“四好”商会。", "expectedGoal": "培育创建“四好”商会", "achievement": "现有在册商会会员3097个，所属商协会31个", "keyIndicator": "各所属商协会开展项目推介、税务、民法典宣讲等各类活动", "indicatorResult": "超过50场"},
  {"name": "任务4 聚焦重点，推动党建工作提质扩面。", "expectedGoal": "全面推进党的组织覆盖和工作覆盖。", "achievement": "制定了《天河区工商联关于推进非公党建引领商会发展工作方案（试行）》", "keyIndicator": "赠阅《中华工商时报》等报刊", "indicatorResult": "完成", "funds": 99600.00}
]}
JSON
    expect_ok "PUT tasks of GZ-TH-GSL"
    log "wrote the tasks of GZ-TH-GSL"
  fi
  section GZ-HD-GSL CONCLUSION '根据各级财政预算绩效管理的要求，我部门积极推进预算绩效管理，有效开展部门整体支出绩效和项目绩效等各项管理工作，通过对绩效目标的有效管理，较好的推动了本部门预算管理的规范和资金使用效益的提高，取得了监督、控制、管理的效果。'
  section GZ-HD-GSL PROBLEMS $'（一）因疫情影响，启动时间滞后，项目执行进度受到一定影响。\n（二）项目预算不够精准。'
  section GZ-HD-GSL IMPROVEMENTS $'（一）加强项目前期调研，细化支出预算。\n（二）提前筹划准备，并做好应急预案，加强项目进度管理。'

  # document TYPE FORMAT DEPT: one kept-current document, unless the department already has one of that kind
  document() {
    call GET "/reports?departmentCode=$3&fiscalYear=$YEAR&type=$1"
    expect_ok "GET reports of $3"
    local id
    id=$(json_get "$BODY" '.items[0].id')
    if [[ -z $id ]]; then
      call POST /reports -H 'Content-Type: application/json' --data-binary @- <<JSON
{"type": "$1", "format": "$2", "departmentCode": "$3", "fiscalYear": $YEAR, "keepCurrent": true}
JSON
      [[ $STATUS == 201 ]] || die "POST /reports ($1 $2 $3) answered $STATUS: $(cat "$BODY")"
      id=$(json_get "$BODY" .id)
      log "generated $1 ($2) of $3: report $id"
    fi
    echo "  $3 $1 ($2): GET $REPORT_URL/api/v1/reports/$id/content"
  }
  document DEPARTMENT_FORM PDF GZ-TH-GSL
  document DEPARTMENT_FORM XLSX GZ-ZC-GSL
  document DEPARTMENT_REPORT DOCX GZ-HD-GSL
fi
