import { LABELS_ZH, ORG_CATEGORIES, PERSON_CATEGORIES, ZONE_NAMES } from "@zhichan/shared";

export const label = (code: string | null | undefined) => (code ? (LABELS_ZH[code] ?? code) : "—");
export const orgCategoryOptions: { value: string; label: string }[] = ORG_CATEGORIES.map((c) => ({
  value: c,
  label: LABELS_ZH[c],
}));
export const personCategoryOptions: { value: string; label: string }[] = PERSON_CATEGORIES.map((c) => ({
  value: c,
  label: LABELS_ZH[c],
}));
export const zoneOptions = ZONE_NAMES.map((z) => ({ value: z, label: z }));
export const statusOptions = ["active", "suspended", "closed", "candidate"].map((s) => ({
  value: s,
  label: LABELS_ZH[s],
}));
/** Zhengzhou's county-level divisions (2023 statistical codes, data/regions). */
export const DISTRICTS: [string, string][] = [
  ["410102", "中原区"],
  ["410103", "二七区"],
  ["410104", "管城回族区"],
  ["410105", "金水区"],
  ["410106", "上街区"],
  ["410108", "惠济区"],
  ["410122", "中牟县"],
  ["410171", "经开区"],
  ["410172", "高新区"],
  ["410173", "航空港区"],
  ["410181", "巩义市"],
  ["410182", "荥阳市"],
  ["410183", "新密市"],
  ["410184", "新郑市"],
  ["410185", "登封市"],
];
export const districtOptions = DISTRICTS.map(([value, name]) => ({ value, label: `${name} ${value}` }));
export const districtName = (code: string | null) =>
  code ? (DISTRICTS.find(([c]) => c === code)?.[1] ?? code) : "未知";
