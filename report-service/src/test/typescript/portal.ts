// A department portal's use of report-service, written against the TypeScript client generated from the served
// OpenAPI document (openapi-typescript -> ./schema, openapi-fetch). ServedContractTest type-checks it with
// tsc --strict (settings: scripts/node-tools/tsconfig.portal.json): it only has to compile. It narrows every
// nullable field before use and switches exhaustively over the enums, as a strict client must, so a change of the
// document that breaks such a client (a field becoming nullable, an enum value added) fails the build.
import createClient from "openapi-fetch";
import type { Readable } from "openapi-typescript-helpers";
import type { components, paths } from "./schema";

// openapi-fetch answers response bodies as Readable<…> (readOnly/writeOnly markers applied)
type Report = Readable<components["schemas"]["Report"]>;
type DocumentType = components["schemas"]["DocumentType"];
type DocumentFormat = components["schemas"]["DocumentFormat"];
type Problem = components["schemas"]["Problem"];

export function portal(baseUrl: string, token: string) {
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
}

function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}

export function typeLabel(t: DocumentType): string {
  switch (t) {
    case "DEPARTMENT_FORM":
      return "部门整体支出绩效自评表";
    case "DEPARTMENT_REPORT":
      return "部门整体支出绩效自评报告";
    case "PROJECT_FORM":
      return "项目支出绩效自评表";
    case "PROJECT_REPORT":
      return "项目支出绩效自评报告";
    case "REGION_SUMMARY":
      return "区域汇总";
    case "OPEN_DATA":
      return "公开数据";
    default:
      return assertNever(t);
  }
}

/** The file extension a download of this format is saved with. */
export function extension(f: DocumentFormat): string {
  switch (f) {
    case "XLSX":
      return ".xlsx";
    case "DOCX":
      return ".docx";
    case "PDF":
      return ".pdf";
    case "HTML":
      return ".html";
    case "JSON":
      return ".json";
    case "CSV":
      return ".csv";
    default:
      return assertNever(f);
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

function describe(r: Report): string {
  const type = r.type != null ? typeLabel(r.type) : "";
  const file = r.format != null ? `${r.fileName ?? "report"}${extension(r.format)}` : (r.fileName ?? "");
  const asOf = r.asOf;
  const cut = asOf != null ? ` as of ${asOf.slice(0, 10)}` : "";
  const reason = r.staleReason;
  const since = r.staleSince;
  const stale =
    r.stale === true ? ` — out of date${since != null ? ` since ${since}` : ""}: ${reason != null ? reason : "?"}` : "";
  return `#${r.id ?? 0} ${type} ${r.departmentCode ?? r.region ?? ""} ${r.fiscalYear ?? ""}${cut} ${file}${stale}`;
}

export async function staleReports(baseUrl: string, token: string, departmentCode: string, fiscalYear: number) {
  const client = portal(baseUrl, token);
  const { data, error } = await client.GET("/api/v1/reports", {
    params: { query: { departmentCode, fiscalYear, stale: true, page: 0, size: 50 } },
  });
  if (error !== undefined) {
    throw new Error(describeProblem(error));
  }
  return (data.items ?? []).map(describe);
}

export async function show(baseUrl: string, token: string, id: number): Promise<string | null> {
  const client = portal(baseUrl, token);
  const { data, error, response } = await client.GET("/api/v1/reports/{id}", { params: { path: { id } } });
  if (response.status === 404) {
    return null;
  }
  if (error !== undefined) {
    throw new Error(describeProblem(error));
  }
  const inputs = (data.inputs ?? []).map((i) => `${i.kind ?? ""} ${i.key ?? ""} v${i.version ?? 0}`).join(", ");
  return `${describe(data)} from ${inputs}`;
}

export async function requestDepartmentForm(baseUrl: string, token: string, departmentCode: string, year: number) {
  const client = portal(baseUrl, token);
  const { data, error } = await client.POST("/api/v1/reports", {
    body: { type: "DEPARTMENT_FORM", format: "PDF", departmentCode, fiscalYear: year, keepCurrent: true, asOf: null },
  });
  if (error !== undefined) {
    // the peers away is a 503 problem; a bad field a 400 problem naming it
    throw new Error(describeProblem(error));
  }
  return describe(data);
}
