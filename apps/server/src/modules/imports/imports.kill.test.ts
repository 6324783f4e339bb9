import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import { importShippedData } from "./imports.service.js";
import { DATA_DIR, type DbSnapshot, snapshot } from "./test-support.js";

const REPO = path.resolve(DATA_DIR, "..");
const CLI = path.join(REPO, "apps/server/src/cli/main.ts");
const BATCH = 500;

let clean: DbSnapshot;
let child: ChildProcess | undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zhichan-kill-"));
const dbFile = path.join(dir, "killed.db");

/** The CLI as its own node process (not through npx, so the pid we kill is the importer itself). */
function runCli(): ChildProcess {
  return spawn(
    process.execPath,
    ["--import", "tsx", CLI, "import", "--db", dbFile, "--data", DATA_DIR, "--batch-size", String(BATCH)],
    {
      cwd: REPO,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
}

function exitOf(p: ChildProcess): Promise<{ code: number | null; signal: string | null; out: string }> {
  let out = "";
  p.stdout?.on("data", (d) => {
    out += d;
  });
  p.stderr?.on("data", (d) => {
    out += d;
  });
  return new Promise((resolve) => p.on("exit", (code, signal) => resolve({ code, signal, out })));
}

/** Batches committed so far for the merged file, read by a separate connection as the importer writes. */
function committedBatches(): number {
  if (!fs.existsSync(dbFile)) return 0;
  try {
    const reader = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
    try {
      const n = reader
        .prepare("SELECT max(batches_done) FROM import_runs WHERE source = 'cn_patents_merged'")
        .pluck()
        .get();
      return Number(n ?? 0);
    } finally {
      reader.close();
    }
  } catch {
    return 0; // tables not created yet
  }
}

beforeAll(async () => {
  const { db } = await freshDb();
  await importShippedData(db, DATA_DIR, undefined, BATCH);
  clean = snapshot(db);
  await db.close();
}, 300_000);

afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
});

describe("kill -9 during an import", () => {
  it("loses no committed batch and a re-run ends equal to a clean run", async () => {
    child = runCli();
    const exited = exitOf(child);
    const deadline = Date.now() + 180_000;
    while (committedBatches() < 3) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`importer never committed 3 batches: ${(await exited).out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill("SIGKILL");
    expect((await exited).signal).toBe("SIGKILL");

    const killed = openDb(dbFile);
    const run = killed.sqlite
      .prepare("SELECT status, batches_done, rows_ok, rows_bad FROM import_runs WHERE source = 'cn_patents_merged'")
      .get() as { status: string; batches_done: number; rows_ok: number; rows_bad: number };
    expect(run.status).toBe("running");
    expect(run.batches_done).toBeGreaterThanOrEqual(3);
    // Every committed batch is there in full, and nothing of the batch that was cut off.
    expect(killed.sqlite.prepare("SELECT count(*) FROM patents").pluck().get()).toBe(run.batches_done * BATCH);
    expect(run.rows_ok + run.rows_bad).toBe(run.batches_done * BATCH);
    await killed.close();

    child = runCli();
    const second = await exitOf(child);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toMatch(/resumed after row \d+/);

    const resumed = openDb(dbFile);
    expect(snapshot(resumed)).toEqual(clean);
    expect(resumed.sqlite.prepare("SELECT count(*) FROM meta WHERE key = 'initial_import'").pluck().get()).toBe(1);
    await resumed.close();
  }, 400_000);
});
