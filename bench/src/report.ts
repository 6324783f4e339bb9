/** Renders the per-size summaries as console tables and as markdown; writes results-<date>.{json,md}. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EngineName } from "./job.ts";
import { type ClassTiming, formatRatio, ratio, type SizeSummary } from "./summary.ts";

type Table = { headers: string[]; rows: string[][] };

export function formatUs(us: number): string {
  if (!Number.isFinite(us)) return "—";
  if (us < 1000) return `${us.toFixed(0)} µs`;
  if (us < 1_000_000) return `${(us / 1000).toFixed(us < 10_000 ? 2 : 1)} ms`;
  return `${(us / 1_000_000).toFixed(2)} s`;
}

export function formatSize(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}k`;
  return String(n);
}

function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return "—";
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(2)} GiB`;
  return `${(bytes / (1 << 20)).toFixed(0)} MiB`;
}

function timing(t: ClassTiming | undefined, which: "medianUs" | "p95Us" | "p99Us"): string {
  if (!t) return "—";
  return t.valid ? formatUs(t[which]) : "INVALID";
}

function classTable(summary: SizeSummary, peers: EngineName[]): Table {
  const headers = ["class", "q", "hits (mean)", "ours med", "ours p95", "ours p99"];
  for (const peer of peers) headers.push(`${peer} med`, `${peer} p95`, `${peer} p99`, `ours/${peer} (med)`);
  const rows = summary.classes.map((row) => {
    const cells = [
      row.cls,
      String(row.queries),
      Math.round(row.meanHits).toLocaleString("en"),
      timing(row.byEngine.ours, "medianUs"),
      timing(row.byEngine.ours, "p95Us"),
      timing(row.byEngine.ours, "p99Us"),
    ];
    for (const peer of peers) {
      const r = ratio(row, peer);
      cells.push(
        timing(row.byEngine[peer], "medianUs"),
        timing(row.byEngine[peer], "p95Us"),
        timing(row.byEngine[peer], "p99Us"),
        r === null ? "—" : formatRatio(r),
      );
    }
    return cells;
  });
  return { headers, rows };
}

function engineTable(summary: SizeSummary): Table {
  return {
    headers: ["engine", "ingest docs/s", "index B/doc", "peak RSS", "serving RSS", "load (fromSegmentFiles)"],
    rows: summary.engines.map((e) => [
      e.engine,
      Math.round(e.docsPerSec).toLocaleString("en"),
      Math.round(e.bytesPerDoc).toLocaleString("en"),
      formatBytes(e.peakRssBytes),
      formatBytes(e.servingRssBytes),
      e.loadMs === undefined ? "—" : `${e.loadMs.toFixed(0)} ms`,
    ]),
  };
}

function queryTable(summary: SizeSummary, peers: EngineName[]): Table {
  const headers = ["query", "ours syntax", "facet", "hits", "ours med (runs)"];
  for (const peer of peers) headers.push(`${peer} med (runs)`);
  const cell = (t: SizeSummary["perQuery"][number]["byEngine"]["ours"]) =>
    t ? `${formatUs(t.medianUs)} (${t.runs})${t.agrees ? "" : " COUNT MISMATCH"}` : "—";
  const rows = summary.perQuery.map((q) => [
    q.id,
    `\`${q.query}\``,
    q.facet ?? "",
    q.hits.toLocaleString("en"),
    cell(q.byEngine.ours),
    ...peers.map((peer) => cell(q.byEngine[peer])),
  ]);
  return { headers, rows };
}

function targetTable(summary: SizeSummary): Table {
  return {
    headers: ["target", "measured", "verdict"],
    rows: summary.targets.map((t) => [t.target, t.measured, t.verdict]),
  };
}

/** Display width: CJK and other wide characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(ch) ? 2 : 1;
  return w;
}

function consoleTable({ headers, rows }: Table): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c + " ".repeat(widths[i] - width(c)) : " ".repeat(widths[i] - width(c)) + c))
      .join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function markdownTable({ headers, rows }: Table): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map((_, i) => (i === 0 ? "---" : "---:"))), ...rows.map(line)].join("\n");
}

function peersOf(summary: SizeSummary): EngineName[] {
  return summary.engines.map((e) => e.engine).filter((e) => e !== "ours");
}

export function renderConsole(summary: SizeSummary): string {
  const parts = [
    `\n=== ${formatSize(summary.size)} docs ===`,
    consoleTable(classTable(summary, peersOf(summary))),
    "",
    consoleTable(engineTable(summary)),
    ...summary.engines.flatMap((e) => e.notes.map((n) => `  ${e.engine}: ${n}`)),
    "",
    consoleTable(targetTable(summary)),
  ];
  if (summary.mismatches.length > 0) {
    parts.push("", "Count mismatches (these classes are INVALID for that engine, its times are not reported):");
    for (const m of summary.mismatches) parts.push(`  ${m.engine} ${m.queryId}: ${m.problem}`);
  }
  return parts.join("\n");
}

export function renderMarkdown(summaries: SizeSummary[], header: string): string {
  const parts = [header];
  for (const summary of summaries) {
    parts.push(`\n## ${formatSize(summary.size)} docs\n`, markdownTable(classTable(summary, peersOf(summary))));
    parts.push("", markdownTable(engineTable(summary)), "", markdownTable(targetTable(summary)));
    if (summary.mismatches.length > 0) {
      parts.push("", "Count mismatches (class INVALID for that engine):", "");
      for (const m of summary.mismatches) parts.push(`- ${m.engine} \`${m.queryId}\`: ${m.problem}`);
    }
    const notes = summary.engines.flatMap((e) => e.notes.map((n) => `- ${e.engine}: ${n}`));
    if (notes.length > 0) parts.push("", ...notes);
    parts.push(
      "",
      `### Every query at ${formatSize(summary.size)}`,
      "",
      markdownTable(queryTable(summary, peersOf(summary))),
    );
  }
  return `${parts.join("\n")}\n`;
}

export function writeReports(outDir: string, stamp: string, json: unknown, markdown: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const jsonPath = join(outDir, `results-${stamp}.json`);
  const mdPath = join(outDir, `results-${stamp}.md`);
  writeFileSync(jsonPath, `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(mdPath, markdown);
  return [jsonPath, mdPath];
}
