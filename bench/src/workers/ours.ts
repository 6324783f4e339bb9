/**
 * Worker: our engine. Builds the index from the seeded corpus, persists it, loads it back (the server's start-up
 * path) and runs every query on the loaded engine. Runs in its own process so peak RSS is ours alone.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SearchEngine } from "@zhichan/core";
import { FACET_SIZE, type QueryOutcome, TOP_K } from "../job.ts";
import { renderOurs } from "../render-ours.ts";
import { isWarmup } from "../replay.ts";
import { warmUpAll } from "../timing.ts";
import {
  collectGarbage,
  docBatches,
  loadNote,
  log,
  measureQuery,
  peakRssBytes,
  readJob,
  writeResult,
} from "../worker-io.ts";

/** One addDocuments call per batch: the engine seals a segment per 2^20 docs anyway. */
const BATCH = 1 << 20;

const { job, queries } = readJob();
const notes: string[] = [];
let engine: SearchEngine | null = SearchEngine.create();
let ingestMs = 0;
let batches = 0;
for (const batch of docBatches(job, BATCH)) {
  collectGarbage();
  const t0 = performance.now();
  engine.addDocuments(batch);
  ingestMs += performance.now() - t0;
  batches++;
  log("ours", `indexed ${Math.min(batches * BATCH, job.size)} docs`);
}
if (batches > 1) {
  const t0 = performance.now();
  engine.compact();
  ingestMs += performance.now() - t0;
  notes.push(`ingest includes compact() of ${batches} build segments`);
}

const segDir = join(job.workDir, "segments");
rmSync(segDir, { recursive: true, force: true });
mkdirSync(segDir, { recursive: true });
let indexBytes = 0;
for (const file of engine.toSegmentFiles()) {
  writeFileSync(join(segDir, file.name), file.data);
  indexBytes += file.data.byteLength;
}
engine = null;
collectGarbage();

const loadStart = performance.now();
const files = readdirSync(segDir).map((name) => ({ name, data: new Uint8Array(readFileSync(join(segDir, name))) }));
const loaded = SearchEngine.fromSegmentFiles(files);
const loadMs = performance.now() - loadStart;
log("ours", `built in ${(ingestMs / 1000).toFixed(1)} s, ${indexBytes} bytes, loaded in ${loadMs.toFixed(0)} ms`);

const prepared = queries.map((query) => {
  const node = query.node;
  // batch lookup: every number's records (POST /api/patents/lookup); its total is the records found
  if (node.kind === "numbers") {
    const run = () => loaded.lookupNumbers(node.numbers);
    return { query, run, answer: () => ({ total: new Set(run().flat()).size, facet: null }) };
  }
  const text = renderOurs(node);
  const options = {
    limit: TOP_K,
    facets: query.facet ? [query.facet] : [],
    facetSize: FACET_SIZE,
    ...(query.group ? { group: query.group } : {}),
  };
  const run = () => loaded.search(text, options);
  const answer = () => {
    const result = run();
    const buckets = query.facet ? (result.facets[query.facet] ?? []) : null;
    return {
      total: result.total,
      facet: buckets ? Object.fromEntries(buckets.map((b) => [b.value, b.count])) : null,
    };
  };
  return { query, run, answer };
});
// replay mode: the warm-up runs only the warm-up queries, and those are never timed (replay.ts)
warmUpAll(prepared.filter((p) => !job.plan.replay || isWarmup(p.query)).map((p) => p.run));
const outcomes: QueryOutcome[] = prepared
  .filter((p) => !isWarmup(p.query))
  .map(({ query, run, answer }) => measureQuery(query.id, answer, run, job.plan));

writeResult(job, {
  engine: "ours",
  size: job.size,
  ingestMs,
  indexBytes,
  peakRssBytes: peakRssBytes(),
  servingRssBytes: process.memoryUsage().rss,
  loadMs,
  queries: outcomes,
  notes: [...notes, loadNote()],
});
