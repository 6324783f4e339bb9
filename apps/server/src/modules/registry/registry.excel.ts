import { LABELS_ZH, ORG_CATEGORIES, PERSON_CATEGORIES, type RegistryKind } from "@zhichan/shared";
import ExcelJS from "exceljs";
import type { Cell } from "../imports/readers/table.js";

/** One column of the registry workbook: header text, the input field it fills, and a hint shown in the template. */
export interface SheetColumn {
  header: string;
  field: string;
  required?: boolean;
  hint: string;
}

const COMMON_TAIL: SheetColumn[] = [
  { header: "区县代码", field: "districtCode", hint: "六位统计区划代码，如 410105（金水区）" },
  { header: "功能区", field: "zone", hint: "郑东新区 / 高新区 / 经开区 / 航空港区，可空" },
  { header: "资质", field: "qualifications", hint: "多个用；分隔，如 知识产权强企；国家级品牌机构" },
  { header: "状态", field: "status", hint: "有效 / 暂停 / 注销（默认 有效）" },
  { header: "生效日期", field: "since", hint: "成立、认定或执业日期 YYYY-MM-DD" },
  { header: "终止日期", field: "ended", hint: "注销或撤销日期 YYYY-MM-DD，可空" },
  { header: "备注", field: "notes", hint: "" },
];

export const SHEET_COLUMNS: Record<RegistryKind, SheetColumn[]> = {
  orgs: [
    { header: "名称", field: "name", required: true, hint: "机构全称" },
    { header: "类别", field: "category", required: true, hint: ORG_CATEGORIES.map((c) => LABELS_ZH[c]).join(" / ") },
    { header: "统一社会信用代码", field: "creditCode", hint: "18 位；填写后按此代码更新已有记录" },
    { header: "地址", field: "address", hint: "" },
    { header: "品牌等级", field: "brand", hint: "无 / 省级 / 国家级" },
    ...COMMON_TAIL,
  ],
  people: [
    { header: "姓名", field: "name", required: true, hint: "" },
    { header: "类别", field: "category", required: true, hint: PERSON_CATEGORIES.map((c) => LABELS_ZH[c]).join(" / ") },
    { header: "证书编号", field: "certificateNo", hint: "执业证号等；填写后按此编号更新已有记录" },
    { header: "所属机构统一社会信用代码", field: "orgCreditCode", hint: "须为登记簿中已有机构" },
    ...COMMON_TAIL,
  ],
};

/** Reverse lookup: a code or its Chinese label → the code. */
export function codeFromLabel(value: string, codes: readonly string[]): string | null {
  const v = value.trim();
  if (codes.includes(v)) return v;
  return codes.find((c) => LABELS_ZH[c] === v) ?? null;
}

const STATUS_WORDS: Record<string, string> = { 有效: "active", 暂停: "suspended", 注销: "closed", 撤销: "closed" };
const BRAND_WORDS: Record<string, string> = { 无: "none", 省级: "provincial", 国家级: "national" };
export const statusFromText = (v: string) => STATUS_WORDS[v.trim()] ?? v.trim();
export const brandFromText = (v: string) => BRAND_WORDS[v.trim()] ?? v.trim();

/** A cell as text; dates become YYYY-MM-DD (Excel date cells arrive as Date). */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return "";
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === "number") return Number.isInteger(c) ? String(c) : String(c);
  return c.trim();
}

/** The import template: the header row, one hint row (skipped on import) and a list sheet of the allowed values. */
export async function templateWorkbook(kind: RegistryKind): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(kind === "orgs" ? "机构" : "人员");
  const cols = SHEET_COLUMNS[kind];
  ws.columns = cols.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    width: Math.max(14, c.header.length * 3),
  }));
  ws.addRow(cols.map((c) => `说明：${c.hint}`));
  ws.getRow(1).font = { bold: true };
  ws.getRow(2).font = { italic: true, color: { argb: "FF888888" } };
  const lists = wb.addWorksheet("可选值");
  const cats = kind === "orgs" ? ORG_CATEGORIES : PERSON_CATEGORIES;
  lists.addRow(["类别", "代码"]);
  for (const c of cats) lists.addRow([LABELS_ZH[c], c]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A workbook of rows under the same headers the import reads, so an export can be edited and imported back. */
export async function rowsWorkbook(
  kind: RegistryKind,
  rows: Record<string, unknown>[],
  extra: SheetColumn[] = [],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(kind === "orgs" ? "机构" : "人员");
  const cols = [...SHEET_COLUMNS[kind], ...extra];
  ws.columns = cols.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    width: Math.max(14, c.header.length * 3),
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(cols.map((c) => r[c.field] ?? ""));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
