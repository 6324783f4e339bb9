import type { DistrictList } from "@zhichan/shared";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { getJson } from "../../api/client";
import { DISTRICTS } from "../registry/labels";

let once: Promise<DistrictList["districts"]> | null = null;

/**
 * The city's districts as select options, named in the UI language (GET /api/accounts/districts, fetched once per
 * page load). Until it answers — or for a visitor it does not answer — the Chinese names are used in the Chinese UI
 * and the codes in the English one, never a name in the other language.
 */
export function useDistrictOptions(): { value: string; label: string }[] {
  const { i18n } = useTranslation();
  const [districts, setDistricts] = useState<DistrictList["districts"] | null>(null);
  useEffect(() => {
    once ??= getJson<DistrictList>("/accounts/districts").then(
      (r) => r.districts,
      () => {
        once = null;
        return DISTRICTS.map(([code, name]) => ({ code, name, nameEn: code }));
      },
    );
    let live = true;
    once.then((d) => live && setDistricts(d));
    return () => {
      live = false;
    };
  }, []);
  const list = districts ?? DISTRICTS.map(([code, name]) => ({ code, name, nameEn: code }));
  return list.map((d) => ({ value: d.code, label: i18n.language === "en" ? d.nameEn : d.name }));
}
