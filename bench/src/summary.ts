/** Per size: each engine's medians/p95 per query class, ratios to ours, engine-level figures, and the targets. */
import { gatePeer, type Mismatch } from "./gate.ts";
import type { EngineName, EngineResult } from "./job.ts";
import { type BenchQuery, QUERY_CLASSES, type QueryClass } from "./query-ast.ts";
import { renderOurs } from "./render-ours.ts";
import { classPercentile } from "./stats.ts";

export interface ClassTiming {
  medianUs: number;
  p95Us: number;
  p99Us: number;
  /** false: the engine disagreed with ours on a query of this class; its time is not reported. */
  valid: boolean;
}

export interface ClassRow {
  cls: QueryClass;
  queries: number;
  meanHits: number; // ours' mean exact total over the class's queries
  byEngine: Partial<Record<EngineName, ClassTiming>>;
}

export interface EngineRow {
  engine: EngineName;
  docsPerSec: number;
  bytesPerDoc: number;
  peakRssBytes: number;
  servingRssBytes?: number;
  loadMs?: number;
  notes: string[];
}

export interface TargetRow {
  target: string;
  measured: string;
  verdict: "PASS" | "FAIL" | "n/a";
}

/** One query's figures, for the detailed table of the markdown report. */
export interface QueryRow {
  id: string;
  query: string; // in our language
  facet: string | null;
  hits: number; // ours' exact total
  byEngine: Partial<Record<EngineName, { medianUs: number; p95Us: number; runs: number; agrees: boolean }>>;
}

export interface SizeSummary {
  size: number;
  classes: ClassRow[];
  perQuery: QueryRow[];
  engines: EngineRow[];
  mismatches: Mismatch[];
  targets: TargetRow[];
}

export function summarise(
  queries: BenchQuery[],
  results: EngineResult[],
  facetSize: number,
  replay = false,
): SizeSummary {
  const ours = results.find((r) => r.engine === "ours");
  if (!ours) throw new Error("no result for our engine");
  const invalid = new Map<EngineName, Set<QueryClass>>();
  const mismatches: Mismatch[] = [];
  const oursFailed = new Set(ours.queries.filter((q) => q.error).map((q) => q.id));
  invalid.set("ours", new Set(queries.filter((q) => oursFailed.has(q.id)).map((q) => q.cls)));
  for (const peer of results.filter((r) => r.engine !== "ours")) {
    const gate = gatePeer(queries, ours, peer, facetSize);
    invalid.set(peer.engine, gate.invalidClasses);
    mismatches.push(...gate.mismatches);
  }
  const classes: ClassRow[] = [];
  for (const cls of QUERY_CLASSES) {
    const ids = new Set(queries.filter((q) => q.cls === cls).map((q) => q.id));
    if (ids.size === 0) continue;
    const oursOutcomes = ours.queries.filter((q) => ids.has(q.id));
    const row: ClassRow = {
      cls,
      queries: ids.size,
      meanHits: oursOutcomes.reduce((sum, q) => sum + q.total, 0) / Math.max(1, oursOutcomes.length),
      byEngine: {},
    };
    for (const result of results) {
      const samples = result.queries.filter((q) => ids.has(q.id)).map((q) => q.timesUs);
      row.byEngine[result.engine] = {
        medianUs: classPercentile(samples, 0.5),
        p95Us: classPercentile(samples, 0.95),
        p99Us: classPercentile(samples, 0.99),
        valid: !(invalid.get(result.engine)?.has(cls) ?? false),
      };
    }
    classes.push(row);
  }
  const engines = results.map(
    (r): EngineRow => ({
      engine: r.engine,
      docsPerSec: r.size / (r.ingestMs / 1000),
      bytesPerDoc: r.indexBytes / r.size,
      peakRssBytes: r.peakRssBytes,
      servingRssBytes: r.servingRssBytes,
      loadMs: r.loadMs,
      notes: r.notes,
    }),
  );
  const perQuery = queries.map((query): QueryRow => {
    const row: QueryRow = {
      id: query.id,
      query: renderOurs(query.node),
      facet: query.facet,
      hits: ours.queries.find((q) => q.id === query.id)?.total ?? Number.NaN,
      byEngine: {},
    };
    for (const result of results) {
      const outcome = result.queries.find((q) => q.id === query.id);
      if (!outcome) continue;
      row.byEngine[result.engine] = {
        medianUs: classPercentile([outcome.timesUs], 0.5),
        p95Us: classPercentile([outcome.timesUs], 0.95),
        runs: outcome.timesUs.length,
        agrees: !mismatches.some((m) => m.engine === result.engine && m.queryId === query.id),
      };
    }
    return row;
  });
  return {
    size: ours.size,
    classes,
    perQuery,
    engines,
    mismatches,
    targets: evaluateTargets(classes, engines, replay),
  };
}

/** ours / peer on medians; null when either side is missing or the peer's class is invalid. */
export function ratio(row: ClassRow, peer: EngineName): number | null {
  const ours = row.byEngine.ours;
  const other = row.byEngine[peer];
  if (!ours?.valid || !other?.valid) return null;
  return ours.medianUs / other.medianUs;
}

function evaluateTargets(classes: ClassRow[], engines: EngineRow[], replay: boolean): TargetRow[] {
  const targets: TargetRow[] = [];
  const byClass = (cls: QueryClass) => classes.find((c) => c.cls === cls);
  const oursP95 = (cls: QueryClass) => byClass(cls)?.byEngine.ours?.p95Us ?? Number.NaN;
  const ms = (us: number) => `${(us / 1000).toFixed(2)} ms`;
  const check = (target: string, measured: string, pass: boolean | null) =>
    targets.push({ target, measured, verdict: pass === null ? "n/a" : pass ? "PASS" : "FAIL" });

  const latencyTarget = (target: string, classList: QueryClass[], limitUs: number) => {
    const measured = classList.filter((cls) => byClass(cls)).map(oursP95);
    if (measured.length === 0) return check(target, "not measured", null);
    const worst = Math.max(...measured);
    check(target, ms(worst), Number.isNaN(worst) ? null : worst <= limitUs);
  };
  if (replay) {
    // issue #20: each query run once, cold for its own terms; the tail over thousands of distinct queries
    const oursP99 = (cls: QueryClass) => byClass(cls)?.byEngine.ours?.p99Us ?? Number.NaN;
    const p99Target = (target: string, classList: QueryClass[], limitUs: number) => {
      const measured = classList.filter((cls) => byClass(cls)).map(oursP99);
      if (measured.length === 0) return check(target, "not measured", null);
      const worst = Math.max(...measured);
      check(target, ms(worst), Number.isNaN(worst) ? null : worst <= limitUs);
    };
    p99Target("replay: keyword p99 <= 20 ms", ["term-rare", "term-mid", "term-frequent", "cjk-2char"], 20_000);
    p99Target("replay: facet p99 <= 15 ms", ["facet-0.1%", "facet-1%", "facet-10%", "facet-100%"], 15_000);
  } else {
    latencyTarget("keyword p95 <= 20 ms", ["term-rare", "term-mid", "term-frequent"], 20_000);
    latencyTarget("2-char CJK p95 <= 20 ms", ["cjk-2char"], 20_000);
    latencyTarget("one facet over all hits p95 <= 15 ms", ["facet-100%"], 15_000);
  }
  const ours = engines.find((e) => e.engine === "ours")!;
  check("ingest >= 10k docs/s", `${Math.round(ours.docsPerSec)} docs/s`, ours.docsPerSec >= 10_000);
  check("index <= 1 KB/doc", `${Math.round(ours.bytesPerDoc)} B/doc`, ours.bytesPerDoc <= 1024);

  if (engines.some((e) => e.engine === "fts5")) {
    const fts5Classes: QueryClass[] = ["term-frequent", "facet-0.1%", "facet-1%", "facet-10%", "facet-100%"];
    for (const cls of fts5Classes) {
      const row = byClass(cls);
      if (!row) continue;
      const r = ratio(row, "fts5");
      check(
        `>= 10x faster than FTS5: ${cls}`,
        r === null ? "invalid (counts differ)" : formatRatio(r),
        r === null ? null : r <= 0.1,
      );
    }
  }
  if (engines.some((e) => e.engine === "lucene")) {
    const measured = classes.map((row) => ({ cls: row.cls, r: ratio(row, "lucene") }));
    const valid = measured.filter((m): m is { cls: QueryClass; r: number } => m.r !== null);
    const invalidCount = measured.length - valid.length;
    const worst = valid.reduce<{ cls: QueryClass; r: number } | null>(
      (w, m) => (w === null || m.r > w.r ? m : w),
      null,
    );
    const slower = valid.filter((m) => m.r > 1).map((m) => m.cls);
    const text = worst
      ? `worst ${worst.cls} ${formatRatio(worst.r)}${slower.length > 0 ? `; slower on ${slower.join(", ")}` : ""}${invalidCount > 0 ? `; ${invalidCount} class(es) invalid` : ""}`
      : "no valid class";
    check("not slower than Lucene on any class", text, worst === null ? null : slower.length === 0);
  }
  return targets;
}

/** 0.08 → "0.08x (12.5x faster)"; 1.6 → "1.60x (1.6x slower)". */
export function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return "—";
  const base = `${r < 0.1 ? r.toFixed(3) : r.toFixed(2)}x`;
  return r <= 1 ? `${base} (${(1 / r).toFixed(1)}x faster)` : `${base} (${r.toFixed(1)}x slower)`;
}
