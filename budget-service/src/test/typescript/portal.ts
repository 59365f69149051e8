// A department portal's use of budget-service, written against the TypeScript client generated from the served
// OpenAPI document (openapi-typescript -> ./schema, openapi-fetch). ServedContractTest type-checks it with
// tsc --strict (settings: scripts/node-tools/tsconfig.portal.json): it only has to compile. It narrows every
// nullable field before use and switches exhaustively over the enums, as a strict client must, so a change of the
// document that breaks such a client (a field becoming nullable, an enum value added) fails the build.
import createClient from "openapi-fetch";
import type { Readable } from "openapi-typescript-helpers";
import type { components, paths } from "./schema";

// openapi-fetch answers response bodies as Readable<…> (readOnly/writeOnly markers applied)
type Department = Readable<components["schemas"]["Department"]>;
type Expenditure = Readable<components["schemas"]["Expenditure"]>;
type ExpenditureType = components["schemas"]["ExpenditureType"];
type FundingSource = components["schemas"]["FundingSource"];
type Problem = components["schemas"]["Problem"];

export function portal(baseUrl: string, token: string) {
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
}

function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}

export function expenditureTypeLabel(t: ExpenditureType): string {
  switch (t) {
    case "PERSONNEL":
      return "基本支出-人员经费";
    case "PUBLIC_FUNDS":
      return "基本支出-公用经费";
    case "PROJECT":
      return "项目支出";
    default:
      return assertNever(t);
  }
}

export function fundingSourceLabel(s: FundingSource): string {
  switch (s) {
    case "GENERAL_PUBLIC":
      return "一般公共预算";
    case "GOVERNMENT_FUND":
      return "政府性基金";
    case "OTHER":
      return "其他资金";
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
        const row = v.row != null ? ` (row ${v.row})` : "";
        return `${where}${row}: ${v.message ?? ""}`;
      })
      .join("; ");
  }
  return `${p.title ?? "Error"} (${p.status ?? 0}): ${p.detail ?? ""}`;
}

function describeDepartment(d: Department): string {
  const parent = d.parentCode;
  const under = parent != null ? ` under ${parent.toUpperCase()}` : "";
  return `${d.code ?? ""} ${d.name ?? ""}${under} (version ${d.version ?? 0})`;
}

function describeExpenditure(e: Expenditure): string {
  const type = e.expenditureType;
  const source = e.fundingSource;
  const reverses = e.reversesId;
  const reversal = reverses != null ? `, reverses #${reverses.toFixed(0)}` : "";
  return `${e.date ?? ""} ${(e.amount ?? 0).toFixed(2)} ${type != null ? expenditureTypeLabel(type) : ""} ${
    source != null ? fundingSourceLabel(source) : ""
  }${reversal}`;
}

export async function showDepartments(baseUrl: string, token: string, region: string): Promise<string[]> {
  const client = portal(baseUrl, token);
  const { data, error } = await client.GET("/api/v1/departments", { params: { query: { region, page: 0, size: 50 } } });
  if (error !== undefined) {
    throw new Error(describeProblem(error));
  }
  return (data.items ?? []).map(describeDepartment);
}

export async function showDepartment(baseUrl: string, token: string, code: string): Promise<string | null> {
  const client = portal(baseUrl, token);
  const { data, error, response } = await client.GET("/api/v1/departments/{code}", { params: { path: { code } } });
  if (response.status === 404) {
    return null;
  }
  if (error !== undefined) {
    throw new Error(describeProblem(error));
  }
  const etag = response.headers.get("ETag");
  return `${describeDepartment(data)}${etag != null ? ` ETag ${etag}` : ""}`;
}

export async function createDepartment(baseUrl: string, token: string, code: string): Promise<string> {
  const client = portal(baseUrl, token);
  const { data, error } = await client.POST("/api/v1/departments", {
    body: { code, name: "广州市天河区工商业联合会", region: "天河区", parentCode: null, unitCount: 1 },
  });
  if (error !== undefined) {
    // every documented error is a problem: a duplicate code is a 409, a bad field a 400 naming it
    throw new Error(describeProblem(error));
  }
  return describeDepartment(data);
}

export async function showExpenditures(baseUrl: string, token: string, code: string, year: number): Promise<string[]> {
  const client = portal(baseUrl, token);
  const { data, error } = await client.GET("/api/v1/departments/{code}/budgets/{year}/expenditures", {
    params: { path: { code, year } },
  });
  if (error !== undefined) {
    throw new Error(describeProblem(error));
  }
  return (data.items ?? []).map(describeExpenditure);
}
