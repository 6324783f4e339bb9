import type { FacetBucket } from "@zhichan/shared";
import type { TFunction } from "i18next";
import type { Datum } from "../../charts/options";
import { codeWithTitle } from "../search/facetLabel";

/** Years ascending with missing years filled as 0, so the trend line has no false slopes. */
export function yearSeries(buckets: FacetBucket[] = []): Datum[] {
  const years = buckets.map((b) => Number(b.value)).filter((y) => Number.isFinite(y) && y > 1900);
  if (years.length === 0) return [];
  const counts = new Map(buckets.map((b) => [Number(b.value), b.count]));
  const out: Datum[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++)
    out.push({ name: String(y), value: counts.get(y) ?? 0 });
  return out;
}

/** Enum buckets (type, status) with translated names. */
export function enumSeries(buckets: FacetBucket[] = [], prefix: "types" | "statuses", t: TFunction): Datum[] {
  return buckets.map((b) => ({
    name: t(`${prefix}.${b.value}`, { defaultValue: b.label || b.value }),
    value: b.count,
  }));
}

/** Top-n named buckets; codes with their (Chinese) titles in the Chinese UI, the code alone in the English UI. */
export function topSeries(buckets: FacetBucket[] = [], n: number, withCode: boolean): Datum[] {
  return buckets.slice(0, n).map((b) => ({
    name: withCode ? codeWithTitle(b.value, b.label) : b.label || b.value,
    value: b.count,
  }));
}
