import type { AnalyticsColumns } from "./columns.js";
import { pct, ratio, round, topK } from "./common.js";
import type { FocusRegion, Named, RegionsSection, ReportLabels } from "./types.js";

const RTA_CODES = 15;

/** The region column a focus code is matched against: 2 digits province, 4 city, otherwise district. */
export function focusColumn(cols: AnalyticsColumns, code: string): Uint32Array {
  return code.length <= 2 ? cols.province : code.length <= 4 ? cols.city : cols.district;
}

/** 1 for every row (of the whole corpus) in the focus region. */
export function focusMask(cols: AnalyticsColumns, code: string): Uint8Array {
  const col = focusColumn(cols, code);
  const hit = new Uint8Array(cols.dict.region.length);
  cols.dict.region.forEach((c, o) => {
    if (c !== "" && (c === code || (code.length > 4 && c.startsWith(code)))) hit[o] = 1;
  });
  const mask = new Uint8Array(cols.rows);
  for (let r = 0; r < cols.rows; r++) mask[r] = hit[col[r]];
  return mask;
}

function named(cols: AnalyticsColumns, counts: Uint32Array, base: number, k: number, labels: ReportLabels): Named[] {
  return topK(counts, k)
    .filter((o) => o !== 0)
    .map((o) => {
      const code = cols.dict.region[o];
      return { code, name: labels.region(code), count: counts[o], share: round(ratio(counts[o], base)) };
    });
}

export function regions(
  cols: AnalyticsColumns,
  rows: Int32Array,
  focusCode: string | null,
  mask: Uint8Array | null,
  topN: number,
  labels: ReportLabels,
  corpus: Int32Array | null = null,
): RegionsSection {
  const nreg = cols.dict.region.length;
  const prov = new Uint32Array(nreg);
  const city = new Uint32Array(nreg);
  let located = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (cols.province[r] !== 0) located++;
    prov[cols.province[r]]++;
    city[cols.city[r]]++;
  }
  prov[0] = 0;
  city[0] = 0;
  const focus = focusCode && mask ? focusSection(cols, rows, focusCode, mask, topN, labels, corpus) : null;
  const provinces = named(cols, prov, rows.length, topN, labels);
  const cities = named(cols, city, rows.length, topN, labels);
  return { located, provinces, cities, focus, reading: regionReading(rows.length, located, provinces, focus) };
}

function focusSection(
  cols: AnalyticsColumns,
  rows: Int32Array,
  code: string,
  mask: Uint8Array,
  topN: number,
  labels: ReportLabels,
  corpus: Int32Array | null,
): FocusRegion {
  let count = 0;
  const sub = new Uint32Array(cols.dict.region.length);
  const subCol = code.length <= 2 ? cols.city : cols.district;
  const all = new Uint32Array(cols.dict.subclass.length);
  const inFocus = new Uint32Array(cols.dict.subclass.length);
  const { offs, vals } = cols.subclass;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const f = mask[r];
    if (f) {
      count++;
      sub[subCol[r]]++;
    }
    for (let j = offs[r]; j < offs[r + 1]; j++) {
      all[vals[j]]++;
      if (f) inFocus[vals[j]]++;
    }
  }
  sub[0] = 0;
  // the corpus in the report's unit: every row, or (inventions) one row per invention
  let corpusCount = 0;
  if (corpus) for (let i = 0; i < corpus.length; i++) corpusCount += mask[corpus[i]];
  else for (let r = 0; r < cols.rows; r++) corpusCount += mask[r];
  const share = ratio(count, rows.length);
  const corpusShare = ratio(corpusCount, corpus ? corpus.length : cols.rows);
  // RTA_i = (focus_i / focus total) / (all_i / all total), totals = documents of the hit set
  const rta = topK(all, RTA_CODES).map((o) => ({
    code: cols.dict.subclass[o],
    focusCount: inFocus[o],
    totalCount: all[o],
    focusShare: round(ratio(inFocus[o], all[o])),
    rta: count > 0 ? round(ratio(inFocus[o], count) / ratio(all[o], rows.length), 3) : 0,
  }));
  return {
    code,
    name: labels.region(code),
    count,
    share: round(share),
    corpusCount,
    corpusShare: round(corpusShare),
    quotient: corpusShare > 0 ? round(share / corpusShare, 3) : null,
    subregions: code.length >= 6 ? [] : named(cols, sub, count, topN, labels),
    rta,
  };
}

function regionReading(total: number, located: number, provinces: Named[], focus: FocusRegion | null): string[] {
  const out: string[] = [];
  out.push(
    `有申请人地址（省级）信息的文献 ${located} 件，占 ${pct(ratio(located, total))}${located < total ? "；其余多为境外申请人或来源未给出地址" : ""}。`,
  );
  if (provinces[0]) out.push(`申请最多的省份是 ${provinces[0].name}（${provinces[0].count} 件）。`);
  if (focus) {
    out.push(
      `${focus.name} 在命中文献中有 ${focus.count} 件，占 ${pct(focus.share)}；在全部数据中占 ${pct(focus.corpusShare)}${
        focus.quotient !== null ? `，区位商 ${focus.quotient.toFixed(2)}（>1 表示该领域在本地相对集中）` : ""
      }。`,
    );
    const strong = focus.rta.filter((r) => r.rta >= 1 && r.focusCount >= 3).map((r) => r.code);
    if (focus.count > 0)
      out.push(
        strong.length > 0
          ? `显示性技术优势（RTA ≥ 1 且至少 3 件）的小类：${strong.join("、")}。`
          : "主要 IPC 小类中没有 RTA ≥ 1 且至少 3 件的小类。",
      );
  }
  return out;
}
