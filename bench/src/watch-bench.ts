/**
 * `npm run bench:watches`: evaluating 1,000 watches against one import batch of 10,000 records (issue #16 item 3;
 * goal ≤ 2 s). In a fresh temporary home: 10,000 base records are imported (rows built from the shipped data by
 * src/import/scaled-rows.ts), 1,000 users each get one watch — 700 saved searches (query shapes over words taken
 * from the records' own titles, and their IPC subclasses), 150 patents and 150 applicant entities of the base —
 * then one file of 10,000 records is imported as ONE batch through the real `importFile`: 8,000 new publications
 * and 2,000 base records with a later legal status (about 2,000 status events). As in the server, the live index
 * (SearchIndex) catches up with the batch first — it does so for search anyway, so that is timed apart — and the
 * watches are then evaluated over the batch's documents in it (`WatchesService.afterBatch`, timed); then twice
 * more on the same batch (every hit already reported: the same matching, no new alerts). Wall and CPU time (the
 * machine may be shared: CPU time is what the work costs), median of three.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDb } from "../../apps/server/src/db/connection.ts";
import { migrateToLatest } from "../../apps/server/src/db/migrate.ts";
import { systemClock } from "../../apps/server/src/modules/accounts/clock.ts";
import { insertUser } from "../../apps/server/src/modules/accounts/users.repository.ts";
import { type CommittedBatch, importFile } from "../../apps/server/src/modules/imports/imports.service.ts";
import { allDivisions } from "../../apps/server/src/modules/reference/reference.repository.ts";
import { RegionDirectory } from "../../apps/server/src/modules/reference/region-directory.ts";
import { matchInEngine } from "../../apps/server/src/modules/search/batch-match.ts";
import { SearchIndex } from "../../apps/server/src/modules/search/search-index.ts";
import { WatchesService } from "../../apps/server/src/modules/watches/watches.service.ts";
import { loadTemplates, type MergedRow, scaledRows } from "./import/scaled-rows.ts";
import { writeIncopatCsv } from "./import/vendor-table.ts";

const GOAL_MS = 2000;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};
const { values } = parseArgs({
  options: { seed: { type: "string", default: "42" }, batch: { type: "string", default: "10000" } },
});
const seed = Number(values.seed);
const BATCH = Number(values.batch);
const UPDATED = Math.round(BATCH / 5);

/** Han bigrams of the titles by document frequency, and the IPC subclasses, of the given rows. */
function vocabulary(rows: MergedRow[]): { words: string[]; ipc: string[] } {
  const df = new Map<string, number>();
  const ipc = new Set<string>();
  for (const r of rows) {
    const seen = new Set<string>();
    const title = r.title ?? "";
    for (let i = 0; i + 1 < title.length; i++) {
      const w = title.slice(i, i + 2);
      if (/^[\u4e00-\u9fff]{2}$/.test(w)) seen.add(w);
    }
    for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
    const sub = /^[A-H]\d\d[A-Z]/.exec((r.ipc_main ?? r.ipc ?? "").trim())?.[0];
    if (sub) ipc.add(sub);
  }
  const ranked = [...df.entries()].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // spread over the ranks: frequent words (broad watches) to rare ones
  const words = Array.from({ length: 200 }, (_, i) => ranked[Math.floor((i * ranked.length) / 200)]?.[0]).filter(
    (w): w is string => !!w,
  );
  return { words, ipc: [...ipc].sort() };
}

function queryOf(i: number, words: string[], ipc: string[]): string {
  const w = words[i % words.length];
  const w2 = words[(i * 7 + 3) % words.length];
  switch (i % 6) {
    case 0:
      return `TI=${w}`;
    case 1:
      return `${w} AND ${w2}`;
    case 2:
      return `${w} OR ${w2}`;
    case 3:
      return `IPC=${ipc[i % ipc.length] ?? "G06F"} AND ${w}`;
    case 4:
      return `${w} NOT ${w2}`;
    default:
      return `(TI=${w} OR AB=${w2}) AND AD>=2015-01-01`;
  }
}

async function main() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "zhichan-watch-bench-"));
  try {
    const db = openDb(path.join(home, "bench.db"));
    await migrateToLatest(db.kysely);
    const templates = loadTemplates();
    const all = [...scaledRows(templates, seed, BATCH * 2)];
    const base = all.slice(0, BATCH);
    const baseFile = path.join(home, "base.csv");
    await writeIncopatCsv(baseFile, base);
    await importFile(db, baseFile, { source: "bench-base", exportDate: "2020-01-01", batchSize: 2000 });

    // 1,000 watchers, one watch each
    const index = SearchIndex.open(db, path.join(home, "index"));
    const regions = new RegionDirectory(allDivisions(db)).resolve;
    const watches = new WatchesService(db, {
      clock: systemClock,
      matcher: async (range, queries) => matchInEngine(index.engine, range, queries, regions),
    });
    const { words, ipc } = vocabulary(base);
    const patentIds = db.sqlite.prepare("SELECT id FROM patents ORDER BY id").pluck().all() as number[];
    const applicantIds = db.sqlite
      .prepare("SELECT id FROM applicants WHERE merged_into IS NULL ORDER BY id")
      .pluck()
      .all() as number[];
    for (let i = 0; i < 1000; i++) {
      const user = insertUser(db, {
        username: `watcher${i}`,
        display_name: `watcher${i}`,
        password_hash: "-",
        must_change_password: 0,
        phone_enc: null,
        phone_mask: null,
        id_number_enc: null,
        id_number_mask: null,
        id_number_hmac: null,
        created_at: Date.now(),
      });
      if (i < 700) watches.saveSearch(user, { name: `w${i}`, q: queryOf(i, words, ipc), watch: true });
      else if (i < 850) watches.watch(user, { kind: "patent", patentId: patentIds[(i * 37) % UPDATED] });
      else watches.watch(user, { kind: "applicant", applicantId: applicantIds[(i * 53) % applicantIds.length] });
    }

    // the batch: 8,000 new publications and 2,000 base records whose legal status changed
    const changed = base
      .slice(0, UPDATED)
      .map((r) => ({ ...r, legal_status: r.legal_status === "失效" ? "有效" : "失效" }));
    const batchFile = path.join(home, "batch.csv");
    await writeIncopatCsv(batchFile, [...changed, ...all.slice(BATCH, BATCH * 2 - UPDATED)]);
    let committed: CommittedBatch | null = null;
    let catchUp = { wall: 0, cpu: 0 };
    const runs: number[] = [];
    const cpu: number[] = [];
    let first = { alerts: 0, records: 0 };
    await importFile(db, batchFile, {
      source: "bench-batch",
      exportDate: "2024-01-01",
      batchSize: BATCH,
      onBatchCommitted: (b) => {
        committed = b;
      },
    });
    if (!committed) throw new Error("no batch was committed");
    const b = committed as CommittedBatch;
    {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await index.refreshLive();
      catchUp = { wall: performance.now() - t0, cpu: cpuMs(c0) };
    }
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const result = await watches.afterBatch(b);
      if (r === 0) first = result;
      runs.push(performance.now() - t0);
      cpu.push(cpuMs(c0));
    }
    const inserted = b.insertedPatents.upTo - b.insertedPatents.after;
    const events = b.events.upTo - b.events.after;
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[1];
    console.log(
      `watch evaluation: 1,000 watches (700 searches, 150 patents, 150 applicants) × one batch of ${BATCH.toLocaleString("en-US")} records (${inserted.toLocaleString("en-US")} inserted, ${events.toLocaleString("en-US")} history events)`,
    );
    console.log(
      `  the live index catching up with the batch (done for search anyway): wall ${catchUp.wall.toFixed(0)} ms, CPU ${catchUp.cpu.toFixed(0)} ms`,
    );
    console.log(`  first evaluation → ${first.alerts} alerts listing ${first.records} records`);
    const list = (xs: number[]) =>
      `${xs.map((x) => `${x.toFixed(0)} ms`).join(", ")}; median ${median(xs).toFixed(0)} ms`;
    console.log(`  wall: ${list(runs)}`);
    console.log(`  CPU: ${list(cpu)}`);
    console.log(
      `  goal ≤ ${GOAL_MS} ms: wall ${median(runs) <= GOAL_MS ? "met" : "NOT met"}, CPU ${median(cpu) <= GOAL_MS ? "met" : "NOT met"} (load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores)`,
    );
    await db.close();
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
