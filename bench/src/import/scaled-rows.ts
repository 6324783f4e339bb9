/**
 * Realistic rows for the import benchmark, from the shipped data: row i copies every field of a real record of
 * data/patents/cn_patents_merged.csv.gz picked by the seeded generator's PRNG (the scale-up of src/generate/: doc i
 * depends on the seed and its position only), with its publication and application numbers re-numbered so every row
 * is a new patent. The numbers keep their real shape: CN + 9 digits + the template's kind; CN + the template's
 * filing year and type digit + a 7-digit serial + the CNIPA check digit.
 */
import fs from "node:fs";
import zlib from "node:zlib";
import { readCsv } from "../../../apps/server/src/modules/imports/readers/csv-reader.ts";
import { Rng } from "../generate/prng.ts";

export const SHIPPED_CSV = "data/patents/cn_patents_merged.csv.gz";

/** The shipped file's columns (see data/patents/SOURCE.txt). */
export type MergedRow = Record<string, string>;

export function loadTemplates(file = SHIPPED_CSV): MergedRow[] {
  const { rows } = readCsv(zlib.gunzipSync(fs.readFileSync(file)));
  const [header, ...data] = rows.map((r) => r.map((c) => (c === null ? "" : String(c))));
  return data.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""])));
}

/** CNIPA's check digit of a 12-digit application number: weights 2..9 repeating, sum mod 11, 10 → X. */
export function applicationCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * ((i % 8) + 2);
  const r = sum % 11;
  return r === 10 ? "X" : String(r);
}

const PUB = /^CN(\d+)([A-Z]\d?)$/;
const APP = /^CN(\d{4})(\d)\d+\.[\dX]$/;

/** The template with new numbers for row i (first 400,000,000 so they never meet a real CN number of the data). */
export function renumber(t: MergedRow, i: number): MergedRow {
  const kind = PUB.exec(t.publication_number)?.[2] ?? "A";
  const app = APP.exec(t.application_number);
  const year = app?.[1] ?? t.application_year ?? "2020";
  const digits = `${year || "2020"}${app?.[2] ?? "1"}${String(i % 10_000_000).padStart(7, "0")}`;
  return {
    ...t,
    publication_number: `CN${400_000_000 + i}${kind}`,
    application_number: t.application_number ? `CN${digits}.${applicationCheckDigit(digits)}` : "",
  };
}

/** `count` rows: template picked by the seeded PRNG, re-numbered by position. */
export function* scaledRows(templates: MergedRow[], seed: number, count: number): Generator<MergedRow> {
  const rng = new Rng(seed);
  for (let i = 0; i < count; i++) yield renumber(templates[rng.int(templates.length)], i);
}
