import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "../../db/connection.js";
import { type Clock, isoNow } from "../accounts/clock.js";
import { ImportRunsService } from "../imports/import-runs.service.js";
import { readCsv } from "../imports/readers/csv-reader.js";
import { readFileBytes } from "../imports/readers/file-bytes.js";
import { type Division, kindAndStage, resolveCodes, yearNamed } from "./gi.facts.js";
import { divisionsForGi, type GiWrite, insertShipped } from "./gi.repository.js";

export const SHIPPED_GI_FILE = "gi/henan_gi_facts.csv.gz";
const SOURCE = "reference:gi_products";

/** The shipped file's rows as register entries (a row whose GI type cannot be read is reported, not guessed). */
export function shippedGiRows(
  bytes: Uint8Array,
  divisions: Division[],
  now: string,
): { rows: GiWrite[]; unread: string[] } {
  const [header, ...body] = readCsv(bytes).rows as string[][];
  const keys = header.map((h) => h.replace(/^\uFEFF/, "").trim());
  const rows: GiWrite[] = [];
  const unread: string[] = [];
  for (const raw of body) {
    const r = Object.fromEntries(keys.map((k, i) => [k, (raw[i] ?? "").trim()]));
    if (!r.product) continue;
    const ks = kindAndStage(r.gi_type ?? "");
    if (!ks) {
      unread.push(r.product);
      continue;
    }
    const prefecture = r.prefecture || null;
    const area = r.county_or_area || null;
    rows.push({
      name: r.product,
      ...ks,
      gi_type_raw: r.gi_type || null,
      prefecture,
      area,
      ...toColumns(resolveCodes(divisions, prefecture, area)),
      event: r.event || null,
      announcement: r.date_or_batch || null,
      year: yearNamed(r.date_or_batch, r.event),
      recognised_on: null,
      official_id: r.official_id || null,
      source_url: r.source_url || null,
      source: "shipped",
      notes: null,
      created_at: now,
      updated_at: now,
      updated_by: null,
    });
  }
  return { rows, unread };
}

const toColumns = (c: { cityCode: string | null; districtCode: string | null }) => ({
  city_code: c.cityCode,
  district_code: c.districtCode,
});

/**
 * Loads the shipped GI facts into the register once per version of the file (recorded as an import run, like the
 * reference tables). Entries already there — by product name — stay as officials left them.
 */
export function loadShippedGi(
  db: Db,
  dataDir: string,
  /** Dates the entries it adds and the load's import run. */
  clock: Clock,
): { status: "done" | "skipped" | "absent"; added: number } {
  const file = path.join(dataDir, SHIPPED_GI_FILE);
  if (!fs.existsSync(file)) return { status: "absent", added: 0 };
  const sha = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  const runs = new ImportRunsService(db);
  if (runs.loaded(sha, SOURCE)) return { status: "skipped", added: 0 };
  const now = isoNow(clock);
  const { rows } = shippedGiRows(readFileBytes(file), divisionsForGi(db), now);
  const added = runs.recordLoad({ source: SOURCE, file: SHIPPED_GI_FILE, sha, now, total: rows.length }, () => {
    let n = 0;
    for (const r of rows) n += insertShipped(db, r);
    return n;
  });
  return { status: "done", added };
}
