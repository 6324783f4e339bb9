import type { DistrictList } from "@zhichan/shared";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { getJson } from "../../api/client";
import { codes as codesEn } from "../../i18n/pages/en/codes";
import { codes as codesZh } from "../../i18n/pages/zh/codes";
import { DISTRICT_CODES } from "../registry/labels";

/** The catalogue's names, until (or unless) the server's list answers. */
const FALLBACK = DISTRICT_CODES.map((code) => ({ code, name: codesZh.region[code], nameEn: codesEn.region[code] }));

let once: Promise<DistrictList["districts"]> | null = null;

/**
 * The city's districts as select options, named in the UI language (GET /api/accounts/districts, fetched once per
 * page load). Until it answers — or for a visitor it does not answer — the catalogue's names (codes.region) serve,
 * in the UI's language, never a name in the other language.
 */
export function useDistrictOptions(): { value: string; label: string }[] {
  const { i18n } = useTranslation();
  const [districts, setDistricts] = useState<DistrictList["districts"] | null>(null);
  useEffect(() => {
    once ??= getJson<DistrictList>("/accounts/districts").then(
      (r) => r.districts,
      () => {
        once = null;
        return FALLBACK;
      },
    );
    let live = true;
    once.then((d) => live && setDistricts(d));
    return () => {
      live = false;
    };
  }, []);
  const list = districts ?? FALLBACK;
  return list.map((d) => ({ value: d.code, label: i18n.language === "en" ? d.nameEn : d.name }));
}
