import type { Db } from "../db/connection.js";
import { SearchIndex } from "../modules/search/search-index.js";
import { progressPrinter } from "./progress.js";

/**
 * Loads the persisted index and indexes what the database has that it lacks, showing progress. Yields to the
 * event loop while it works, so Ctrl-C or SIGTERM stops a long rebuild at once. A damaged index is moved aside and
 * rebuilt from the database; an index that cannot be saved (disk full) is still served from memory.
 */
export async function openSearchIndex(db: Db, dir: string): Promise<SearchIndex> {
  const started = Date.now();
  const print = progressPrinter("索引 Indexing");
  const index = await SearchIndex.openYielding(db, dir, {
    onProgress: (p) => {
      if (p.phase === "index") print(p.done, p.total);
    },
    onDamage: ({ reason, movedTo }) =>
      process.stderr.write(
        `Search index damaged: ${reason}. Moved it to ${movedTo}; rebuilding from the database (索引损坏，正在从数据库重建)\n`,
      ),
    onSaveFailed: (err) =>
      process.stderr.write(`Search index not saved: ${err.message}. Serving it from memory; free space and restart.\n`),
  });
  // From now on the index follows the database: imports in this process and in others (the CLI) become searchable
  // within about a second of their batch committing, without a restart.
  index.follow();
  process.stderr.write(
    `Search index ready: ${index.engine.docCount.toLocaleString("en")} documents (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  return index;
}
