import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { b64, type Caller, type CaseKit, caseKit, FILES, REGISTRATION_FORM } from "../modules/cases/cases.test-kit.js";
import { sessionHeaders } from "../testing/auth-fixtures.js";
import { freshDb } from "../testing/fixture-db.js";
import { toErrorBody } from "./error-handler.js";

const FULL = /^存储空间已满.*storage full/;

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe("a full disk answers 507 STORAGE_FULL, never a generic 500", () => {
  it("maps ENOSPC, EDQUOT and a wrapped cause", () => {
    for (const code of ["ENOSPC", "EDQUOT"]) {
      const { status, body } = toErrorBody(Object.assign(new Error(`${code}: /secret/path`), { code }));
      expect(status).toBe(507);
      expect(body.error.code).toBe("STORAGE_FULL");
      expect(body.error.message).toMatch(FULL);
      expect(JSON.stringify(body)).not.toMatch(/secret/);
    }
    const wrapped = new Error("query failed", { cause: Object.assign(new Error("x"), { code: "ENOSPC" }) });
    expect(toErrorBody(wrapped).status).toBe(507);
    expect(toErrorBody(Object.assign(new Error("x"), { code: "EACCES" })).status).toBe(500);
  });

  it("maps SQLite's own SQLITE_FULL, from a real database that has run out of pages", async () => {
    const { db } = await freshDb();
    try {
      db.sqlite.exec("CREATE TABLE filler (x)");
      const pages = (db.sqlite.pragma("page_count", { simple: true }) as number) + 1;
      db.sqlite.pragma(`max_page_count = ${pages}`);
      let caught: unknown;
      try {
        const insert = db.sqlite.prepare("INSERT INTO filler VALUES (?)");
        for (let i = 0; i < 100; i++) insert.run("x".repeat(4000));
      } catch (err) {
        caught = err;
      }
      expect((caught as { code?: string }).code).toBe("SQLITE_FULL");
      expect(toErrorBody(caught)).toMatchObject({ status: 507, body: { error: { code: "STORAGE_FULL" } } });
    } finally {
      await db.close();
    }
  });
});

describe("over HTTP, through the real routes", () => {
  let k: CaseKit;
  let ent: Caller;
  let caseId: number;
  beforeAll(async () => {
    k = await caseKit();
    const org = k.org("郑州某电池科技有限公司", "91350100M000100Y43", "410105");
    ent = await k.user("ent-a", "enterprise", { org });
    const r = await ent.post("/api/cases", {
      type: "protection_registration",
      title: "企业备案",
      filedAs: ent.filedAs,
      form: REGISTRATION_FORM,
    });
    expect(r.status).toBe(200);
    caseId = r.body.id;
  });
  afterAll(async () => k.close());

  it("an attachment on a full disk: 507, no orphan temporary file, no attachment row", async () => {
    // the disk fills while the attachment's temporary file is written (only that file's writes fail)
    const realWrite = fs.writeSync;
    const spy = vi.spyOn(fs, "writeSync").mockImplementation(((fd: number, ...rest: unknown[]) => {
      const target = fs.readlinkSync(`/proc/self/fd/${fd}`);
      if (target.includes(`${path.sep}attachments${path.sep}`) && target.endsWith(".tmp")) {
        (realWrite as (fd: number, b: Buffer, o: number, l: number) => number)(fd, FILES.pdf, 0, 8);
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      }
      return (realWrite as (...a: unknown[]) => number)(fd, ...rest);
    }) as typeof fs.writeSync);
    let r: Awaited<ReturnType<Caller["post"]>>;
    try {
      r = await ent.post(`/api/cases/${caseId}/attachments`, {
        kind: "business_licence",
        filename: "licence.pdf",
        contentBase64: b64(FILES.pdf),
      });
    } finally {
      spy.mockRestore();
    }
    expect(r.status).toBe(507);
    expect(r.body.error).toMatchObject({ code: "STORAGE_FULL", message: expect.stringMatching(FULL) });
    expect(walk(path.join(k.t.dir, "attachments")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect((await ent.get(`/api/cases/${caseId}`)).body.attachments).toEqual([]);
  });

  it("a comment when the database is full: 507, not 500", async () => {
    const sqlite = k.t.db.sqlite;
    const headers = { host: "localhost", ...sessionHeaders(k.t, ent.id) };
    const limit = sqlite.pragma("max_page_count", { simple: true }) as number;
    sqlite.exec("CREATE TABLE filler (x)");
    sqlite.pragma(`max_page_count = ${sqlite.pragma("page_count", { simple: true }) as number}`);
    try {
      // use up every free page: a 4,000-character comment then needs new (overflow) pages and the disk has none
      const fill = sqlite.prepare("INSERT INTO filler VALUES (?)");
      expect(() => {
        for (;;) fill.run("x".repeat(3000));
      }).toThrow(expect.objectContaining({ code: "SQLITE_FULL" }));
      const res = await k.t.app.inject({
        method: "POST",
        url: `/api/cases/${caseId}/comments`,
        headers,
        payload: { body: "评".repeat(4000) },
      });
      expect(res.statusCode).toBe(507);
      expect(res.json().error).toMatchObject({ code: "STORAGE_FULL", message: expect.stringMatching(FULL) });
    } finally {
      sqlite.pragma(`max_page_count = ${limit}`);
      sqlite.exec("DROP TABLE filler");
    }
  });
});
