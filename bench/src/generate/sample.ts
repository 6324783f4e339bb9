/** Reads the real sample (data/patents) and turns its raw values into the engine's vocabulary. */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";

export interface SampleRow {
  publication_number: string;
  title: string;
  abstract: string;
  applicants: string;
  inventors: string;
  application_date: string;
  publication_date: string;
  application_year: string;
  patent_type: string;
  ipc_main: string;
  ipc_all: string;
  legal_status: string;
  applicant_district: string;
  agency: string;
  sei_category: string;
}

export function readCsvGz<T>(path: string): T[] {
  return parse(gunzipSync(readFileSync(path)), { columns: true, skip_empty_lines: true, relax_quotes: true }) as T[];
}

export function splitList(cell: string): string[] {
  return cell
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** "2020-03-09" → 20200309; anything else → 0. */
export function dateNumber(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return m ? Number(m[1] + m[2] + m[3]) : 0;
}

const TYPE_BY_RAW: Record<string, string> = {
  发明公布: "invention_application",
  发明授权: "invention_grant",
  实用新型: "utility_model",
  外观设计: "design",
};

export function patentType(raw: string): string {
  return TYPE_BY_RAW[raw] ?? "invention_application";
}

/** The sources' several status vocabularies (有效/审中/失效, 授权/公开/驳回 …) onto LegalStatus; first match wins. */
const STATUS_RULES: Array<[RegExp, string]> = [
  [/无效/, "invalidated"],
  [/驳回/, "rejected"],
  [/撤回|放弃/, "withdrawn"],
  [/失效|未缴年费|期限届满/, "lapsed"],
  [/有效|授权|有权/, "valid"],
  [/审中|实质审查|公开/, "pending"],
];

export function legalStatus(raw: string): string {
  for (const [pattern, status] of STATUS_RULES) if (pattern.test(raw)) return status;
  return "unknown";
}

/** "5.2 (新能源汽车装置、配件制造),1.5 (人工智能)" → ["5.2", "1.5"]; plain names without a code are dropped. */
export function seiCodes(cell: string): string[] {
  return [...cell.matchAll(/(\d+\.\d+)\s*\(/g)].map((m) => m[1]);
}

/** Canonical IPC: upper case, no spaces ("g06f 17/30" → "G06F17/30"). */
export function canonicalIpc(code: string): string {
  return code.replace(/\s+/g, "").toUpperCase();
}

/** District name → every level of its division code (["42", "4205", "420581"]), from data/regions/areas.csv. */
export function districtCodes(areasCsvGz: string): Map<string, string[]> {
  const rows = readCsvGz<{ code: string; name: string; cityCode: string; provinceCode: string }>(areasCsvGz);
  const byName = new Map<string, string[]>();
  for (const row of rows) {
    if (!byName.has(row.name)) byName.set(row.name, [row.provinceCode, row.cityCode, row.code]);
  }
  return byName;
}
