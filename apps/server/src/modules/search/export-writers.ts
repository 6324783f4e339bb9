import { PassThrough, type Readable } from "node:stream";
import type { ExportColumnKey } from "@zhichan/shared/search-assist.ts";
import { paceBackground } from "../../scheduling/foreground.js";
import { type ExportColumn, exportColumns, safeCell } from "./export-columns.js";
import type { HitRow } from "./hits.repository.js";
import { writeWithBackpressure } from "./stream-write.js";
import { writeXlsx } from "./xlsx-writer.js";

/**
 * Export bodies. Rows are turned into cells a batch at a time, the event loop is let go between batches, and
 * nothing is produced faster than the client reads it: four large exports must not stall everyone's searches
 * (issue #13: four parallel 72k-row XLSX exports took other users' search p50 from 20 ms to 465 ms).
 */
const ROWS_PER_BATCH = 200;

const csvField = (v: string) => (/[",]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csvLine = (cells: string[]) => `${cells.map(csvField).join(",")}\n`;

/**
 * Cells of each row (made safe for spreadsheets), in batches; `tail` rows follow as they are (a lookup's numbers
 * not found), and `note` becomes a last row of its own.
 */
async function* cellBatches(
  rows: Iterable<HitRow>,
  note: string | null,
  tail: string[][],
  columns: ExportColumn[],
): AsyncGenerator<string[][]> {
  let batch: string[][] = [];
  let resumed = performance.now();
  for (const r of rows) {
    batch.push(columns.map((c) => safeCell(c.cell(r))));
    if (batch.length === ROWS_PER_BATCH) {
      yield batch; // returns once the writer has turned the batch into bytes: the cycle is the whole batch's cost
      batch = [];
      await paceBackground(performance.now() - resumed);
      resumed = performance.now();
    }
  }
  for (const cells of tail) batch.push(cells.map(safeCell));
  if (note) batch.push([safeCell(note)]);
  if (batch.length > 0) yield batch;
}

/** Runs a producer into a fresh stream; a failure (or the client hanging up) ends the stream and the producer. */
function produced(write: (out: PassThrough) => Promise<void>): Readable {
  const out = new PassThrough();
  write(out).catch((err: Error) => out.destroy(err));
  return out;
}

/** CSV with a UTF-8 BOM so Excel opens Chinese text correctly; `keys` choose and order the columns. */
export function csvStream(
  rows: Iterable<HitRow>,
  note: string | null = null,
  tail: string[][] = [],
  keys?: readonly ExportColumnKey[],
): Readable {
  const columns = exportColumns(keys);
  return produced(async (out) => {
    await writeWithBackpressure(out, `\uFEFF${csvLine(columns.map((c) => c.header))}`);
    for await (const batch of cellBatches(rows, note, tail, columns))
      await writeWithBackpressure(out, batch.map(csvLine).join(""));
    out.end();
  });
}

/** XLSX, streamed through our own ZIP writer (deflate in zlib's threads, never the whole file in memory). */
export function xlsxStream(
  rows: Iterable<HitRow>,
  /** The package parts' modification time: the exporting app's clock. */
  modified: Date,
  note: string | null = null,
  tail: string[][] = [],
  keys?: readonly ExportColumnKey[],
): Readable {
  const columns = exportColumns(keys);
  return produced((out) =>
    writeXlsx(out, { name: "专利 Patents", columns }, cellBatches(rows, note, tail, columns), modified),
  );
}
