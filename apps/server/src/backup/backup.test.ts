import { execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "../db/connection.js";
import { migrateToLatest } from "../db/migrate.js";
import { AttachmentStore } from "../modules/cases/attachment-store.js";
import { SearchIndex } from "../modules/search/search-index.js";
import { insertPatents, seedReference } from "../testing/fixture-db.js";
import { REAL_PATENTS } from "../testing/real-fixtures.js";
import { backupHome } from "./backup.js";
import { DB_FILE, MANIFEST_FILE } from "./manifest.js";
import { restoreHome } from "./restore.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "zhichan-backup-"));
const home = path.join(root, "home");
let db: Db;
let attachment: { storageName: string };

/** Every row of every table, as text, for an exact comparison of two databases. */
function dump(file: string): Record<string, string[]> {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => [
        t,
        (sqlite.prepare(`SELECT * FROM "${t}"`).all() as unknown[])
          .map((r) => JSON.stringify(r, (_k, v) => (Buffer.isBuffer(v) ? v.toString("hex") : v)))
          .sort(),
      ]),
    );
  } finally {
    sqlite.close();
  }
}

function searchTotals(dbFile: string, indexDir: string): { docs: number; battery: number } {
  const d = openDb(dbFile);
  try {
    const index = SearchIndex.open(d, indexDir);
    return { docs: index.engine.docCount, battery: index.engine.search("电池", { limit: 1 }).total };
  } finally {
    void d.close();
  }
}

beforeAll(async () => {
  fs.mkdirSync(home, { mode: 0o700 });
  db = openDb(path.join(home, DB_FILE));
  await migrateToLatest(db.kysely);
  seedReference(db);
  insertPatents(db, REAL_PATENTS);
  attachment = new AttachmentStore(path.join(home, "attachments")).put(Buffer.from("%PDF-1.4 a test attachment"));
  fs.mkdirSync(path.join(home, "content-files"));
  fs.writeFileSync(path.join(home, "content-files", "notice.docx"), "bytes of a published file");
  fs.writeFileSync(path.join(home, "attachments", ".half.123.abcdef01.tmp"), "a write in progress");
  fs.writeFileSync(path.join(home, "audit-checkpoints.log"), "checkpoint 1\n");
  for (const k of ["data.key", "audit.key"])
    fs.writeFileSync(path.join(home, k), crypto.randomBytes(32).toString("base64"));
  // the server's connection stays open: the last writes sit in the WAL, not yet in the main file
  expect(fs.statSync(path.join(home, `${DB_FILE}-wal`)).size).toBeGreaterThan(0);
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("backup and restore of a home", () => {
  it("copies a live home and restores it: every table's rows, the files and the search totals are the same", async () => {
    const out = path.join(root, "backup-1");
    const keys = path.join(root, "keys-1");
    const manifest = await backupHome({ home, out, keysOut: keys });
    expect(manifest.tables.patents).toBe(REAL_PATENTS.length);
    expect(manifest.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        DB_FILE,
        `attachments/${attachment.storageName}`,
        "content-files/notice.docx",
        "audit-checkpoints.log",
      ]),
    );
    expect(manifest.files.some((f) => f.path.endsWith(".tmp"))).toBe(false);
    // the keys travel apart from the backup, never inside it
    expect(fs.readdirSync(out).some((n) => n.endsWith(".key"))).toBe(false);
    expect(fs.readdirSync(keys).sort()).toEqual(["audit.key", "data.key"]);

    const restored = path.join(root, "restored-1");
    const r = restoreHome({ from: out, home: restored, keysFrom: keys });
    expect(r.keysRestored.sort()).toEqual(["audit.key", "data.key"]);
    expect(dump(path.join(restored, DB_FILE))).toEqual(dump(path.join(home, DB_FILE)));
    expect(fs.readFileSync(path.join(restored, "attachments", attachment.storageName), "utf8")).toContain("%PDF-1.4");
    expect(fs.readFileSync(path.join(restored, "data.key"), "utf8")).toBe(
      fs.readFileSync(path.join(home, "data.key"), "utf8"),
    );
    expect(fs.statSync(path.join(restored, DB_FILE)).mode & 0o077).toBe(0);
    const before = searchTotals(path.join(home, DB_FILE), path.join(root, "index-live"));
    expect(searchTotals(path.join(restored, DB_FILE), path.join(restored, "index"))).toEqual(before);
    expect(before.battery).toBeGreaterThan(0);
  });

  it("copies one moment while another process keeps writing: no transaction is torn", async () => {
    // A second process commits, again and again, one job row and one meta row in a single transaction.
    const writer = spawn(
      process.execPath,
      [
        "-e",
        `const D = require("better-sqlite3"); const d = new D(process.argv[1]); d.pragma("busy_timeout = 5000");
         const j = d.prepare("INSERT INTO jobs (kind, params_json, status, progress, created_at, updated_at) VALUES ('w', '{}', 'done', 1, 'x', 'x')");
         const m = d.prepare("INSERT INTO meta (key, value) VALUES (?, 'w')");
         let n = 0; const tx = d.transaction(() => { j.run(); m.run("w" + n++); });
         process.stdout.write("ready\\n");
         for (;;) tx();`,
        path.join(home, DB_FILE),
      ],
      { cwd: path.resolve(import.meta.dirname, "../../../.."), stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      await new Promise<void>((resolve) => writer.stdout!.once("data", () => resolve()));
      const written = () => db.sqlite.prepare("SELECT count(*) FROM jobs WHERE kind = 'w'").pluck().get() as number;
      const before = written();
      const m = await backupHome({ home, out: path.join(root, "backup-2") });
      expect(written()).toBeGreaterThan(before); // it really was writing while the copy was taken
      const restored = path.join(root, "restored-2");
      restoreHome({ from: path.join(root, "backup-2"), home: restored });
      const copy = new BetterSqlite3(path.join(restored, DB_FILE), { readonly: true });
      try {
        expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
        const jobs = copy.prepare("SELECT count(*) FROM jobs WHERE kind = 'w'").pluck().get();
        const metas = copy.prepare("SELECT count(*) FROM meta WHERE value = 'w'").pluck().get();
        expect(jobs).toBe(metas);
        expect(m.tables.jobs).toBe(copy.prepare("SELECT count(*) FROM jobs").pluck().get());
      } finally {
        copy.close();
      }
    } finally {
      writer.kill("SIGKILL");
    }
  });

  it("refuses an altered backup before touching the home, and a home that is not empty unless forced", async () => {
    const out = path.join(root, "backup-3");
    await backupHome({ home, out });
    const victim = path.join(out, "content-files", "notice.docx");
    fs.writeFileSync(victim, "bytes of a published file, changed");
    const target = path.join(root, "restored-3");
    expect(() => restoreHome({ from: out, home: target })).toThrow(/content-files\/notice\.docx does not match/);
    expect(fs.existsSync(target)).toBe(false);
    fs.writeFileSync(victim, "bytes of a published file");

    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, DB_FILE), "someone's database");
    expect(() => restoreHome({ from: out, home: target })).toThrow(/not empty/);
    const r = restoreHome({ from: out, home: target, force: true });
    expect(fs.readFileSync(path.join(r.movedAside!, DB_FILE), "utf8")).toBe("someone's database");
    expect(r.keysRestored).toEqual([]);

    const manifest = JSON.parse(fs.readFileSync(path.join(out, MANIFEST_FILE), "utf8"));
    manifest.files.push({ path: "../outside", bytes: 0, sha256: "" });
    fs.writeFileSync(path.join(out, MANIFEST_FILE), JSON.stringify(manifest));
    expect(() => restoreHome({ from: out, home: path.join(root, "restored-4") })).toThrow(/unsafe path/);
    expect(() => restoreHome({ from: path.join(root, "keys-1"), home: path.join(root, "restored-5") })).toThrow(
      /not a backup/,
    );
  });

  it("refuses a backup folder that is not empty, and keys inside the backup", async () => {
    await expect(backupHome({ home, out: path.join(root, "backup-1") })).rejects.toThrow(/not empty/);
    const out = path.join(root, "backup-6");
    await expect(backupHome({ home, out, keysOut: path.join(out, "keys") })).rejects.toThrow(/outside the backup/);
  });

  it("runs as `zhichan backup` and `zhichan restore`", () => {
    const cli = path.resolve(import.meta.dirname, "../cli/main.ts");
    const run = (...args: string[]) =>
      execFileSync(process.execPath, ["--import", "tsx", cli, ...args], { encoding: "utf8", stdio: "pipe" });
    const out = path.join(root, "backup-cli");
    expect(run("backup", "--home", home, "--out", out)).toMatch(/backup written .* keys NOT included/);
    expect(run("restore", "--from", out, "--home", path.join(root, "restored-cli"))).toMatch(
      /restored .* table counts match; no keys restored/,
    );
  });
});
