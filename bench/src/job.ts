/** What the orchestrator hands an engine worker, and what the worker hands back (both as JSON files). */
import type { BenchFacet } from "./facet-values.ts";
import type { SamplePaths } from "./generate/learn.ts";
import type { TimingPlan } from "./timing.ts";

export type EngineName = "ours" | "fts5" | "lucene";

export interface EngineJob {
  size: number;
  seed: number;
  sample: SamplePaths;
  modelCacheDir: string;
  queriesFile: string; // BenchQuery[] as JSON
  plan: TimingPlan;
  workDir: string; // scratch space for this engine's index files
  outFile: string; // EngineResult as JSON
  /** Peers: the corpus as token TSV (peers/token-tsv.ts), written once per size by the orchestrator. */
  peerTsv?: string;
}

export interface QueryOutcome {
  id: string;
  total: number;
  /** Facet buckets: ours returns the top facetSize; peers return every non-zero bucket (for the gate). */
  facet: Record<string, number> | null;
  timesUs: number[];
  /** Lucene: which of its strategies was fastest ("single-pass" or "count+top10"). */
  mode?: string;
  /** The engine failed on this query (total is then -1 and there are no times). */
  error?: string;
}

export interface EngineResult {
  engine: EngineName;
  size: number;
  ingestMs: number;
  indexBytes: number;
  peakRssBytes: number;
  /** Ours: resident memory while serving (after loading the persisted segments and running the queries). */
  servingRssBytes?: number;
  /** Ours: reading the segment files and SearchEngine.fromSegmentFiles. */
  loadMs?: number;
  queries: QueryOutcome[];
  notes: string[];
}

/** Top facet buckets shown and compared (the engine's default facetSize). */
export const FACET_SIZE = 10;
export const TOP_K = 10;

export type { BenchFacet };
