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

/** Early years each holding less than this share of all dated hits are left off the trend by default. */
export const TREND_MIN_SHARE = 0.001;

export interface TrendWindow {
  /** The years drawn. */
  series: Datum[];
  /** The leading years left off, or null when none were: first and last year and the patents they hold. */
  hidden: { from: string; to: string; count: number } | null;
}

/**
 * The trend from the first year that holds a meaningful share of the hits: a collection whose records run from
 * 1903 would otherwise spend most of its axis on a flat line. Only leading years are trimmed (a gap later on is
 * real), and `all` draws every year.
 */
export function trendWindow(buckets: FacetBucket[] = [], all = false): TrendWindow {
  const series = yearSeries(buckets);
  const total = series.reduce((n, d) => n + d.value, 0);
  if (all || total === 0) return { series, hidden: null };
  const start = series.findIndex((d) => d.value >= total * TREND_MIN_SHARE);
  if (start <= 0) return { series, hidden: null };
  const left = series.slice(0, start);
  return {
    series: series.slice(start),
    hidden: { from: left[0].name, to: left[left.length - 1].name, count: left.reduce((n, d) => n + d.value, 0) },
  };
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
