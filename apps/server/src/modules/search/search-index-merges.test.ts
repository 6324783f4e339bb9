/**
 * Issue #14, live index: a stream of small batches must not make any batch wait for the large segment to be
 * rewritten. Catching up only adds the batch's own small segment; the engine's tiered merges run afterwards in
 * slices, small segments with each other; saves keep the large segment's file (its deletes go beside it). Totals
 * stay exact after every batch and at every point while merges run, updates of rows in the large segment included.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb, insertPatents } from "../../testing/fixture-db.js";
import { REAL_PATENTS } from "../../testing/real-fixtures.js";
import { loadIndexFiles } from "./index-store.js";
import { SearchIndex } from "./search-index.js";

const BASE_ROWS = 600; // tier 1 of the merge policy: batches of a few rows never fill it
const BATCHES = 40;
const BATCH_ROWS = 4;

let db: Db;
let home: string;
beforeAll(async () => {
  ({ db, dir: home } = await freshDb());
});
afterAll(() => db.close());

const rows = (prefix: string, n: number, title: string) =>
  Array.from({ length: n }, (_, i) => {
    const p = REAL_PATENTS[i % REAL_PATENTS.length];
    return { ...p, pub_no: `${p.pub_no}-${prefix}-${i}`, title: `${title}${p.title}`, applicants: ["分层合并公司"] };
  });

/** Re-titles one stored row as an import update does (a new updated_seq: the index re-indexes it). */
function retitle(pubNo: string, title: string): void {
  db.sqlite
    .prepare("UPDATE patents SET title = ?, updated_seq = (SELECT max(updated_seq) + 1 FROM patents) WHERE pub_no = ?")
    .run(title, pubNo);
}

const count = (sql: string) => db.sqlite.prepare(sql).pluck().get() as number;
const baseFileOf = (dir: string) => {
  const loaded = loadIndexFiles(dir);
  if (loaded.status !== "ok") throw new Error(`index not saved: ${loaded.status}`);
  return loaded.manifest.files.reduce((a, b) => (a.bytes >= b.bytes ? a : b)); // the large segment's file
};

describe("live index: small batches beside a large segment", () => {
  it("never rewrites the large segment on the catch-up path, and totals are exact after every batch", async () => {
    insertPatents(db, rows("base", BASE_ROWS, "基础"));
    const dir = path.join(home, "index");
    const index = SearchIndex.open(db, dir);
    const [base] = index.engine.segmentViews();
    expect(base.maxDoc).toBe(BASE_ROWS);
    const baseFile = baseFileOf(dir);

    const expected = () => ({
      all: count("SELECT count(*) FROM patents"),
      renamed: count("SELECT count(*) FROM patents WHERE title LIKE '更正%'"),
      based: count("SELECT count(*) FROM patents WHERE title LIKE '基础%'"),
    });
    const totals = () => ({
      all: index.engine.search("AP=分层合并公司", { limit: 0 }).total,
      renamed: index.engine.search("TI=更正", { limit: 0 }).total,
      based: index.engine.search("TI=基础", { limit: 0 }).total,
    });
    // queries keep being answered while merges run in the background: each must be exact too
    let watching = true;
    let answered = 0;
    let want = expected();
    const wrong: string[] = [];
    const watcher = (async () => {
      while (watching) {
        const got = totals();
        if (JSON.stringify(got) !== JSON.stringify(want))
          wrong.push(`${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
        answered++;
        await new Promise((r) => setImmediate(r));
      }
    })();

    for (let b = 0; b < BATCHES; b++) {
      // each batch: new rows and an update of a row held by the large segment
      insertPatents(db, rows(`b${b}`, BATCH_ROWS, "新增"));
      retitle(`${REAL_PATENTS[b % REAL_PATENTS.length].pub_no}-base-${b}`, `更正标题${b}`);
      const mergedBefore = index.mergeStats.docs;
      const refreshing = index.refreshLive(); // the batch hook's synchronous part runs here: a page this small is in
      want = expected();
      expect(totals()).toEqual(want);
      expect(index.mergeStats.docs).toBe(mergedBefore); // no merge inside the catch-up
      await refreshing;
      expect(totals()).toEqual(want);
      expect(index.engine.segmentViews().some((v) => v.key === base.key)).toBe(true); // the large one is intact
    }
    await index.mergesSettled();
    watching = false;
    await watcher;
    expect(wrong).toEqual([]);
    expect(answered).toBeGreaterThan(BATCHES);

    // the small segments were merged with each other, in the background
    expect(index.mergeStats.merges).toBeGreaterThan(0);
    expect(index.engine.segmentCount).toBeLessThanOrEqual(8);
    expect(index.engine.segmentViews()[0].key).toBe(base.key);

    // a save keeps the large segment's file, writing its deletes (the updated rows) beside it
    index.follow(60_000)(); // stopping the follower saves now
    const after = baseFileOf(dir);
    expect(after.name).toBe(baseFile.name);
    expect(after.sha256).toBe(baseFile.sha256);
    expect(after.deletes?.name).toMatch(/\.del$/);
    expect(fs.existsSync(path.join(dir, after.deletes?.name ?? ""))).toBe(true);

    // and the saved index answers the same after a restart, without rebuilding
    const damaged: string[] = [];
    const reopened = SearchIndex.open(db, dir, undefined, ({ reason }) => damaged.push(reason));
    expect(damaged).toEqual([]);
    expect(reopened.engine.search("AP=分层合并公司", { limit: 0 }).total).toBe(want.all);
    expect(reopened.engine.search("TI=更正", { limit: 0 }).total).toBe(want.renamed);
    expect(reopened.engine.search("TI=基础", { limit: 0 }).total).toBe(want.based);
  }, 120_000);
});
