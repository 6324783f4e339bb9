import { parse } from "csv-parse/sync";
import { decodeText } from "./decode.js";
import type { RawTable } from "./table.js";

/** Comma CSV unless the first line clearly uses tabs or semicolons (some exports do). */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0 || text.length);
  const counts = [",", "\t", ";"].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

/** Every row of a CSV file as text cells; ragged rows are kept (Patentics rows end with an extra empty cell). */
export function readCsv(bytes: Uint8Array): RawTable {
  const { text, encoding } = decodeText(bytes);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows = parse(body, {
    delimiter: guessDelimiter(body),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
  }) as string[][];
  return { rows, encoding };
}
