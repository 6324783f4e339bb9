import { ZONE_NAMES } from "@zhichan/shared";
import { useCodes } from "../../i18n/useCodes";

/**
 * A survey aggregate's group in words: a district code (410105), a zone name (高新区), a category code
 * (patent_agency) or "unknown" — never the code, and in the UI's language rather than the server's Chinese label.
 */
export function useGroupName() {
  const { code, region, t } = useCodes();
  return (group: string, serverLabel?: string): string => {
    if (group === "unknown") return t("publicStats.unknownDistrict");
    if (/^\d{6}$/.test(group)) return region(group, serverLabel);
    if ((ZONE_NAMES as readonly string[]).includes(group)) return code("zone", group);
    return code("registry", group);
  };
}
