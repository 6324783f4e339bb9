/**
 * The persisted index is derived data: a damaged file must be found (checksums), moved aside and rebuilt from the
 * database with the same answers; a failed write must leave the old index whole and no temp files behind.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb, insertPatents } from "../../testing/fixture-db.js";
import { REAL_PATENTS } from "../../testing/real-fixtures.js";
import { type FileIo, IndexWriteError } from "./durable-write.js";
import { loadIndexFiles, saveIndexFiles } from "./index-store.js";
import { SearchIndex } from "./search-index.js";

const QUERIES = ["电池", "TI=电池", "方法 OR 装置", '"电池更换"'];

/** Copies of the real fixture patents under other numbers: enough rows for two segments of some size. */
function copies(round: number) {
  return Array.from({ length: 40 }, (_, i) => {
    const p = REAL_PATENTS[i % REAL_PATENTS.length];
    return { ...p, pub_no: `${p.pub_no}-${round}-${i}` };
  });
}

const totals = (index: SearchIndex) => QUERIES.map((q) => index.engine.search(q, { limit: 0 }).total);
const tempsIn = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"));

describe("SearchIndex persistence", () => {
  let db: Db;
  let home: string;
  let pristine: string;
  let expected: number[];
  let docCount: number;

  beforeAll(async () => {
    ({ db, dir: home } = await freshDb());
    insertPatents(db, [...REAL_PATENTS, ...copies(1)]);
    pristine = path.join(home, "pristine");
    const index = SearchIndex.open(db, pristine);
    insertPatents(db, copies(2));
    // an update of a row in the first segment: its new version goes to the second, its delete beside the first
    db.sqlite
      .prepare(
        "UPDATE patents SET title = '更正的标题', updated_seq = (SELECT max(updated_seq) + 1 FROM patents) WHERE pub_no = ?",
      )
      .run(REAL_PATENTS[0].pub_no);
    index.catchUp(); // a second segment
    expected = totals(index);
    docCount = index.engine.docCount;
    expect(expected[0]).toBeGreaterThan(0);
  });
  afterAll(() => db.close());

  it("rebuilds from the database, with the same answers, when a segment file or the manifest is damaged", () => {
    const files = fs.readdirSync(pristine).sort();
    expect(files).toHaveLength(4); // two segments, the first one's deletes file and the manifest
    expect(files.filter((f) => f.endsWith(".del"))).toHaveLength(1);
    const damage = fc.record({
      file: fc.constantFrom(...files),
      how: fc.oneof(
        fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
        fc.record({ kind: fc.constant("zero" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
        fc.record({ kind: fc.constant("cut" as const), keep: fc.nat() }),
      ),
    });
    let run = 0;
    fc.assert(
      fc.property(damage, ({ file, how }) => {
        const dir = path.join(home, `damaged-${run++}`);
        fs.cpSync(pristine, dir, { recursive: true });
        const target = path.join(dir, file);
        const bytes = fs.readFileSync(target);
        let out: Buffer;
        if (how.kind === "cut") out = bytes.subarray(0, how.keep % bytes.length);
        else {
          out = Buffer.from(bytes);
          const at = how.at % out.length;
          if (how.kind === "flip") out[at] ^= how.mask;
          else out.fill(0, at, Math.min(out.length, at + how.length));
        }
        fc.pre(!out.equals(bytes));
        fs.writeFileSync(target, out);

        const reports: string[] = [];
        const started = Date.now();
        const index = SearchIndex.open(db, dir, undefined, ({ reason }) => reports.push(reason));
        expect(Date.now() - started).toBeLessThan(30_000); // bounded: it never spins on what it read
        expect(reports).toHaveLength(1);
        expect(fs.existsSync(`${dir}.damaged`)).toBe(true);
        expect(totals(index)).toEqual(expected);
        expect(index.engine.docCount).toBe(docCount);
        expect(loadIndexFiles(dir).status).toBe("ok"); // the rebuilt index was saved whole
        fs.rmSync(dir, { recursive: true });
        fs.rmSync(`${dir}.damaged`, { recursive: true });
      }),
      { numRuns: 60, seed: 13 },
    );
  }, 120_000);

  it("reopens an intact index without rebuilding it", () => {
    const reports: string[] = [];
    const index = SearchIndex.open(db, pristine, undefined, ({ reason }) => reports.push(reason));
    expect(reports).toEqual([]);
    expect(totals(index)).toEqual(expected);
  });

  it("leaves no temp file and the old index whole when a write fails part-way (disk full)", () => {
    const dir = path.join(home, "full-disk");
    fs.cpSync(pristine, dir, { recursive: true });
    const before = loadIndexFiles(dir);
    expect(before.status).toBe("ok");
    const files = before.status === "ok" ? before.files.map((f) => ({ ...f, name: f.name.replace(/^g\d+-/, "") })) : [];
    for (const failAt of [1, 2, 3, 4]) {
      // the failAt-th file written gets half its bytes, then the disk is full
      let writes = 0;
      const io: FileIo = {
        ...fs,
        writeSync: ((fd: number, buf: Uint8Array, off: number, len: number) => {
          if (++writes < failAt) return fs.writeSync(fd, buf, off, len);
          fs.writeSync(fd, buf, off, Math.floor(len / 2));
          throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        }) as FileIo["writeSync"],
      };
      const names = fs.readdirSync(dir).sort();
      expect(() => saveIndexFiles(dir, 999, files, io)).toThrow(IndexWriteError);
      expect(() => saveIndexFiles(dir, 999, files, io)).toThrow(/storage full \(ENOSPC\)/);
      expect(tempsIn(dir)).toEqual([]);
      expect(fs.readdirSync(dir).sort()).toEqual(names); // nothing new left behind
      const after = loadIndexFiles(dir);
      expect(after.status === "ok" && after.manifest.lastSeq).toBe(before.status === "ok" && before.manifest.lastSeq);
    }
  });

  it("removes temp files a crash left behind when it opens", () => {
    const dir = path.join(home, "crashed");
    fs.cpSync(pristine, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "g9-seg-000001.zcs.tmp"), "half a segment");
    fs.writeFileSync(path.join(dir, "manifest.json.tmp"), "{");
    const index = SearchIndex.open(db, dir);
    expect(tempsIn(dir)).toEqual([]);
    expect(totals(index)).toEqual(expected);
  });

  it("lets the event loop run while it rebuilds, so a signal is handled at once", async () => {
    const dir = path.join(home, "yielding");
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const opening = SearchIndex.openYielding(db, dir);
    const index = await opening;
    clearInterval(ticker);
    expect(index.engine.docCount).toBe(docCount);
    expect(totals(index)).toEqual(expected);
    expect(turns).toBeGreaterThan(0);
  });

  // last: it adds rows to the shared database
  it("writes a kept segment again when its file has gone, and reads a version 2 manifest", () => {
    const dir = path.join(home, "kept-gone");
    fs.cpSync(pristine, dir, { recursive: true });
    const index = SearchIndex.open(db, dir);
    for (const name of fs.readdirSync(dir)) if (name.endsWith(".zcs")) fs.rmSync(path.join(dir, name));
    insertPatents(db, copies(3));
    index.catchUp(); // saves: the kept files are not there, so their segments are written whole
    const reports: string[] = [];
    const reopened = SearchIndex.open(db, dir, undefined, ({ reason }) => reports.push(reason));
    expect(reports).toEqual([]);
    expect(totals(reopened)).toEqual(totals(index));

    // an index saved before deletes files existed (manifest version 2) opens as it is
    const v2 = path.join(home, "manifest-v2");
    saveIndexFiles(v2, 7, index.engine.toSegmentFiles());
    const manifestPath = path.join(v2, "manifest.json");
    const { body } = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
    const old = { ...body, version: 2 };
    const sha = createHash("sha256").update(JSON.stringify(old)).digest("hex");
    fs.writeFileSync(manifestPath, JSON.stringify({ body: old, sha256: sha }));
    const loaded = loadIndexFiles(v2);
    expect(loaded.status).toBe("ok");
    expect(loaded.status === "ok" && loaded.manifest.lastSeq).toBe(7);
  });
});
