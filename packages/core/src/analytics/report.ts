import { concentration, newEntrants, tallyApplicants, topApplicants } from "./applicants.js";
import type { AnalyticsColumns } from "./columns.js";
import { pct, ratio, yearRange, yearsOf } from "./common.js";
import { ipcStructure } from "./ipc.js";
import { cooperation, inventorTeams } from "./network.js";
import { focusMask, regions } from "./regions.js";
import { agencies, citations, legalStatus } from "./status.js";
import { lifecycle, trends } from "./trends.js";
import type { ReportData, ReportLabels, ReportOptions, ScopeSection } from "./types.js";

export type ReportProgress = (done: number, section: string) => void;

/**
 * The whole navigation report over the hit rows (row numbers into `cols`, each once). Pure: everything it
 * says comes from the columns, the rows and the labels.
 */
export function computeReport(
  cols: AnalyticsColumns,
  rows: Int32Array,
  opts: ReportOptions,
  labels: ReportLabels,
  onProgress?: ReportProgress,
): ReportData {
  const topN = opts.topN ?? 20;
  const { min, max } = yearRange(cols.year, rows);
  const lastComplete = opts.lastCompleteYear ?? (max > 0 ? max - 1 : 0);
  const years = yearsOf(min, max);
  const step = (k: number, name: string) => onProgress?.(k / 12, name);
  const mask = opts.focus ? focusMask(cols, opts.focus) : null;

  const unit = opts.unit ?? "publication";
  const corpusTotal = opts.corpus ? opts.corpus.length : cols.rows;
  const counted = unit === "invention" ? "件申请（同一申请的各次公开计为一件）" : "件公开文献";
  const scope: ScopeSection = {
    unit,
    total: rows.length,
    corpusTotal,
    yearMin: min,
    yearMax: max,
    lastCompleteYear: lastComplete,
    reading: [
      `检索命中 ${rows.length} ${counted}，占全部数据 ${corpusTotal} 件的 ${pct(ratio(rows.length, corpusTotal))}` +
        (max > 0 ? `，申请年份 ${min}–${max}。` : "。"),
    ],
  };
  const trendSection = trends(cols, rows, years, mask, labels, lastComplete);
  step(1, "trends");
  const life = lifecycle(cols, rows, years, lastComplete);
  step(2, "lifecycle");
  const ipc = ipcStructure(
    cols,
    rows,
    years.filter((y) => y <= lastComplete),
    topN,
    labels,
  );
  step(3, "ipc");
  const tally = tallyApplicants(cols, rows, lastComplete);
  const applicants = topApplicants(cols, rows, tally, topN, labels);
  step(4, "applicants");
  const entrants = newEntrants(tally, cols, lastComplete, topN, labels);
  step(5, "newEntrants");
  const conc = concentration(tally);
  step(6, "concentration");
  const coop = cooperation(cols, rows, labels);
  step(7, "cooperation");
  const inventors = inventorTeams(cols, rows, topN);
  step(8, "inventors");
  const reg = regions(cols, rows, opts.focus, mask, topN, labels, opts.corpus ?? null);
  step(9, "regions");
  const legal = legalStatus(cols, rows, labels);
  step(10, "legal");
  const cites = citations(cols, rows, topN);
  step(11, "citations");
  const agency = agencies(cols, rows, topN);
  step(12, "agencies");
  const conclusions = [
    trendSection.reading[1] ?? trendSection.reading[0],
    `技术生命周期：${life.stageName}。`,
    conc.reading[1] ?? conc.reading[0],
    applicants.reading[0],
    ipc.reading[0],
    ...(reg.focus ? reg.reading.slice(2) : []),
    legal.reading[1] ?? legal.reading[0],
  ].filter((s): s is string => !!s);
  return {
    scope,
    trends: trendSection,
    lifecycle: life,
    ipc,
    applicants,
    newEntrants: entrants,
    concentration: conc,
    cooperation: coop,
    inventors,
    regions: reg,
    legal,
    citations: cites,
    agencies: agency,
    conclusions,
  };
}
