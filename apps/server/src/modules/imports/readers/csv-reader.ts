import { parseCsvText } from "./csv-parse-text.js";
import { decodeText } from "./decode.js";
import type { RawTable } from "./table.js";

/** Comma CSV unless the first line clearly uses tabs or semicolons (some exports do). */
function guessDelimiter(text: string): string {
  const newline = text.indexOf("\n");
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  const counts = [",", "\t", ";"].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

/** Every row of a CSV file as text cells; ragged rows are kept (Patentics rows end with an extra empty cell). */
export function readCsv(bytes: Uint8Array): RawTable {
  const { text, encoding, replaced } = decodeText(bytes);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = guessDelimiter(body);
  return { rows: parseCsvText(body, delimiter), encoding, delimiter, replaced };
}
