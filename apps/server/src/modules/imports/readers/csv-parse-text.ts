const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * RFC 4180 CSV over a whole decoded text: quoted fields with "" escapes and embedded newlines, CRLF or LF, ragged
 * rows kept as they are, blank lines skipped. Lenient like the exports it reads: text after a closing quote is kept,
 * an unterminated quote runs to the end. Written here because csv-parse spends most of its time building an error
 * object for every row whose length differs from the header (every Patentics row ends with an extra comma).
 */
export function parseCsvText(text: string, delimiter = ","): string[][] {
  const rows: string[][] = [];
  const n = text.length;
  const delim = delimiter.charCodeAt(0);
  let row: string[] = [];
  let i = 0;
  while (i < n) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      value = "";
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          value += text.slice(j);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        value += text.slice(j, q);
        i = q + 1;
        break;
      }
      const rest = i;
      while (i < n && !isBoundary(text.charCodeAt(i), delim)) i++;
      if (i > rest) value += text.slice(rest, i);
    } else {
      const start = i;
      while (i < n && !isBoundary(text.charCodeAt(i), delim)) i++;
      value = text.slice(start, i);
    }
    row.push(value);
    if (i >= n) break;
    if (text.charCodeAt(i) === delim) {
      i++;
      if (i >= n) row.push(""); // a trailing delimiter at the very end is one more empty field
      continue;
    }
    i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    if (!(row.length === 1 && row[0] === "")) rows.push(row);
    row = [];
  }
  if (row.length && !(row.length === 1 && row[0] === "")) rows.push(row);
  return rows;
}

function isBoundary(c: number, delim: number): boolean {
  return c === delim || c === LF || c === CR;
}
