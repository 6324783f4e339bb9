/** Shared plumbing of the engine workers: read the job, regenerate the corpus in batches, write the result. */
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import type { PatentDoc } from "@zhichan/core/search/types.ts";
import { generateDocs } from "./generate/generator.ts";
import { loadModel } from "./generate/model-cache.ts";
import type { EngineJob, EngineResult, QueryOutcome } from "./job.ts";
import type { BenchQuery } from "./query-ast.ts";
import { type TimingPlan, timeRuns } from "./timing.ts";

export function readJob(): { job: EngineJob; queries: BenchQuery[] } {
  const job = JSON.parse(readFileSync(process.argv[2], "utf8")) as EngineJob;
  const queries = JSON.parse(readFileSync(job.queriesFile, "utf8")) as BenchQuery[];
  return { job, queries };
}

/** The job's corpus as arrays of at most `batchSize` docs; generating a batch is not part of any timing. */
export function* docBatches(job: EngineJob, batchSize: number): Generator<PatentDoc[]> {
  const model = loadModel(job.sample, job.modelCacheDir);
  let batch: PatentDoc[] = [];
  for (const doc of generateDocs(model, job.seed, job.size)) {
    batch.push(doc);
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export function writeResult(job: EngineJob, result: EngineResult): void {
  writeFileSync(job.outFile, JSON.stringify(result));
}

export function log(engine: string, message: string): void {
  process.stderr.write(`  [${engine}] ${message}\n`);
}

/** Answers (for the gate) then times one query; an engine error becomes a recorded failure, not a crash. */
export function measureQuery(
  id: string,
  answer: () => { total: number; facet: Record<string, number> | null },
  run: () => void,
  plan: TimingPlan,
): QueryOutcome {
  try {
    if (plan.replay) {
      // the timed run must be the query's first: the answer (for the gate) is taken after it
      const timesUs = timeRuns(run, plan);
      return { id, ...answer(), timesUs };
    }
    const { total, facet } = answer();
    return { id, total, facet, timesUs: timeRuns(run, plan) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log("worker", `query ${id} failed: ${message}`);
    return { id, total: -1, facet: null, timesUs: [], error: message };
  }
}

/** The 1-minute load average, noted with the results: other processes on the machine skew the timings. */
export function loadNote(): string {
  return `1-min load average after the queries: ${loadavg()[0].toFixed(1)} (${availableParallelism()} CPUs)`;
}

export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Frees what can be freed before a measurement (workers run with --expose-gc). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
