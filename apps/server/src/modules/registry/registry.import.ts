import {
  type ImportRowError,
  type ImportRowIssueCode,
  type ImportRowIssueParams,
  ORG_CATEGORIES,
  ORG_QUALIFICATIONS,
  OrgInput,
  PERSON_CATEGORIES,
  PERSON_QUALIFICATIONS,
  PersonInput,
  type RegistryKind,
} from "@zhichan/shared";
import { readUploadedRows, UNREADABLE_WORKBOOK } from "../../uploads/read-workbook.js";
import { brandFromText, cellText, codeFromLabel, SHEET_COLUMNS, statusFromText } from "./registry.excel.js";

export type ParsedRow =
  | { kind: "org"; row: number; input: OrgInput }
  | { kind: "person"; row: number; input: PersonInput };

export interface ImportHelpers {
  /** The registry id of an organisation visible to the caller, by credit code. */
  orgIdByCreditCode(code: string): number | null;
  /** Whether the caller may write a record placed here. */
  inScope(r: { districtCode: string | null; zone: string | null }): boolean;
}

const MAX_ROWS = 5000;

/** A problem of the whole file (row 0) or of the header row (row 1), with no input field of its own. */
function fileIssue(
  row: number,
  column: string | null,
  code: ImportRowIssueCode,
  params: ImportRowIssueParams,
  message: string,
): ImportRowError {
  return { row, column, field: null, code, params, message };
}

/** A schema issue's code and bounds, so the web app words it as its forms do (i18n/validation.ts issueText). */
function zodParams(issue: { code: string; message: string }): ImportRowIssueParams {
  const i = issue as unknown as Record<string, unknown>;
  const out: ImportRowIssueParams = { issue: issue.code, message: issue.message };
  for (const k of ["origin", "format", "exact"])
    if (typeof i[k] === "string" || typeof i[k] === "boolean") out[k] = i[k] as string | boolean;
  for (const k of ["minimum", "maximum"])
    if (typeof i[k] === "number" || typeof i[k] === "bigint") out[k] = Number(i[k]);
  return out;
}

/**
 * Reads an import workbook (first sheet, header row 1) into checked inputs. Every problem is reported with its
 * Excel row number (the header is row 1) and the column's header, so the person fixing the file can find it.
 */
export async function parseRegistrySheet(
  kind: RegistryKind,
  bytes: Uint8Array,
  h: ImportHelpers,
): Promise<{ rows: ParsedRow[]; errors: ImportRowError[] }> {
  const errors: ImportRowError[] = [];
  const cells = await readUploadedRows(bytes);
  if (!cells) return { rows: [], errors: [fileIssue(0, null, "unreadable", {}, UNREADABLE_WORKBOOK)] };
  const table = { rows: cells };
  const cols = SHEET_COLUMNS[kind];
  const header = (table.rows[0] ?? []).map((c) => cellText(c).replace(/\*$/, ""));
  const index = new Map<string, number>();
  for (const c of cols) {
    const i = header.indexOf(c.header);
    if (i >= 0) index.set(c.field, i);
    else if (c.required)
      errors.push(
        fileIssue(1, c.header, "missing_column", { column: c.header }, `缺少必需的列「${c.header}」 · missing column`),
      );
  }
  if (errors.length) return { rows: [], errors };
  const dataRows = table.rows.length - 1;
  if (dataRows > MAX_ROWS)
    return {
      rows: [],
      errors: [
        fileIssue(
          0,
          null,
          "too_many_rows",
          { max: MAX_ROWS },
          `一次最多导入 ${MAX_ROWS} 行 · at most ${MAX_ROWS} rows`,
        ),
      ],
    };

  const rows: ParsedRow[] = [];
  const seenKeys = new Map<string, number>();
  for (let r = 1; r < table.rows.length; r++) {
    const excelRow = r + 1;
    const cells = table.rows[r] ?? [];
    const get = (field: string) => {
      const i = index.get(field);
      return i === undefined ? "" : cellText(cells[i]);
    };
    const values = cols.map((c) => get(c.field));
    if (values.every((v) => v === "")) continue;
    if (values.some((v) => v.startsWith("说明："))) continue; // the template's hint row
    const rowErrors: ImportRowError[] = [];
    // a problem of one cell: its column's header as the file has it, the input field it fills, a code and parameters
    const err = (field: string | null, code: ImportRowIssueCode, params: ImportRowIssueParams, message: string) =>
      rowErrors.push({
        row: excelRow,
        column: field ? (cols.find((c) => c.field === field)?.header ?? field) : null,
        field: field || null,
        code,
        params,
        message,
      });

    const categories: readonly string[] = kind === "orgs" ? ORG_CATEGORIES : PERSON_CATEGORIES;
    const category = codeFromLabel(get("category"), categories);
    if (!category)
      err(
        "category",
        "unknown_category",
        { value: get("category") },
        `未知类别「${get("category")}」 · unknown category`,
      );
    const quals: string[] = [];
    const allowed: readonly string[] = kind === "orgs" ? ORG_QUALIFICATIONS : PERSON_QUALIFICATIONS;
    for (const q of get("qualifications")
      .split(/[;；,，、]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const code = codeFromLabel(q, allowed);
      if (code) quals.push(code);
      else err("qualifications", "unknown_qualification", { value: q }, `未知资质「${q}」 · unknown qualification`);
    }
    const base = {
      name: get("name"),
      category: category ?? "",
      districtCode: get("districtCode") || null,
      zone: get("zone") || null,
      qualifications: quals,
      status: get("status") ? statusFromText(get("status")) : "active",
      since: excelDate(get("since")) || null,
      ended: excelDate(get("ended")) || null,
      notes: get("notes") || null,
    };
    let parsed: ParsedRow | null = null;
    if (kind === "orgs") {
      const res = OrgInput.safeParse({
        ...base,
        creditCode: get("creditCode") || null,
        address: get("address") || null,
        brand: get("brand") ? brandFromText(get("brand")) : "none",
      });
      if (res.success) parsed = { kind: "org", row: excelRow, input: res.data };
      else
        for (const i of res.error.issues)
          if (!(i.path[0] === "category" && !category))
            err(String(i.path[0] ?? ""), "invalid", zodParams(i), i.message);
    } else {
      let orgId: number | null = null;
      const orgCode = get("orgCreditCode");
      if (orgCode) {
        orgId = h.orgIdByCreditCode(orgCode);
        if (orgId === null)
          err(
            "orgCreditCode",
            "unknown_org",
            { code: orgCode },
            `登记簿中没有统一社会信用代码为 ${orgCode} 的机构 · no organisation with this credit code`,
          );
      }
      const res = PersonInput.safeParse({ ...base, certificateNo: get("certificateNo") || null, orgId });
      if (res.success) parsed = { kind: "person", row: excelRow, input: res.data };
      else
        for (const i of res.error.issues)
          if (!(i.path[0] === "category" && !category))
            err(String(i.path[0] ?? ""), "invalid", zodParams(i), i.message);
    }
    if (parsed) {
      if (!h.inScope(parsed.input))
        err("districtCode", "out_of_scope", {}, "不在本辖区，无权导入 · outside your district");
      const key = parsed.kind === "org" ? parsed.input.creditCode : parsed.input.certificateNo;
      if (key) {
        const first = seenKeys.get(key);
        if (first !== undefined)
          err(
            parsed.kind === "org" ? "creditCode" : "certificateNo",
            "duplicate",
            { row: first },
            `与第 ${first} 行重复 · duplicate of row ${first}`,
          );
        else seenKeys.set(key, excelRow);
      }
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else if (parsed) rows.push(parsed);
  }
  return { rows, errors };
}

/** Excel stores dates as day serials; a serial typed into a cell without a date style arrives as a plain number. */
export function excelDate(v: string): string {
  if (!/^\d{5}(\.\d+)?$/.test(v)) return v;
  const n = Number(v);
  if (n < 20000 || n > 80000) return v;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86_400_000).toISOString().slice(0, 10);
}
