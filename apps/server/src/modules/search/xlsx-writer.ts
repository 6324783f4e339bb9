import type { Writable } from "node:stream";
import { ZipWriter } from "./zip-writer.js";

/**
 * A one-sheet XLSX written as a stream: the fixed parts of the package, then the sheet's rows as they come
 * (inline strings, no shared-string table to hold in memory). A bold header row that stays in view when scrolling.
 */
export interface SheetSpec {
  name: string;
  columns: { header: string; width: number }[];
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's limit for the text of one cell. */
const CELL_MAX = 32_767;

// Control characters XML 1.0 forbids, lone surrogates and U+FFFE/U+FFFF: dropped, or the file would not open.
const INVALID_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const escapeXml = (s: string) =>
  s.replace(INVALID_XML, "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

export function columnName(i: number): string {
  let n = i + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function rowXml(r: number, cells: string[], style: number): string {
  const cs = cells
    .map((v, i) => {
      const text = escapeXml(v.length > CELL_MAX ? v.slice(0, CELL_MAX) : v);
      return `<c r="${columnName(i)}${r}" t="inlineStr"${style ? ` s="${style}"` : ""}><is><t xml:space="preserve">${text}</t></is></c>`;
    })
    .join("");
  return `<row r="${r}">${cs}</row>`;
}

/**
 * Streams the workbook into `out` (ended when done); `batches` gives the data rows a batch at a time; `modified` is
 * the package parts' modification time.
 */
export async function writeXlsx(
  out: Writable,
  sheet: SheetSpec,
  batches: AsyncIterable<string[][]>,
  modified: Date,
): Promise<void> {
  const zip = new ZipWriter(out, modified);
  await zip.add(
    "[Content_Types].xml",
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  await zip.add(
    "_rels/.rels",
    `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  await zip.add(
    "xl/workbook.xml",
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${escapeXml(sheet.name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  await zip.add(
    "xl/_rels/workbook.xml.rels",
    `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  await zip.add(
    "xl/styles.xml",
    `${XML}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
  await zip.add("xl/worksheets/sheet1.xml", sheetXml(sheet, batches));
  await zip.finish();
}

async function* sheetXml(sheet: SheetSpec, batches: AsyncIterable<string[][]>): AsyncGenerator<string> {
  const cols = sheet.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
    .join("");
  yield `${XML}<worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${cols}</cols><sheetData>`;
  yield rowXml(
    1,
    sheet.columns.map((c) => c.header),
    1,
  );
  let r = 1;
  for await (const batch of batches) yield batch.map((cells) => rowXml(++r, cells, 0)).join("");
  yield "</sheetData></worksheet>";
}
