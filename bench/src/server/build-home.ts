/**
 * A bench home of `size` generated patents, written through the real import path (importFile, as `zhichan import`
 * and the web import do): rows from src/import/scaled-rows.ts (templates from the shipped file picked by the
 * generator's seeded PRNG, renumbered so each is a new patent — never shipped, never in data/). Built once per
 * size and seed; a finished home is marked and reused.
 */
import fs from "node:fs";
import path from "node:path";
import { openDb } from "../../../apps/server/src/db/connection.ts";
import { migrateToLatest } from "../../../apps/server/src/db/migrate.ts";
import { importFile } from "../../../apps/server/src/modules/imports/imports.service.ts";
import { loadReferenceData } from "../../../apps/server/src/modules/imports/reference-data.ts";
import { loadTemplates, scaledRows } from "../import/scaled-rows.ts";

const CHUNK = 100_000;

export async function buildHome(home: string, size: number, seed: number, log: (s: string) => void): Promise<void> {
  const done = path.join(home, `.bench-home-${size}-${seed}`);
  if (fs.existsSync(done)) return log(`home ${home}: reused (${size.toLocaleString()} patents)`);
  fs.rmSync(home, { recursive: true, force: true });
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  const db = openDb(path.join(home, "zhichan.db"));
  try {
    await migrateToLatest(db.kysely);
    loadReferenceData(db.sqlite, path.resolve("data"));
    const templates = loadTemplates();
    const header = Object.keys(templates[0]!);
    const rows = scaledRows(templates, seed, size);
    const started = performance.now();
    for (let from = 0; from < size; from += CHUNK) {
      const file = path.join(home, `bench-import-${from}.csv`);
      const lines = [header.map(csvCell).join(",")];
      for (let i = from; i < Math.min(size, from + CHUNK); i++) {
        const r = rows.next().value!;
        lines.push(header.map((h) => csvCell(r[h] ?? "")).join(","));
      }
      fs.writeFileSync(file, `${lines.join("\n")}\n`);
      await importFile(db, file, { source: "bench_server" });
      fs.rmSync(file);
      const n = Math.min(size, from + CHUNK);
      log(
        `  imported ${n.toLocaleString()} / ${size.toLocaleString()} (${Math.round(n / ((performance.now() - started) / 1000))} rows/s)`,
      );
    }
  } finally {
    await db.close();
  }
  fs.writeFileSync(done, new Date().toISOString());
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}
