/** Command-line options of `npm run bench -- …`. */
import { parseArgs } from "node:util";
import type { EngineName } from "./job.ts";

export interface BenchOptions {
  sizes: number[];
  seed: number;
  runs: number;
  warmups: number;
  budgetMs: number;
  peers: EngineName[];
  sampleDocs: number;
  /** Only these query classes (empty: all). */
  classes: string[];
  outDir: string;
  keepIndexes: boolean;
  /** Replay mode: distinct queries per class (half warm-up only, half each timed once); 0 = the standard run. */
  replay: number;
}

export const USAGE = `npm run bench -- [options]

  --sizes 100k,1M       corpus sizes (k/M suffixes; 5M is opt-in)       default 100k,1M
  --seed 42             generator seed (same seed → same documents)      default 42
  --runs 30             timed runs per query                              default 30
  --warmups 10          warm-up runs per query                            default 10
  --budget-ms 10000     max timing time per query (then >= 5 runs)        default 10000
  --peers fts5,lucene   peers beside our engine ("none" for ours only)    default fts5,lucene
  --sample 30000        docs whose statistics pick the queries            default 30000
  --classes a,b         only these query classes, e.g. facet-100%         default all
  --out bench/out       results-<date>.json/.md and scratch indexes       default bench/out
  --keep                keep the index files of every engine              default off
  --replay 200          instead of a few queries timed 30x: N distinct queries per class, half only warming
                        up, half each run once and timed (p50/p95/p99 over queries; keyword p99 <= 20 ms,
                        facet p99 <= 15 ms)                               default off
  --load                instead: the real server's search p50/p99 alone, with 4 XLSX exports and with
                        12 concurrent PDFs (--load-seconds 20, --concurrency 8, --home bench/out/load-home)
  --help`;

export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!m) throw new Error(`not a size: "${text}" (use e.g. 100k, 1M, 250000)`);
  const factor = m[2] === "" ? 1 : m[2].toLowerCase() === "k" ? 1_000 : 1_000_000;
  return Math.round(Number(m[1]) * factor);
}

export function parseOptions(argv: string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string", default: "100k,1M" },
      seed: { type: "string", default: "42" },
      runs: { type: "string", default: "30" },
      warmups: { type: "string", default: "10" },
      "budget-ms": { type: "string", default: "10000" },
      peers: { type: "string", default: "fts5,lucene" },
      sample: { type: "string", default: "30000" },
      classes: { type: "string", default: "" },
      out: { type: "string", default: "bench/out" },
      keep: { type: "boolean", default: false },
      replay: { type: "string", default: "0" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return null;
  const peers = values.peers === "none" ? [] : values.peers.split(",").map((p) => p.trim());
  for (const peer of peers) if (peer !== "fts5" && peer !== "lucene") throw new Error(`unknown peer "${peer}"`);
  return {
    sizes: values.sizes.split(",").map(parseSize),
    seed: Number(values.seed),
    runs: Number(values.runs),
    warmups: Number(values.warmups),
    budgetMs: Number(values["budget-ms"]),
    peers: peers as EngineName[],
    sampleDocs: parseSize(values.sample),
    classes: values.classes.split(",").filter((c) => c.length > 0),
    outDir: values.out,
    keepIndexes: values.keep,
    replay: replayCount(values.replay),
  };
}

function replayCount(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n === 1)
    throw new Error(`--replay needs a number of queries per class >= 2, got ${text}`);
  return n;
}
