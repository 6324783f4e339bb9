import type { District } from "@zhichan/shared";
import { useTranslation } from "react-i18next";
import { getDistricts } from "../../api/admin";
import { useAsync } from "../../components/useAsync";

/** The city's districts by name in the UI's language: options for pickers and a name for any stored code. */
export function useDistricts() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const list = useAsync(() => getDistricts(), []);
  const districts: District[] = list.data?.districts ?? [];
  const label = (d: District) => (en ? d.nameEn : d.name);
  /** A district (or a township beneath it) by name; no district means the whole city. */
  const name = (code: string | null | undefined): string => {
    if (!code) return t("admin.common.cityWide");
    const d = districts.find((x) => x.code === code.slice(0, 6));
    if (d) return label(d);
    return list.loading ? "…" : t("admin.common.otherDistrict");
  };
  const options = districts.map((d) => ({ value: d.code, label: label(d) }));
  return { districts, name, options, loading: list.loading };
}
