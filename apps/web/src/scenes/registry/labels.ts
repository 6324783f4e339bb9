import { LABELS_ZH, ORG_CATEGORIES, PERSON_CATEGORIES, RECORD_STATUSES, ZONE_NAMES } from "@zhichan/shared";
import { useCodes } from "../../i18n/useCodes";

/** Zhengzhou's county-level divisions (2023 statistical codes, data/regions); named in the UI by codes.region. */
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

type Option = { value: string; label: string };

/** The registry's codes in words and its select options, in the UI language (codes.registry, codes.zone …). */
export function useRegistryLabels() {
  const { code, region } = useCodes();
  const label = (c: string | null | undefined) => code("registry", c);
  return {
    label,
    districtName: (c: string | null | undefined) => region(c),
    zoneName: (z: string | null | undefined) => code("zone", z),
    orgCategoryOptions: ORG_CATEGORIES.map((c): Option => ({ value: c, label: label(c) })),
    personCategoryOptions: PERSON_CATEGORIES.map((c): Option => ({ value: c, label: label(c) })),
    statusOptions: RECORD_STATUSES.map((s) => ({ value: s, label: label(s) })),
    zoneOptions: ZONE_NAMES.map((z) => ({ value: z, label: code("zone", z) })),
    districtOptions: DISTRICTS.map(([c]) => ({ value: c, label: region(c) })),
    brandOptions: ["none", "provincial", "national"].map((b) => ({ value: b, label: code("brandLevel", b) })),
  };
}

/**
 * @deprecated Chinese-only options kept for RecordForm until its per-field rewrite lands (it now reads useCodes);
 * everything else uses useRegistryLabels.
 */
export const label = (c: string | null | undefined) => (c ? (LABELS_ZH[c] ?? c) : "—");
/** @deprecated see label */
export const orgCategoryOptions = ORG_CATEGORIES.map((c) => ({ value: c, label: LABELS_ZH[c] }));
/** @deprecated see label */
export const personCategoryOptions = PERSON_CATEGORIES.map((c) => ({ value: c, label: LABELS_ZH[c] }));
/** @deprecated see label */
export const zoneOptions = ZONE_NAMES.map((z) => ({ value: z, label: z }));
/** @deprecated see label */
export const statusOptions = RECORD_STATUSES.map((s) => ({ value: s, label: LABELS_ZH[s] }));
/** @deprecated see label */
export const districtOptions = DISTRICTS.map(([value, name]) => ({ value, label: name }));
/** @deprecated see label (useRegistryLabels().districtName names districts in the UI language) */
export const districtName = (code: string | null) =>
  code ? (DISTRICTS.find(([c]) => c === code)?.[1] ?? code) : "未知";
