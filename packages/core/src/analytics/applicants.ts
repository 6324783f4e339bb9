import type { AnalyticsColumns } from "./columns.js";
import { pct, ratio, round, topK } from "./common.js";
import type { ApplicantsSection, ConcentrationSection, NewEntrantsSection, ReportLabels } from "./types.js";

/** Per-applicant counts over the hit rows, and each applicant's first application year in the hit set. */
export interface ApplicantTally {
  counts: Uint32Array;
  firstYear: Uint16Array; // 0 = no dated application
  recent: Uint32Array;
  previous: Uint32Array;
  /** Sum of counts over applicants (a co-applied patent counts for each applicant). */
  sum: number;
}

export function tallyApplicants(cols: AnalyticsColumns, rows: Int32Array, lastComplete: number): ApplicantTally {
  const n = cols.dict.applicant.length;
  const counts = new Uint32Array(n);
  const firstYear = new Uint16Array(n);
  const recent = new Uint32Array(n);
  const previous = new Uint32Array(n);
  const { offs, vals } = cols.applicants;
  let sum = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const y = cols.year[r];
    const isRecent = y > lastComplete - 3 && y <= lastComplete;
    const isPrev = y > lastComplete - 6 && y <= lastComplete - 3;
    for (let j = offs[r]; j < offs[r + 1]; j++) {
      const a = vals[j];
      counts[a]++;
      sum++;
      if (y > 0 && (firstYear[a] === 0 || y < firstYear[a])) firstYear[a] = y;
      if (isRecent) recent[a]++;
      else if (isPrev) previous[a]++;
    }
  }
  return { counts, firstYear, recent, previous, sum };
}

const MIX = 3;

export function topApplicants(
  cols: AnalyticsColumns,
  rows: Int32Array,
  t: ApplicantTally,
  topN: number,
  labels: ReportLabels,
): ApplicantsSection {
  const top = topK(t.counts, topN);
  const slot = new Int32Array(t.counts.length).fill(-1);
  top.forEach((a, k) => {
    slot[a] = k;
  });
  const nsub = cols.dict.subclass.length;
  const mix = new Uint32Array(top.length * nsub); // top applicant k × subclass
  const { offs, vals } = cols.applicants;
  const sub = cols.subclass;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (let j = offs[r]; j < offs[r + 1]; j++) {
      const k = slot[vals[j]];
      if (k < 0) continue;
      for (let s = sub.offs[r]; s < sub.offs[r + 1]; s++) mix[k * nsub + sub.vals[s]]++;
    }
  }
  const rowsOut = top.map((a, k) => {
    const key = cols.dict.applicant[a];
    const ipcMix = topK(mix.subarray(k * nsub, (k + 1) * nsub), MIX).map((o) => ({
      code: cols.dict.subclass[o],
      count: mix[k * nsub + o],
    }));
    return {
      key,
      name: labels.applicant(key),
      count: t.counts[a],
      share: round(ratio(t.counts[a], rows.length)),
      firstYear: t.firstYear[a],
      recent: t.recent[a],
      previous: t.previous[a],
      growth: t.previous[a] > 0 ? round(t.recent[a] / t.previous[a] - 1) : null,
      ipcMix,
    };
  });
  return { top: rowsOut, reading: applicantsReading(rowsOut) };
}

function applicantsReading(top: ApplicantsSection["top"]): string[] {
  if (top.length === 0) return ["命中文献没有可识别的申请人。"];
  const out = [`申请量最多的申请人是 ${top[0].name}（${top[0].count} 件，占 ${pct(top[0].share)}）。`];
  const growing = top.filter((a) => a.growth !== null && a.growth >= 0.5 && a.recent >= 3);
  if (growing.length > 0)
    out.push(
      `前 ${top.length} 名中近三年增长 50% 以上的有：${growing
        .slice(0, 5)
        .map((a) => a.name)
        .join("、")}。`,
    );
  const fading = top.filter((a) => a.recent === 0 && a.previous > 0);
  if (fading.length > 0)
    out.push(
      `近三年没有新申请的：${fading
        .slice(0, 5)
        .map((a) => a.name)
        .join("、")}。`,
    );
  return out;
}

/** Applicants whose first application in the hit set falls in the last `window` complete years. */
export function newEntrants(
  t: ApplicantTally,
  cols: AnalyticsColumns,
  lastComplete: number,
  topN: number,
  labels: ReportLabels,
  window = 3,
): NewEntrantsSection {
  const windowStart = lastComplete - window + 1;
  const byYear = new Map<number, number>();
  const entrantCounts = new Uint32Array(t.counts.length);
  let total = 0;
  for (let a = 0; a < t.counts.length; a++) {
    const fy = t.firstYear[a];
    if (t.counts[a] === 0 || fy < windowStart || fy > lastComplete) continue;
    total++;
    byYear.set(fy, (byYear.get(fy) ?? 0) + 1);
    entrantCounts[a] = t.counts[a];
  }
  const top = topK(entrantCounts, topN).map((a) => {
    const key = cols.dict.applicant[a];
    return { key, name: labels.applicant(key), firstYear: t.firstYear[a], count: t.counts[a] };
  });
  const years = [];
  for (let y = windowStart; y <= lastComplete; y++) years.push({ year: y, count: byYear.get(y) ?? 0 });
  let active = 0;
  for (let a = 0; a < t.counts.length; a++) if (t.counts[a] > 0) active++;
  const reading =
    total === 0
      ? [`${windowStart}–${lastComplete} 年没有首次出现的申请人。`]
      : [
          `${windowStart}–${lastComplete} 年首次出现的申请人 ${total} 个，占全部申请人 ${pct(ratio(total, active))}。`,
          top[0]
            ? `其中申请量最多的新进入者是 ${top[0].name}（${top[0].count} 件，首次申请 ${top[0].firstYear} 年）。`
            : "",
        ].filter(Boolean);
  return { windowStart, total, byYear: years, top, reading };
}

/**
 * CR4/CR8: share of the top 4/8 applicants; HHI: sum of squared shares × 10 000. Shares are of applicant-patent
 * pairs (a co-applied patent counts for each of its applicants), so shares sum to 1.
 */
export function concentration(t: ApplicantTally): ConcentrationSection {
  const nz: number[] = [];
  for (let a = 0; a < t.counts.length; a++) if (t.counts[a] > 0) nz.push(t.counts[a]);
  nz.sort((a, b) => b - a);
  const share = (k: number) =>
    ratio(
      nz.slice(0, k).reduce((s, c) => s + c, 0),
      t.sum,
    );
  let hhi = 0;
  for (const c of nz) hhi += (c / t.sum) ** 2;
  hhi *= 10_000;
  const level = hhi >= 2500 ? "高度集中" : hhi >= 1500 ? "中度集中" : hhi > 0 ? "竞争型（分散）" : "无申请人";
  const cr4 = round(share(4));
  const reading =
    nz.length === 0
      ? ["命中文献没有可识别的申请人。"]
      : [
          `${nz.length} 个申请人中，前 4 名占 ${pct(cr4)}（CR4），前 8 名占 ${pct(share(8))}（CR8）。`,
          `HHI 为 ${Math.round(hhi)}，按“≥2500 高度集中、1500–2500 中度集中、<1500 分散”的常用口径属于${level}。`,
        ];
  return { applicants: nz.length, cr4, cr8: round(share(8)), hhi: round(hhi, 1), level, reading };
}
