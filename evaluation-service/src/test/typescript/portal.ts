// A department portal's use of evaluation-service, written against the TypeScript client generated from the served
// OpenAPI document (openapi-typescript -> ./schema, openapi-fetch). ServedContractTest type-checks it with
// tsc --strict (settings: scripts/node-tools/tsconfig.portal.json): it only has to compile. It narrows every
// nullable field before use and switches exhaustively over the enums, as a strict client must, so a change of the
// document that breaks such a client (a field becoming nullable, an enum value added) fails the build.
import createClient from "openapi-fetch";
import type { Readable } from "openapi-typescript-helpers";
import type { components, paths } from "./schema";

// openapi-fetch answers response bodies as Readable<…> (readOnly/writeOnly markers applied)
type Evaluation = Readable<components["schemas"]["Evaluation"]>;
type Status = components["schemas"]["Status"];
type Kind = components["schemas"]["Kind"];
type SubjectType = components["schemas"]["SubjectType"];
type Severity = components["schemas"]["Severity"];
type Problem = components["schemas"]["Problem"];
type ScoringRule = components["schemas"]["ScoringRule"];

export function portal(baseUrl: string, token: string) {
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
}

function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}

/** How a rule scores, read through its discriminator: each branch sees only its own parameters. */
export function ruleSummary(rule: ScoringRule): string {
  if (rule === null) {
    return "（无评分规则）";
  }
  switch (rule.type) {
    case "RATIO_POSITIVE":
      return "实际值/目标值×分值";
    case "RATIO_REVERSE":
      return "反向指标";
    case "EQUAL":
      return "等于目标值得满分";
    case "THRESHOLD_STEPS":
      return `低于${rule.threshold}每${rule.step}扣分`;
    case "LINEAR_DEDUCTION":
      return "线性扣分";
    case "QUALITATIVE":
      return "定性评价";
    case "YES_NO":
      return "是/否";
    case "BUDGET_LINKED":
      return `按预算指标 ${rule.metric}`;
    case "MANUAL":
      return "人工评分";
    default:
      return assertNever(rule);
  }
}

/** What the department may do next with an evaluation in this status. */
export function nextStep(s: Status): string {
  switch (s) {
    case "DRAFT":
      return "填报并提交";
    case "SUBMITTED":
      return "等待审核";
    case "RETURNED":
      return "按退回意见修改后重新提交";
    case "APPROVED":
      return "等待公开";
    case "PUBLISHED":
      return "已公开";
    default:
      return assertNever(s);
  }
}

export function kindLabel(k: Kind): string {
  switch (k) {
    case "SELF":
      return "自评";
    case "DEPARTMENT":
      return "部门评价";
    case "FINANCE":
      return "财政评价";
    default:
      return assertNever(k);
  }
}

export function subjectLabel(t: SubjectType): string {
  switch (t) {
    case "PROJECT":
      return "项目支出绩效评价";
    case "DEPARTMENT":
      return "部门整体支出绩效评价";
    default:
      return assertNever(t);
  }
}

function blocksSubmission(s: Severity): boolean {
  switch (s) {
    case "ERROR":
      return true;
    case "WARNING":
    case "INFO":
      return false;
    default:
      return assertNever(s);
  }
}

/** What the portal shows of a problem: the field-level violations of a validation error, else the detail. */
export function describeProblem(p: Problem): string {
  const violations = p.violations ?? [];
  if (p.type === "urn:problem:validation" && violations.length > 0) {
    return violations
      .map((v) => {
        const where = v.pointer != null ? v.pointer : (v.field ?? "?");
        return `${where}: ${v.message ?? ""}`;
      })
      .join("; ");
  }
  return `${p.title ?? "Error"} (${p.status ?? 0}): ${p.detail ?? ""}`;
}

function describe(e: Evaluation): string {
  const total = e.total;
  const grade = e.grade;
  const score = total != null ? `${total.toFixed(2)} 分${grade != null ? ` (${grade})` : ""}` : "未评分";
  const project = e.projectCode;
  const subject = e.subjectType != null ? subjectLabel(e.subjectType) : "";
  const kind = e.kind != null ? kindLabel(e.kind) : "";
  const step = e.status != null ? nextStep(e.status) : "";
  const flagged = e.budgetChangedAfterSubmission === true ? " — 提交后预算数据已变化" : "";
  return `#${e.id ?? 0} ${e.departmentCode ?? ""}${project != null ? `/${project}` : ""} ${subject} ${kind}: ${score}, ${step}${flagged}`;
}

export async function listDrafts(baseUrl: string, token: string, departmentCode: string, fiscalYear: number) {
  const client = portal(baseUrl, token);
  const { data, error } = await client.GET("/api/v1/evaluations", {
    params: { query: { departmentCode, fiscalYear, status: "DRAFT", page: 0, size: 50 } },
  });
  if (error !== undefined) {
    throw new Error(describeProblem(error));
  }
  return (data.items ?? []).map(describe);
}

export async function show(baseUrl: string, token: string, id: number): Promise<string | null> {
  const client = portal(baseUrl, token);
  const { data, error, response } = await client.GET("/api/v1/evaluations/{id}", { params: { path: { id } } });
  if (response.status === 404) {
    return null;
  }
  if (error !== undefined) {
    throw new Error(describeProblem(error));
  }
  const rows = (data.indicators ?? []).length;
  return `${describe(data)} (${rows} indicators)`;
}

export async function startSelfEvaluation(baseUrl: string, token: string, departmentCode: string, year: number) {
  const client = portal(baseUrl, token);
  const { data, error } = await client.POST("/api/v1/evaluations", {
    body: {
      subjectType: "DEPARTMENT",
      departmentCode,
      fiscalYear: year,
      projectCode: null,
      kind: "SELF",
      ruleSetCode: "GZ-DEPT-COMMON",
    },
  });
  if (error !== undefined) {
    // a duplicate is a 409 problem, an unknown rule set a 400 problem naming ruleSetCode
    throw new Error(describeProblem(error));
  }
  return describe(data);
}

/** The findings that stop a submission, or none. */
export async function blockingFindings(baseUrl: string, token: string, id: number): Promise<string[]> {
  const client = portal(baseUrl, token);
  const { data, error } = await client.GET("/api/v1/evaluations/{id}/findings", { params: { path: { id } } });
  if (error !== undefined) {
    throw new Error(describeProblem(error));
  }
  return data
    .filter((f) => f.severity != null && blocksSubmission(f.severity))
    .map((f) => `${f.location ?? ""}: ${f.message ?? ""}`);
}
