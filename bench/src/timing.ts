/** Warm-up then timed runs of one query, bounded by a time budget so a slow peer query cannot stall the run. */

export interface TimingPlan {
  runs: number; // timed runs wanted
  warmups: number;
  /** Stop timing a query after this long (still at least MIN_RUNS runs); warm-ups get a quarter of it. */
  budgetMs: number;
  /** Replay mode: each query runs once, its first run timed (no warm-ups of its own, no repeats). */
  replay?: boolean;
}

const MIN_RUNS = 5;

/** Times `run` and returns one duration per timed run, in microseconds. */
export function timeRuns(run: () => void, plan: TimingPlan): number[] {
  if (plan.replay) {
    const t0 = process.hrtime.bigint();
    run();
    return [Number(process.hrtime.bigint() - t0) / 1000];
  }
  const warmupStart = performance.now();
  for (let i = 0; i < plan.warmups && performance.now() - warmupStart < plan.budgetMs / 4; i++) run();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < plan.runs && (times.length < MIN_RUNS || performance.now() - start < plan.budgetMs)) {
    const t0 = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  return times;
}

/**
 * Rounds over every query before any is timed, so JIT compilation and cold caches do not land on the first ones:
 * at least WARM_ROUNDS rounds and at least WARM_MIN_MS (the Lucene harness does the same). A fixed round count
 * was not enough where queries take microseconds (100k docs): a few hundred runs leave a JIT (V8's or the
 * JVM's) still compiling, and the timings then measure tier-up rather than the engine.
 */
const WARM_ROUNDS = 3;
const WARM_MIN_MS = 5_000;
const WARM_CAP_MS = 60_000;

export function warmUpAll(runs: Array<() => void>): void {
  if (runs.length === 0) return;
  const start = performance.now();
  for (let round = 0; round < WARM_ROUNDS || performance.now() - start < WARM_MIN_MS; round++) {
    for (const run of runs) {
      if (performance.now() - start > WARM_CAP_MS) return;
      try {
        run();
      } catch {
        // a failing query is reported when it is measured
      }
    }
  }
}
