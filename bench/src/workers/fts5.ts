/** Worker: SQLite FTS5 peer (see peers/fts5.ts for the configuration). Its own process, so its RSS is its own. */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { FACET_SIZE, type QueryOutcome, TOP_K } from "../job.ts";
import {
  createSchema,
  databaseBytes,
  FacetDictionaries,
  Fts5Lookup,
  Fts5Search,
  facetOrdinals,
  finishLoad,
  insertBatch,
  openFts5,
} from "../peers/fts5.ts";
import { readTsvBatches } from "../peers/token-tsv.ts";
import { renderFts5 } from "../render-fts5.ts";
import { isWarmup } from "../replay.ts";
import { warmUpAll } from "../timing.ts";
import { loadNote, log, measureQuery, peakRssBytes, readJob, writeResult } from "../worker-io.ts";

const BATCH = 20_000;

const { job, queries } = readJob();
rmSync(job.workDir, { recursive: true, force: true });
mkdirSync(job.workDir, { recursive: true });
const db = openFts5(join(job.workDir, "fts5.db"));
createSchema(db);
const dicts = new FacetDictionaries();

let ingestMs = 0;
let loaded = 0;
for (const batch of readTsvBatches(job.peerTsv!, BATCH)) {
  const ordinals = batch.map((doc) => facetOrdinals(doc, dicts));
  const inventions = batch.map((doc) => dicts.invention(doc.invention));
  const t0 = performance.now();
  insertBatch(db, batch, ordinals, inventions);
  ingestMs += performance.now() - t0;
  loaded += batch.length;
  if (loaded % 200_000 === 0) log("fts5", `inserted ${loaded} docs`);
}
const t0 = performance.now();
finishLoad(db);
ingestMs += performance.now() - t0;
const indexBytes = databaseBytes(db);
log("fts5", `built in ${(ingestMs / 1000).toFixed(1)} s, ${indexBytes} bytes`);

// statements are compiled lazily inside measureQuery, so one SQL error is recorded for its query only
const searches = new Map<string, Fts5Search>();
const searchFor = (query: (typeof queries)[number]) => {
  let search = searches.get(query.id);
  if (!search) {
    search = new Fts5Search(db, renderFts5(query.node), query.facet, FACET_SIZE, TOP_K, query.group);
    searches.set(query.id, search);
  }
  return search;
};
/** Batch lookups go to the number table, not to MATCH. */
const lookupFor = (query: (typeof queries)[number]) =>
  query.node.kind === "numbers" ? new Fts5Lookup(db, query.node.numbers) : null;
const lookups = new Map(queries.map((q) => [q.id, lookupFor(q)]));
// replay mode: the warm-up runs only the warm-up queries, and those are never timed (replay.ts); the timed ones'
// statements are compiled before, so their one timed run is the search alone, as for the other engines
if (job.plan.replay) {
  for (const q of queries) {
    if (isWarmup(q) || lookups.get(q.id)) continue;
    try {
      searchFor(q);
    } catch {
      // measureQuery records the error for this query
    }
  }
}
warmUpAll(
  queries
    .filter((q) => !job.plan.replay || isWarmup(q))
    .map((query) => () => (lookups.get(query.id) ?? searchFor(query)).run()),
);
const outcomes: QueryOutcome[] = queries
  .filter((q) => !isWarmup(q))
  .map((query) => {
    const lookup = lookups.get(query.id);
    if (lookup)
      return measureQuery(
        query.id,
        () => ({ total: lookup.total(), facet: null }),
        () => lookup.run(),
        job.plan,
      );
    return measureQuery(
      query.id,
      () => ({ total: searchFor(query).total(), facet: searchFor(query).allBuckets(dicts) }),
      () => searchFor(query).run(),
      job.plan,
    );
  });
db.close();

writeResult(job, {
  engine: "fts5",
  size: job.size,
  ingestMs,
  indexBytes,
  peakRssBytes: peakRssBytes(),
  queries: outcomes,
  notes: [
    "ingest = INSERTs + value indexes + FTS optimize + ANALYZE; generating and tokenising the docs is not counted",
    loadNote(),
  ],
});
