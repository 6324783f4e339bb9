import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestContext } from "../../../http/auth-context.js";
import { JobRunner } from "../../../jobs/job-runner.js";
import { type AuthTestApp, authTestApp, makeUser } from "../../../testing/auth-fixtures.js";
import type { Actor } from "../../accounts/accounts.policy.js";
import { fileKind } from "./file-kind.js";
import { csvOf } from "./test-files.js";
import { stageUpload } from "./upload-staging.js";
import { WebImportsService } from "./web-imports.service.js";

/** The web import's service on a fresh database: staging bounds, the sweep, and a crashed import resuming. */
let t: AuthTestApp;
let ctx: RequestContext;

const HEADER = ["公开（公告）号", "标题", "申请人", "法律状态"];
const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => [`CN30020000${i}A`, `一种测试装置${i}`, "郑州大学", "实质审查"]);
const count = (sql: string, ...args: unknown[]) =>
  t.db.sqlite
    .prepare(sql)
    .pluck()
    .get(...args) as number;
const stream = (b: Buffer) => Readable.from([b]);

beforeAll(async () => {
  t = await authTestApp();
  const user = await makeUser(t, "svc-city", [{ role: "official" }]);
  const actor = { userId: user.id, username: user.username, district: null } as Actor;
  ctx = { actor, ip: "127.0.0.1", district: null };
}, 60_000);
afterAll(async () => t.close());

describe("staging an upload", () => {
  it("stops reading at the size bound and leaves nothing behind", async () => {
    const dir = path.join(t.dir, "stage-test");
    let pulled = 0;
    // An endless upload: only a bound that stops reading lets this test finish.
    const endless = Readable.from(
      (function* () {
        for (;;) {
          pulled += 16 * 1024;
          yield Buffer.alloc(16 * 1024, 0x41);
        }
      })(),
    );
    await expect(stageUpload(endless, path.join(dir, "u1"), "big.csv", 256 * 1024)).rejects.toMatchObject({
      code: "TOO_LARGE",
      message: expect.stringContaining("big.csv"),
    });
    expect(pulled).toBeLessThan(1024 * 1024);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("types content by its first bytes, and turns UTF-16 text into UTF-8", async () => {
    expect(fileKind(Buffer.from("<?xml version='1.0'?><a/>"), "x")).toBe("xml");
    expect(fileKind(Buffer.from("\uFEFF公开号,标题\n"), "x")).toBe("text");
    expect(() => fileKind(Buffer.from("%PDF-1.7"), "a.csv")).toThrow(/PDF/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("公开号\t标题\nCN1A\t一种\n", "utf16le")]);
    const staged = await stageUpload(stream(utf16), path.join(t.dir, "stage-test", "u2"), "unicode.txt");
    expect(staged.kind).toBe("text");
    expect(fs.readFileSync(staged.file, "utf8")).toBe("\uFEFF公开号\t标题\nCN1A\t一种\n");
  });

  it("sweeps uploads nobody started within a day", async () => {
    const svc = new WebImportsService(t.db, { audit: t.s.audit, refreshSearch: () => {} });
    const p = await svc.upload(ctx, { filename: "old.csv", stream: stream(csvOf([HEADER, ...rows(1)])) });
    const staged = path.join(t.dir, "import-uploads", p.upload.id);
    expect(fs.existsSync(staged)).toBe(true);
    t.db.sqlite
      .prepare("UPDATE import_uploads SET uploaded_at = '2000-01-01T00:00:00.000Z' WHERE id = ?")
      .run(p.upload.id);
    await svc.upload(ctx, { filename: "new.csv", stream: stream(csvOf([HEADER, ...rows(1)])) }); // sweeps first
    expect(fs.existsSync(staged)).toBe(false);
    expect(count("SELECT staged FROM import_uploads WHERE id = ?", p.upload.id)).toBe(0);
    await expect(svc.preview(ctx, p.upload.id, {})).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("a crashed import", () => {
  it("is re-queued on restart and resumes after its last committed batch", async () => {
    let kill = true;
    let commits = 0;
    const svc = new WebImportsService(t.db, {
      audit: t.s.audit,
      batchSize: 2,
      refreshSearch: () => {
        commits++;
        if (kill && commits === 2) throw new Error("killed"); // the process dies after its second batch
      },
    });
    const first = new JobRunner(t.db, svc.handlers);
    svc.attachJobs(first);
    const p = await svc.upload(ctx, { filename: "seven.csv", stream: stream(csvOf([HEADER, ...rows(7)])) });
    const job = svc.start(ctx, p.upload.id, { source: "svc-kill" });
    expect(job.status).toBe("queued");
    await first.drain();
    expect(count("SELECT count(*) FROM patents WHERE pub_no LIKE 'CN30020000%'")).toBe(4);
    // progress is saved once a batch's search refresh is asked for: the kill came in between
    expect(svc.get(job.id).progress).toEqual({ done: 2, total: 7 });
    // What kill -9 leaves: the job and its run still 'running'.
    t.db.sqlite.prepare("UPDATE jobs SET status = 'running' WHERE id = ?").run(job.id);
    t.db.sqlite
      .prepare("UPDATE import_runs SET status = 'running', finished_at = NULL WHERE source = 'svc-kill'")
      .run();

    kill = false;
    const restarted = new JobRunner(t.db, svc.handlers, 10);
    svc.attachJobs(restarted);
    expect(restarted.start()).toBe(1); // re-queued
    let detail = svc.get(job.id);
    for (let i = 0; i < 400 && detail.status !== "done" && detail.status !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 25));
      detail = svc.get(job.id);
    }
    await restarted.stop();
    expect(detail.status, detail.message ?? "").toBe("done");
    expect(detail.report).toMatchObject({ resumedAfterRow: 4, rowsTotal: 7, inserted: 7, rejected: 0 });
    expect(detail.progress).toEqual({ done: 7, total: 7 });
    expect(count("SELECT count(*) FROM patents WHERE pub_no LIKE 'CN30020000%'")).toBe(7);
    expect(count("SELECT count(*) FROM import_runs WHERE source = 'svc-kill'")).toBe(1);
  });

  it("runs on its own runner: import jobs and report jobs never claim each other's kinds", async () => {
    const svc = new WebImportsService(t.db, { audit: t.s.audit, refreshSearch: () => {} });
    const reports = new JobRunner(t.db, { "navigation-report": async () => "report" });
    const imports = new JobRunner(t.db, svc.handlers);
    svc.attachJobs(imports);
    const reportJob = reports.enqueue("navigation-report", {});
    const p = await svc.upload(ctx, { filename: "one.csv", stream: stream(csvOf([HEADER, ...rows(1)])) });
    const importJob = svc.start(ctx, p.upload.id, { source: "svc-own-runner", force: true });
    expect(await imports.drain()).toBe(1);
    expect(svc.get(importJob.id).status).toBe("done");
    expect(count("SELECT status FROM jobs WHERE id = ?", reportJob)).toBe("queued");
    expect(await reports.drain()).toBe(1);
  });
});
