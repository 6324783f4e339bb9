import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import type { Services } from "../../services.js";
import { DAY, FakeClock, MINUTE } from "../accounts/clock.js";
import { analyticsFixture } from "./analytics.fixture.js";

/**
 * Navigation reports, industry definitions and matrix exports take their times from the clock services.ts injects
 * (issue #18 item 3): asked, data snapshot, finished, published, defined and the export's date all move with it.
 */
let db: Db;
let s: Services;
const clock = new FakeClock(Date.UTC(2025, 2, 14, 8, 0, 0));

beforeAll(async () => {
  ({ db, services: s } = await analyticsFixture(clock));
});
afterAll(async () => db.close());

describe("analytics on the injected clock", () => {
  it("a report is stamped asked, built and published at the clock's times", async () => {
    const asked = s.analytics.create({ q: "IPC=H01M", focus: null }, 1);
    expect(asked.createdAt).toBe("2025-03-14T08:00:00.000Z");

    clock.advance(5 * MINUTE);
    await s.jobs.drain();
    const done = s.analytics.get(asked.id);
    expect(done.status).toBe("done");
    expect(done.finishedAt).toBe("2025-03-14T08:05:00.000Z");
    // the snapshot was built by this job or before it, on the same clock
    expect(["2025-03-14T08:00:00.000Z", "2025-03-14T08:05:00.000Z"]).toContain(done.snapshotAt);

    clock.advance(60 * MINUTE);
    expect(s.analytics.publish(asked.id, true, 1).publishedAt).toBe("2025-03-14T09:05:00.000Z");
  });

  it("industry definitions are seeded, created and changed at the clock's times", () => {
    const seeded = s.industries.list().items.find((i) => i.seiCode === "5.2");
    expect(seeded?.updatedAt).toBe("2025-03-14T08:00:00.000Z"); // createServices seeds the built-in ones
    const def = { name: "燃料电池", seiCode: null, ipcPrefixes: [], keywords: ["燃料电池"], exclusions: [], notes: "" };
    const made = s.industries.create(def, null);
    expect(made.updatedAt).toBe(new Date(clock.now()).toISOString());
    clock.advance(MINUTE);
    expect(s.industries.update(made.id, { ...def, notes: "含极板" }).updatedAt).toBe(
      new Date(clock.now()).toISOString(),
    );
  });

  it("dates a matrix export with the clock's day", () => {
    expect(s.analytics.techEffect.exportFileName()).toBe("zhichan-tech-effect-matrix-2025-03-14.xlsx");
    clock.advance(DAY);
    expect(s.analytics.techEffect.exportFileName()).toBe("zhichan-tech-effect-matrix-2025-03-15.xlsx");
  });
});
