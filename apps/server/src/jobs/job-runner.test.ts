import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../db/connection.js";
import { SearchIndex } from "../modules/search/search-index.js";
import { createServices } from "../services.js";
import { freshDb, insertPatents, seedReference } from "../testing/fixture-db.js";
import { REAL_PATENTS } from "../testing/real-fixtures.js";
import { JobRunner } from "./job-runner.js";
import { claimJob, findJob } from "./jobs.repository.js";

let db: Db | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

describe("durable jobs", () => {
  it("persists progress and the result, and records a failure's message", async () => {
    ({ db } = await freshDb());
    const seen: number[] = [];
    const runner = new JobRunner(db, {
      ok: async (p, ctx) => {
        await ctx.progress(0.5, "half");
        seen.push(findJob(db as Db, ctx.jobId)?.progress ?? -1);
        return { echo: p };
      },
      bad: async () => {
        throw new Error("boom");
      },
    });
    const a = runner.enqueue("ok", { x: 1 });
    const b = runner.enqueue("bad", {});
    expect(await runner.drain()).toBe(2);
    expect(seen).toEqual([0.5]);
    expect(findJob(db, a)).toMatchObject({ status: "done", progress: 1, result_json: '{"echo":{"x":1}}' });
    expect(findJob(db, b)).toMatchObject({ status: "failed", message: "boom" });
  });

  it("a report left 'running' by a crash is re-queued and finished after a restart", async () => {
    const fresh = await freshDb();
    db = fresh.db;
    seedReference(db);
    insertPatents(db, REAL_PATENTS);
    const first = createServices(db, SearchIndex.open(db, path.join(fresh.dir, "index")));
    const report = first.analytics.create({ q: "IPC=H01M", focus: null }, null);
    // the process claims the job, then dies before finishing it
    expect(claimJob(db, ["navigation_report"])?.status).toBe("running");
    expect(first.analytics.get(report.id).status).toBe("running");

    const second = createServices(db, SearchIndex.open(db, path.join(fresh.dir, "index")));
    second.jobs.start(); // re-queues, then runs in the background loop
    await expect.poll(() => second.analytics.get(report.id).status).toBe("done"); // vitest.config.ts: up to 10 s
    await second.jobs.stop();
    const done = second.analytics.get(report.id);
    expect(done.status).toBe("done");
    expect(done.data?.scope.total).toBe(4);
  });
});
