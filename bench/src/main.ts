/**
 * `npm run bench`: our engine beside SQLite FTS5 and Lucene 8 on the same seeded corpus, one size at a time.
 * Each engine builds and queries in its own process (ours and FTS5: a Node worker; Lucene: a JVM), so every peak
 * RSS is that engine's alone and memory is returned between runs. Peer times count only when the peer's hit
 * counts (and facet counts) equal ours (gate.ts).
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { type BenchOptions, parseOptions, USAGE } from "./cli.ts";
import { collectStats } from "./corpus-stats.ts";
import { generateDocs } from "./generate/generator.ts";
import type { CorpusModel } from "./generate/model.ts";
import { loadModel } from "./generate/model-cache.ts";
import { hanWords } from "./generate/words.ts";
import { type EngineJob, type EngineName, type EngineResult, FACET_SIZE } from "./job.ts";
import { runLoad } from "./load/run-load.ts";
import { checkJavaAndLucene } from "./peers/java.ts";
import { compileHarness, runLucene, writeQueriesTsv } from "./peers/lucene.ts";
import { writeDocsTsv } from "./peers/token-tsv.ts";
import { buildQueries } from "./queries.ts";
import type { BenchQuery } from "./query-ast.ts";
import { renderFts5 } from "./render-fts5.ts";
import { renderLucene } from "./render-lucene.ts";
import { renderOurs } from "./render-ours.ts";
import { isWarmup, replaySplit } from "./replay.ts";
import { formatSize, renderConsole, renderMarkdown, writeReports } from "./report.ts";
import { type SizeSummary, summarise } from "./summary.ts";

const SAMPLE = { patentsCsvGz: "data/patents/cn_patents_merged.csv.gz", areasCsvGz: "data/regions/areas.csv.gz" };
/** Workers hold a size's docs and index in memory: give V8 room (the machine has 24 GB). */
const WORKER_NODE_FLAGS = ["--max-old-space-size=16384", "--expose-gc", "--import", "tsx"];

/** Everything one run shares across sizes. */
interface RunContext {
  options: BenchOptions;
  model: CorpusModel;
  queries: BenchQuery[];
  peers: EngineName[];
  outDir: string;
  scratch: string;
  queriesFile: string;
  luceneQueries: string;
  luceneClasspath: string[];
  luceneClasses: string;
}

async function main(): Promise<void> {
  // `npm run bench -- --load`: the server under search + export + PDF load (load/run-load.ts), not the engines
  if (process.argv.includes("--load")) return runLoad(process.argv.slice(2));
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
    return;
  }
  const stamp = new Date().toISOString().replace(/[:]/g, "-").replace(/\..*/, "");
  const ctx = prepare(options, stamp);
  const summaries: SizeSummary[] = [];
  const allResults: EngineResult[] = [];
  for (const size of options.sizes) {
    const results = await runSize(ctx, size);
    const summary = summarise(
      ctx.queries.filter((q) => !isWarmup(q)),
      results,
      FACET_SIZE,
      options.replay > 0,
    );
    console.log(renderConsole(summary));
    summaries.push(summary);
    allResults.push(...results);
    // rewritten after every size, so a long run that dies later still leaves the sizes it finished
    const files = writeReports(
      ctx.outDir,
      stamp,
      { stamp, options, queries: ctx.queries.map(withRenderings), summaries, results: allResults },
      renderMarkdown(summaries, reportHeader(ctx, stamp)),
    );
    log(`\nwrote ${files.join(" and ")}`);
  }
  if (!options.keepIndexes) rmSync(ctx.scratch, { recursive: true, force: true });
}

function prepare(options: BenchOptions, stamp: string): RunContext {
  const outDir = resolve(options.outDir);
  const scratch = join(outDir, `run-${stamp}`);
  mkdirSync(scratch, { recursive: true });
  const peers = availablePeers(options.peers);
  log(`learning the generator model from ${SAMPLE.patentsCsvGz} (cached under ${outDir}/cache)`);
  const model = loadModel(SAMPLE, join(outDir, "cache"));
  log(`picking queries from the statistics of the first ${formatSize(options.sampleDocs)} generated docs`);
  const words = hanWords(model);
  const built = buildQueries(
    collectStats(generateDocs(model, options.seed, options.sampleDocs), words),
    words,
    options.replay || undefined,
  ).filter((q) => options.classes.length === 0 || options.classes.includes(q.cls));
  const queries = options.replay ? replaySplit(built) : built;
  if (options.replay) {
    const timed = queries.filter((q) => !isWarmup(q)).length;
    log(
      `replay: ${queries.length} distinct queries, ${queries.length - timed} for the warm-up, ${timed} each run once`,
    );
  }
  if (queries.length === 0) throw new Error(`no query in classes ${options.classes.join(", ")}`);
  const queriesFile = join(scratch, "queries.json");
  writeFileSync(queriesFile, JSON.stringify(queries));
  const luceneQueries = join(scratch, "lucene-queries.tsv");
  writeQueriesTsv(queries, luceneQueries);
  const luceneClasses = join(outDir, "lucene-classes");
  let luceneClasspath: string[] = [];
  if (peers.includes("lucene")) {
    const java = checkJavaAndLucene();
    if (java.ok) {
      luceneClasspath = java.classpath;
      compileHarness(luceneClasspath, luceneClasses);
    }
  }
  return {
    options,
    model,
    queries,
    peers,
    outDir,
    scratch,
    queriesFile,
    luceneQueries,
    luceneClasspath,
    luceneClasses,
  };
}

async function runSize(ctx: RunContext, size: number): Promise<EngineResult[]> {
  const { options, scratch } = ctx;
  log(`\n--- ${formatSize(size)} docs ---`);
  const job = (engine: EngineName): EngineJob => ({
    size,
    seed: options.seed,
    sample: SAMPLE,
    modelCacheDir: join(ctx.outDir, "cache"),
    queriesFile: ctx.queriesFile,
    plan: options.replay
      ? { runs: 1, warmups: 0, budgetMs: options.budgetMs, replay: true }
      : { runs: options.runs, warmups: options.warmups, budgetMs: options.budgetMs },
    workDir: join(scratch, `${engine}-${size}`),
    outFile: join(scratch, `${engine}-${size}.json`),
  });
  const results: EngineResult[] = [await runWorker("ours", job("ours"))];
  const peerTsv = join(scratch, `peer-docs-${size}.tsv`);
  if (ctx.peers.length > 0) {
    log("  [peers] writing the corpus as token TSV (shared by FTS5 and Lucene)");
    writeDocsTsv(generateDocs(ctx.model, options.seed, size), peerTsv);
  }
  if (ctx.peers.includes("fts5"))
    await runPeer("fts5", size, results, () => runWorker("fts5", { ...job("fts5"), peerTsv }));
  if (ctx.peers.includes("lucene")) {
    const luceneJob = job("lucene");
    await runPeer("lucene", size, results, () =>
      runLucene({
        classpath: ctx.luceneClasspath,
        classesDir: ctx.luceneClasses,
        docsTsv: peerTsv,
        queriesTsv: ctx.luceneQueries,
        indexDir: luceneJob.workDir,
        plan: luceneJob.plan,
        facetSize: FACET_SIZE,
        size,
      }),
    );
  }
  rmSync(peerTsv, { force: true });
  if (!options.keepIndexes) {
    for (const engine of ["ours", "fts5", "lucene"] as const)
      rmSync(job(engine).workDir, { recursive: true, force: true });
  }
  return results;
}

/** A peer that fails (out of memory, a crash) is reported and left out of this size; the run goes on. */
async function runPeer(
  engine: EngineName,
  size: number,
  results: EngineResult[],
  run: () => Promise<EngineResult>,
): Promise<void> {
  try {
    results.push(await run());
  } catch (error) {
    console.warn(
      `! ${engine} failed at ${formatSize(size)} docs and is left out: ${error instanceof Error ? error.message : error}`,
    );
  }
}

/** Drops peers whose software is missing, printing what to install (the bench still runs the rest). */
function availablePeers(wanted: EngineName[]): EngineName[] {
  const peers: EngineName[] = [];
  for (const peer of wanted) {
    if (peer === "lucene") {
      const java = checkJavaAndLucene();
      if (!java.ok) {
        console.warn(`! Lucene peer skipped: ${java.problem}. Install with:\n    ${java.hint}`);
        continue;
      }
    }
    if (peer === "fts5" && !hasBetterSqlite()) {
      console.warn(
        "! FTS5 peer skipped: better-sqlite3 is not installed. Install with:\n    npm install -w bench better-sqlite3",
      );
      continue;
    }
    peers.push(peer);
  }
  return peers;
}

function hasBetterSqlite(): boolean {
  try {
    import.meta.resolve("better-sqlite3");
    return true;
  } catch {
    return false;
  }
}

function runWorker(engine: "ours" | "fts5", job: EngineJob): Promise<EngineResult> {
  const jobFile = `${job.outFile}.job.json`;
  writeFileSync(jobFile, JSON.stringify(job));
  const script = join(import.meta.dirname, "workers", `${engine}.ts`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, script, jobFile], { stdio: "inherit" });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`${engine} worker exited with ${code}`));
      else resolvePromise(JSON.parse(readFileSync(job.outFile, "utf8")) as EngineResult);
    });
  });
}

function withRenderings(query: BenchQuery) {
  return {
    ...query,
    ours: renderOurs(query.node),
    fts5: rendered(renderFts5, query),
    lucene: renderLucene(query.node),
  };
}

/** A peer's rendering, or why it has none (FTS5 cannot order NEAR). */
function rendered<T>(render: (node: BenchQuery["node"]) => T, query: BenchQuery): T | string {
  try {
    return render(query.node);
  } catch (error) {
    return `cannot express: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function reportHeader(ctx: RunContext, stamp: string): string {
  const { options } = ctx;
  return [
    `# Zhichan search benchmark — ${stamp}`,
    "",
    `machine: ${os.availableParallelism()} CPUs, 1-min load average at the start ${os.loadavg()[0].toFixed(1)} (each engine's note has it after its queries)`,
    "",
    options.replay
      ? `seed ${options.seed}; REPLAY: ${options.replay} distinct queries per class, half only in the global warm-up, half each run once (its first run timed), so every timed query is cold for its own terms; p50/p95/p99 are over queries. Lucene: the faster of its two strategies, the second run right after the first (favours Lucene);`
      : `seed ${options.seed}; ${options.runs} timed runs per query after ${options.warmups} warm-ups (budget ${options.budgetMs} ms/query);`,
    `peers: ${ctx.peers.join(", ") || "none"}. A query's time = exact total + top-10 + its facet when it has one.`,
    "Class median/p95 weigh every query of the class equally. Ratio = ours / peer on medians (lower is better).",
    "INVALID = that engine's hit or facet counts differed from ours on a query of the class (time not reported).",
  ].join("\n");
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
