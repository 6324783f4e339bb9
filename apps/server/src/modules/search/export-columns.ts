import { LEGAL_STATUS_LABELS, PATENT_TYPE_LABELS } from "@zhichan/shared";
import type { HitRow } from "./hits.repository.js";

/** Export columns: bilingual headers, one cell function each. */
export const EXPORT_COLUMNS: { header: string; width: number; cell: (r: HitRow) => string }[] = [
  { header: "公开号 Publication No.", width: 18, cell: (r) => r.pub_no },
  { header: "申请号 Application No.", width: 20, cell: (r) => r.app_no ?? "" },
  { header: "标题 Title", width: 40, cell: (r) => r.title },
  {
    header: "申请人 Applicants",
    width: 30,
    cell: (r) => r.applicants.map((a) => a.name).join("; ") || (r.applicants_raw ?? ""),
  },
  { header: "发明人 Inventors", width: 24, cell: (r) => r.inventors ?? "" },
  { header: "申请日 Application date", width: 12, cell: (r) => r.app_date ?? "" },
  { header: "公开日 Publication date", width: 12, cell: (r) => r.pub_date ?? "" },
  { header: "授权日 Grant date", width: 12, cell: (r) => r.grant_date ?? "" },
  {
    header: "类型 Type",
    width: 10,
    cell: (r) => PATENT_TYPE_LABELS[r.type as keyof typeof PATENT_TYPE_LABELS]?.zh ?? r.type,
  },
  {
    header: "法律状态 Legal status",
    width: 10,
    cell: (r) => LEGAL_STATUS_LABELS[r.status as keyof typeof LEGAL_STATUS_LABELS]?.zh ?? r.status,
  },
  { header: "原始法律状态 Raw status", width: 14, cell: (r) => r.status_raw ?? "" },
  { header: "主分类号 Main IPC", width: 14, cell: (r) => r.ipc_main ?? "" },
  { header: "IPC", width: 30, cell: (r) => r.ipc_all ?? "" },
  { header: "地区代码 Region code", width: 10, cell: (r) => r.district_code ?? r.city_code ?? r.province_code ?? "" },
  { header: "代理机构 Agency", width: 24, cell: (r) => r.agency ?? "" },
  { header: "代理人 Agent", width: 12, cell: (r) => r.agent ?? "" },
  { header: "摘要 Abstract", width: 60, cell: (r) => r.abstract ?? "" },
];

/**
 * A spreadsheet treats a cell starting with = + - @ (or a tab/CR) as a formula; a leading apostrophe keeps it text.
 * Line breaks become spaces so one row is one line (the web app counts rows by lines for its progress bar).
 */
export function safeCell(v: string): string {
  const flat = v.replace(/[\r\n]+/g, " ");
  return /^[=+\-@\t\r]/.test(flat) ? `'${flat}` : flat;
}
