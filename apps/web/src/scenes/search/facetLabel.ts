import type { FacetBucket, FacetName } from "@zhichan/shared";
import i18n, { type TFunction } from "i18next";

const CJK = /[\u3400-\u9fff]/;

/**
 * A code's title as the server gives it (IPC and industry titles, region names are Chinese), in the UI language:
 * with the code in the Chinese UI, the code alone in the English UI when the title is Chinese.
 */
export function codeWithTitle(code: string, title: string | null | undefined, lang = i18n.language): string {
  if (!title || title === code) return code;
  if (CJK.test(title) && lang === "en") return code;
  return `${code} ${title}`;
}

/** What a bucket is called on screen: enums translated, regions by name, codes with their titles. */
export function facetLabel(facet: FacetName, b: FacetBucket, t: TFunction): string {
  if (facet === "type") return t(`types.${b.value}`, { defaultValue: b.label || b.value });
  if (facet === "status") return t(`statuses.${b.value}`, { defaultValue: b.label || b.value });
  if (facet === "year" || facet === "applicant" || facet === "agency") return b.label || b.value;
  if (facet === "province" || facet === "city" || facet === "district")
    return t(`codes.region.${b.value}`, { defaultValue: b.label || b.value });
  return codeWithTitle(b.value, b.label);
}
