/**
 * `npx tsx bench/src/import-lag.ts [--db <zhichan.db>]`: the time from an import batch's commit to its records
 * being searchable in a running server's index (issue #14 item 5), on a copy of a real database (default: the one
 * `npm run bench -- --load` leaves in bench/out/load-home). Two paths: in-process (the import's batch hook calls
 * refreshSoon) and another connection (the CLI), found by the 1 s poll. Prints per-batch lags; writes nothing back.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Db, openDb } from "../../apps/server/src/db/connection.ts";
import { migrateToLatest } from "../../apps/server/src/db/migrate.ts";
import { importFile } from "../../apps/server/src/modules/imports/imports.service.ts";
import { SearchIndex } from "../../apps/server/src/modules/search/search-index.ts";

const BATCH = 1000;
const BATCHES = 5;
const MARKS = "甲乙丙丁戊己庚辛壬癸";

function csv(dir: string, name: string, base: number, mark: number): string {
  const lines = ["公开号,标题,申请人,法律状态"];
  for (let b = 0; b < BATCHES; b++)
    for (let i = 0; i < BATCH; i++)
      lines.push(`CN${base + b * BATCH + i}A,延迟测量${MARKS[mark + b]}批的一种装置${i},测量公司,实质审查`);
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join("\n"));
  return file;
}

async function measure(label: string, index: SearchIndex, importDb: Db, file: string, mark: number, hook: boolean) {
  const commits: number[] = [];
  const lags: number[] = [];
  const found = (b: number) => index.engine.search(`TI="延迟测量${MARKS[mark + b]}批"`, { limit: 0 }).total === BATCH;
  const watching = (async () => {
    for (let b = 0; b < BATCHES; b++) {
      while (commits[b] === undefined || !found(b)) await new Promise((r) => setTimeout(r, 2));
      lags.push(performance.now() - commits[b]);
    }
  })();
  await importFile(importDb, file, {
    source: `lag_${label}`,
    batchSize: BATCH,
    onBatchCommitted: () => {
      commits.push(performance.now());
      if (hook) void index.refreshLive();
    },
  });
  await watching;
  const ms = lags.map((l) => Math.round(l));
  console.log(`${label}: commit → searchable per batch of ${BATCH}: ${ms.join(", ")} ms (max ${Math.max(...ms)} ms)`);
}

async function main() {
  const at = process.argv.indexOf("--db");
  const source = path.resolve(at > 0 ? process.argv[at + 1] : "bench/out/load-home/zhichan.db");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zhichan-lag-"));
  try {
    fs.copyFileSync(source, path.join(dir, "zhichan.db"));
    const db = openDb(path.join(dir, "zhichan.db"));
    await migrateToLatest(db.kysely);
    const t0 = performance.now();
    const index = await SearchIndex.openYielding(db, path.join(dir, "index"));
    console.log(`index of ${index.engine.docCount} docs built in ${Math.round(performance.now() - t0)} ms`);
    await measure("in-process (batch hook)", index, db, csv(dir, "a.csv", 930_000_000, 0), 0, true);
    const stop = index.follow(1000);
    const cli = openDb(path.join(dir, "zhichan.db"));
    await measure("other connection (1 s poll)", index, cli, csv(dir, "b.csv", 940_000_000, BATCHES), BATCHES, false);
    stop();
    await cli.close();
    await db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
