import type { FacetBucket, FacetName } from "@zhichan/shared";
import type { TFunction } from "i18next";

/** What a bucket is called on screen: enums translated, codes shown with their (Chinese) names. */
export function facetLabel(facet: FacetName, b: FacetBucket, t: TFunction): string {
  if (facet === "type") return t(`types.${b.value}`, { defaultValue: b.label || b.value });
  if (facet === "status") return t(`statuses.${b.value}`, { defaultValue: b.label || b.value });
  if (facet === "year" || facet === "applicant" || facet === "agency") return b.label || b.value;
  if (b.label && b.label !== b.value) return `${b.value} ${b.label}`;
  return b.value;
}
