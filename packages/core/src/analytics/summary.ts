import type { AnalyticsColumns } from "./columns.js";
import { topK, yearRange } from "./common.js";

export interface SetSummary {
  size: number;
  recent: number;
  previous: number;
  growth: number | null;
  lastCompleteYear: number;
  byYear: { year: number; count: number }[];
  topApplicants: { key: string; name: string; count: number }[];
}

/**
 * A document set's size, applications per year, growth (last 3 complete years against the 3 before) and top
 * applicants: the figures an industry thematic database shows beside its name.
 */
export function summarizeSet(
  cols: AnalyticsColumns,
  rows: Int32Array,
  applicantName: (key: string) => string,
  lastCompleteYear: number,
  topN = 5,
): SetSummary {
  const { min, max } = yearRange(cols.year, rows);
  const counts = new Uint32Array(max > 0 ? max - min + 1 : 0);
  const apps = new Uint32Array(cols.dict.applicant.length);
  const { offs, vals } = cols.applicants;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (cols.year[r] > 0) counts[cols.year[r] - min]++;
    for (let j = offs[r]; j < offs[r + 1]; j++) apps[vals[j]]++;
  }
  const at = (y: number) => (y >= min && y <= max ? counts[y - min] : 0);
  let recent = 0;
  let previous = 0;
  for (let y = lastCompleteYear - 2; y <= lastCompleteYear; y++) recent += at(y);
  for (let y = lastCompleteYear - 5; y <= lastCompleteYear - 3; y++) previous += at(y);
  return {
    size: rows.length,
    recent,
    previous,
    growth: previous > 0 ? Math.round((recent / previous - 1) * 10_000) / 10_000 : null,
    lastCompleteYear,
    byYear: Array.from(counts, (count, k) => ({ year: min + k, count })),
    topApplicants: topK(apps, topN).map((a) => ({
      key: cols.dict.applicant[a],
      name: applicantName(cols.dict.applicant[a]),
      count: apps[a],
    })),
  };
}

/** The last complete application year of the whole corpus: its last year minus one (publication lag). */
export function corpusLastCompleteYear(cols: AnalyticsColumns): number {
  let max = 0;
  for (let r = 0; r < cols.rows; r++) if (cols.year[r] > max) max = cols.year[r];
  return max > 0 ? max - 1 : 0;
}
