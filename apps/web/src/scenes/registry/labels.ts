import { ORG_CATEGORIES, PERSON_CATEGORIES, RECORD_STATUSES, ZONE_NAMES } from "@zhichan/shared";
import { useCodes } from "../../i18n/useCodes";

/** Zhengzhou's county-level divisions and zones (2023 statistical codes, data/regions); names: codes.region. */
export const DISTRICT_CODES = [
  "410102",
  "410103",
  "410104",
  "410105",
  "410106",
  "410108",
  "410122",
  "410171",
  "410172",
  "410173",
  "410181",
  "410182",
  "410183",
  "410184",
  "410185",
] as const;

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
    districtOptions: DISTRICT_CODES.map((c) => ({ value: c, label: region(c) })),
    brandOptions: ["none", "municipal", "provincial", "national"].map((b) => ({
      value: b,
      label: code("brandLevel", b),
    })),
  };
}
