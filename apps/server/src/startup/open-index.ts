import type { Db } from "../db/connection.js";
import { SearchIndex } from "../modules/search/search-index.js";
import { progressPrinter } from "./progress.js";

/** Loads the persisted index and indexes what the database has that it lacks, showing progress. */
export function openSearchIndex(db: Db, dir: string): SearchIndex {
  const started = Date.now();
  const print = progressPrinter("索引 Indexing");
  const index = SearchIndex.open(db, dir, (p) => {
    if (p.phase === "index") print(p.done, p.total);
  });
  process.stderr.write(
    `Search index ready: ${index.engine.docCount.toLocaleString("en")} documents (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  return index;
}
