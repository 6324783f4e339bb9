import { LEGAL_STATUS_LABELS, PATENT_TYPE_LABELS } from "@zhichan/shared";
import { DEFAULT_EXPORT_COLUMNS, type ExportColumnKey } from "@zhichan/shared/search-assist.ts";
import type { HitRow } from "./hits.repository.js";

export interface ExportColumn {
  header: string;
  width: number;
  cell: (r: HitRow) => string;
}

const num = (v: number | null) => (v === null ? "" : String(v));

/** Export columns by name (EXPORT_COLUMN_KEYS): bilingual headers, one cell function each. */
export const COLUMNS_BY_KEY: Record<ExportColumnKey, ExportColumn> = {
  pub_no: { header: "公开号 Publication No.", width: 18, cell: (r) => r.pub_no },
  app_no: { header: "申请号 Application No.", width: 20, cell: (r) => r.app_no ?? "" },
  title: { header: "标题 Title", width: 40, cell: (r) => r.title },
  applicants: {
    header: "申请人 Applicants",
    width: 30,
    cell: (r) => r.applicants.map((a) => a.name).join("; ") || (r.applicants_raw ?? ""),
  },
  inventors: { header: "发明人 Inventors", width: 24, cell: (r) => r.inventors ?? "" },
  app_date: { header: "申请日 Application date", width: 12, cell: (r) => r.app_date ?? "" },
  pub_date: { header: "公开日 Publication date", width: 12, cell: (r) => r.pub_date ?? "" },
  grant_date: { header: "授权日 Grant date", width: 12, cell: (r) => r.grant_date ?? "" },
  type: {
    header: "类型 Type",
    width: 10,
    cell: (r) => PATENT_TYPE_LABELS[r.type as keyof typeof PATENT_TYPE_LABELS]?.zh ?? r.type,
  },
  status: {
    header: "法律状态 Legal status",
    width: 10,
    cell: (r) => LEGAL_STATUS_LABELS[r.status as keyof typeof LEGAL_STATUS_LABELS]?.zh ?? r.status,
  },
  status_raw: { header: "原始法律状态 Raw status", width: 14, cell: (r) => r.status_raw ?? "" },
  ipc_main: { header: "主分类号 Main IPC", width: 14, cell: (r) => r.ipc_main ?? "" },
  ipc_all: { header: "IPC", width: 30, cell: (r) => r.ipc_all ?? "" },
  region: {
    header: "地区代码 Region code",
    width: 10,
    cell: (r) => r.district_code ?? r.city_code ?? r.province_code ?? "",
  },
  agency: { header: "代理机构 Agency", width: 24, cell: (r) => r.agency ?? "" },
  agent: { header: "代理人 Agent", width: 12, cell: (r) => r.agent ?? "" },
  abstract: { header: "摘要 Abstract", width: 60, cell: (r) => r.abstract ?? "" },
  title_en: { header: "英文标题 English title", width: 40, cell: (r) => r.title_en ?? "" },
  abstract_en: { header: "英文摘要 English abstract", width: 60, cell: (r) => r.abstract_en ?? "" },
  cpc: { header: "CPC", width: 30, cell: (r) => r.cpc ?? "" },
  priority_nos: { header: "优先权号 Priority numbers", width: 24, cell: (r) => r.priority_nos ?? "" },
  cited_refs: { header: "引用文献 Cited references", width: 30, cell: (r) => r.cited_refs ?? "" },
  cites_count: { header: "引用数 Citations made", width: 10, cell: (r) => num(r.cites_count) },
  cited_by_count: { header: "被引数 Times cited", width: 10, cell: (r) => num(r.cited_by_count) },
  family_id: { header: "同族号 Family id", width: 14, cell: (r) => r.family_id ?? "" },
  family_members: { header: "同族成员 Family members", width: 30, cell: (r) => r.family_members ?? "" },
  family_count: { header: "同族数 Family size", width: 10, cell: (r) => num(r.family_count) },
};

/** The columns of an export, in the order asked. */
export function exportColumns(keys: readonly ExportColumnKey[] = DEFAULT_EXPORT_COLUMNS): ExportColumn[] {
  return keys.map((k) => COLUMNS_BY_KEY[k]);
}

/** The default columns (a lookup's export, and a search export that names none). */
export const EXPORT_COLUMNS: ExportColumn[] = exportColumns();

/**
 * A spreadsheet treats a cell starting with = + - @ (or a tab/CR) as a formula; a leading apostrophe keeps it text.
 * Line breaks become spaces so one row is one line (the web app counts rows by lines for its progress bar).
 */
export function safeCell(v: string): string {
  const flat = v.replace(/[\r\n]+/g, " ");
  return /^[=+\-@\t\r]/.test(flat) ? `'${flat}` : flat;
}
