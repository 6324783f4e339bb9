/**
 * `npm run bench:reports`: a full patent navigation report (every section, focus region 郑州) over 100k and 1M
 * documents generated from the real sample's statistics (seeded, the same generator as `npm run bench`).
 * Targets: <= 1 s at 100k, <= 5 s at 1M. The hit set is the whole corpus (the worst case) and a 10 % slice.
 *
 *   npm run bench:reports [-- --sizes 100000,1000000 --runs 3]
 */
import { join, resolve } from "node:path";
import {
  type AnalyticsColumns,
  type AnalyticsRecord,
  ColumnsBuilder,
  computeReport,
  type ReportLabels,
} from "@zhichan/core/analytics/index.ts";
import type { PatentDoc } from "@zhichan/core/search/types.ts";
import { generateDocs } from "./generate/generator.ts";
import { loadModel } from "./generate/model-cache.ts";

const SAMPLE = { patentsCsvGz: "data/patents/cn_patents_merged.csv.gz", areasCsvGz: "data/regions/areas.csv.gz" };
const GRANTED = new Set(["invention_grant", "utility_model", "design"]);

const labels: ReportLabels = {
  applicant: (k) => k,
  region: (c) => c,
  type: (t) => t,
  status: (s) => s,
};

/** A generated doc as the analytics see it. The generator has no citation counts: a seeded stand-in keeps the
 * citation section's work realistic (about 60 % covered, as in the real sample). */
export function docToRecord(d: PatentDoc): AnalyticsRecord {
  const h = Math.imul(d.id + 1, 2654435761) >>> 0;
  return {
    id: d.id,
    year: Math.floor(d.ad / 10_000),
    grantYear: GRANTED.has(d.type) && d.pd ? Math.floor(d.pd / 10_000) : 0,
    type: d.type,
    status: d.status,
    ipc: d.ipc,
    applicants: d.applicantIds,
    inventors: d.in,
    province: d.region.find((c) => c.length === 2) ?? "",
    city: d.region.find((c) => c.length === 4) ?? "",
    district: d.region.find((c) => c.length === 6) ?? "",
    agency: d.agc[0] ?? "",
    citedBy: h % 10 < 4 ? -1 : (h >>> 8) % 12,
    pubNo: d.pn,
    title: d.ti,
  };
}

export function buildColumns(size: number, seed = 20260101): { cols: AnalyticsColumns; ms: number } {
  const model = loadModel(SAMPLE, join(resolve("bench/out"), "cache"));
  const started = performance.now();
  const b = new ColumnsBuilder();
  for (const d of generateDocs(model, seed, size)) b.add(docToRecord(d));
  return { cols: b.build(), ms: performance.now() - started };
}

export interface ReportTiming {
  docs: number;
  hits: number;
  medianMs: number;
  runsMs: number[];
  targetMs: number;
  ok: boolean;
}

export function timeReport(cols: AnalyticsColumns, rows: Int32Array, runs: number, targetMs: number): ReportTiming {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    computeReport(cols, rows, { focus: "4101" }, labels);
    times.push(performance.now() - t);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return {
    docs: cols.rows,
    hits: rows.length,
    medianMs: Math.round(median),
    runsMs: times.map(Math.round),
    targetMs,
    ok: median <= targetMs,
  };
}

const targetFor = (docs: number) => (docs <= 100_000 ? 1000 : docs <= 1_000_000 ? 5000 : Number.POSITIVE_INFINITY);

export function runReportsBench(sizes: number[], runs = 3): ReportTiming[] {
  const out: ReportTiming[] = [];
  for (const size of sizes) {
    const { cols, ms } = buildColumns(size);
    console.log(`generated ${size.toLocaleString()} docs into columns in ${(ms / 1000).toFixed(1)} s`);
    const all = Int32Array.from({ length: cols.rows }, (_, i) => i);
    const slice = all.filter((_, i) => i % 10 === 0);
    for (const rows of [all, slice]) {
      const t = timeReport(cols, rows, runs, targetFor(size));
      out.push(t);
      console.log(
        `full report: ${t.docs.toLocaleString()} docs, ${t.hits.toLocaleString()} hits: median ${t.medianMs} ms ` +
          `(runs ${t.runsMs.join(", ")}) target <= ${t.targetMs} ms ${t.ok ? "OK" : "MISSED"}`,
      );
    }
  }
  return out;
}

if (process.argv[1]?.endsWith("reports.ts")) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const sizes = (arg("sizes") ?? "100000,1000000").split(",").map(Number);
  const results = runReportsBench(sizes, Number(arg("runs") ?? 3));
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}
