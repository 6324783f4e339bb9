import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb, insertPatents, seedReference } from "../../testing/fixture-db.js";
import { REAL_PATENTS } from "../../testing/real-fixtures.js";
import { systemClock } from "../accounts/clock.js";
import { analyticsRecords, analyticsRecordsPage } from "./analytics.repository.js";
import { AnalyticsStore } from "./analytics-store.js";

let db: Db;
beforeAll(async () => {
  db = (await freshDb()).db;
  seedReference(db);
  insertPatents(db, REAL_PATENTS);
});
afterAll(async () => db?.close());

describe("the analytics store", () => {
  it("reads the same records page by page as in one pass (applicants at page edges included)", () => {
    const pages = [];
    for (
      let page = analyticsRecordsPage(db, 0, 2);
      page.length > 0;
      page = analyticsRecordsPage(db, page.at(-1)!.id, 2)
    )
      pages.push(...page);
    expect(pages).toEqual([...analyticsRecords(db)]);
    expect(pages.length).toBe(REAL_PATENTS.length);
    expect(pages.some((r) => r.applicants.length > 0)).toBe(true);
  });

  it("refreshes in the background to the snapshot a synchronous build gives, and serves queries meanwhile", async () => {
    const background = new AnalyticsStore(db, systemClock, 2);
    let done = false;
    const refreshing = background.refresh().then(() => {
      done = true;
    });
    // the event loop is free between pages: the connection answers other queries while the build is under way
    let servedMeanwhile = 0;
    while (!done) {
      expect(db.sqlite.prepare("SELECT count(*) FROM patents").pluck().get()).toBe(REAL_PATENTS.length);
      servedMeanwhile++;
      await new Promise((r) => setImmediate(r));
    }
    await refreshing;
    expect(servedMeanwhile).toBeGreaterThan(1);
    const built = background.current(); // already current: no second build
    expect(background.current()).toBe(built);
    const direct = new AnalyticsStore(db, systemClock).current();
    expect(built.cols).toEqual(direct.cols);
    expect(built.seq).toBe(direct.seq);
  });

  it("follows an import: after a refresh the snapshot holds the new rows and current() builds nothing", async () => {
    const store = new AnalyticsStore(db, systemClock);
    const before = store.current();
    insertPatents(db, [{ ...REAL_PATENTS[0]!, pub_no: "CN000000002A", app_no: undefined }]);
    await store.refresh();
    const after = store.current();
    expect(after).not.toBe(before);
    expect(after.cols.rows).toBe(before.cols.rows + 1);
    expect(store.current()).toBe(after);
    await store.refresh(); // nothing changed: keeps the snapshot
    expect(store.current()).toBe(after);
  });
});
