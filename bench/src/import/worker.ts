/**
 * One measured import, in its own process (so its peak RSS is its own): a fresh ZHICHAN_HOME-like folder with the
 * migrated database and the shipped reference tables (divisions, for the region rules; not timed), then the file
 * through the real `importFile`. With `live`, the server's live SearchIndex is open over the same database and the
 * import's batch hook calls `refreshLive()` as the server does; each batch's last publication is then searched for
 * until found, giving the time from the batch's commit to its records being searchable.
 *
 * argv: <file> <format> <live 0|1> <out.json>
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb } from "../../../apps/server/src/db/connection.ts";
import { migrateToLatest } from "../../../apps/server/src/db/migrate.ts";
import { importFile } from "../../../apps/server/src/modules/imports/imports.service.ts";
import { loadReferenceData } from "../../../apps/server/src/modules/imports/reference-data.ts";
import { SearchIndex } from "../../../apps/server/src/modules/search/search-index.ts";

export interface WorkerResult {
  format: string;
  rows: number;
  rowsBad: number;
  seconds: number;
  rowsPerSecond: number;
  /** CPU time of the import (user + system): what a loaded, shared machine inflates least. */
  cpuSeconds: number;
  maxRssMb: number;
  /** Commit → searchable per batch, ms (live runs only). */
  lagsMs?: number[];
  /** Time each batch hook (refreshLive's synchronous part) held the thread, ms (live runs only). */
  hookMs?: number[];
  /** The live index's background merges (count, docs rewritten) and its most segments at once (live runs only). */
  merges?: { count: number; docs: number; mostSegments: number };
  load1: number;
}

/** A batch not searchable this long after its commit is counted as never (∞), so the run still ends. */
const GIVE_UP_MS = 60_000;

async function main() {
  const [file, format, live, outFile] = process.argv.slice(2);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "zhichan-import-bench-"));
  try {
    const db = openDb(path.join(home, "zhichan.db"));
    await migrateToLatest(db.kysely);
    loadReferenceData(db.sqlite, path.resolve("data"));
    const index = live === "1" ? await SearchIndex.openYielding(db, path.join(home, "index")) : null;
    const commits: Array<{ at: number; pubNo: string }> = [];
    const lags: number[] = [];
    /** How long each batch hook held the thread (the index's synchronous share of catching up). */
    const hookMs: number[] = [];
    // The last publication of each committed batch (the batch commits as one transaction).
    const lastPub = db.sqlite.prepare("SELECT pub_no FROM patents ORDER BY id DESC LIMIT 1").pluck();
    let watching: Promise<void> = Promise.resolve();
    let importing = true;
    let mostSegments = 0;
    if (index) {
      watching = (async () => {
        for (let b = 0; importing || b < commits.length; ) {
          mostSegments = Math.max(mostSegments, index.engine.segmentCount);
          const c = commits[b];
          const late = c && performance.now() - c.at > GIVE_UP_MS;
          if (c && (late || index.engine.search(`PN=${c.pubNo}`, { limit: 0 }).total > 0)) {
            lags.push(late ? Number.POSITIVE_INFINITY : performance.now() - c.at);
            b++;
            continue;
          }
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
    }
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const report = await importFile(db, file, {
      source: `bench_${format}`,
      onBatchCommitted: index
        ? () => {
            const at = performance.now();
            commits.push({ at, pubNo: lastPub.get() as string });
            void index.refreshLive();
            hookMs.push(performance.now() - at);
          }
        : undefined,
    });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    importing = false;
    await watching;
    const rows = report.rowsOk + report.rowsBad;
    const result: WorkerResult = {
      format,
      rows,
      rowsBad: report.rowsBad,
      seconds,
      rowsPerSecond: rows / seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      lagsMs: index ? lags : undefined,
      hookMs: index ? hookMs : undefined,
      merges: index ? { count: index.mergeStats.merges, docs: index.mergeStats.docs, mostSegments } : undefined,
      load1: os.loadavg()[0],
    };
    fs.writeFileSync(outFile, JSON.stringify(result));
    index?.flushSave();
    await db.close();
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

await main();
