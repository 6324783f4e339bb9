import zlib from "node:zlib";

/**
 * Test helpers that build real ZIP/XLSX files byte by byte — including the hostile ones (a shared-strings bomb, a
 * part that lies about its size) that no spreadsheet program would write.
 */

export interface ZipPart {
  name: string;
  /** Raw deflate stream of the content. */
  deflated: Buffer;
  crc32: number;
  size: number;
  /** The size written in the headers, when it should lie. */
  declaredSize?: number;
}

export const part = (name: string, content: string | Buffer): ZipPart => {
  const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return { name, deflated: zlib.deflateRawSync(data), crc32: zlib.crc32(data), size: data.length };
};

/** A ZIP (deflated entries, no data descriptors) of the parts, in order. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const size = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc32 >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc32 >>> 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Every part of a minimal workbook except the sheet and shared strings, the way Excel lays them out. */
export function workbookParts(opts: { sharedStrings?: boolean; styles?: string } = {}): ZipPart[] {
  const rels = [
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`,
    opts.sharedStrings !== false
      ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
      : "",
    opts.styles ? `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` : "",
  ].join("");
  const parts = [
    part(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    part(
      "_rels/.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    part(
      "xl/workbook.xml",
      `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    part(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    ),
  ];
  if (opts.styles) parts.push(part("xl/styles.xml", opts.styles));
  return parts;
}

/** A workbook whose first sheet is `sheetData` (the inside of <sheetData>) and whose shared strings are given. */
export function workbook(sheetData: string, sharedStrings: string[] = [], styles?: string): Buffer {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const sst = `<sst ${NS} count="${sharedStrings.length}">${sharedStrings.map((s) => `<si><t>${esc(s)}</t></si>`).join("")}</sst>`;
  return zipOf([
    ...workbookParts({ styles }),
    part("xl/sharedStrings.xml", sst),
    part("xl/worksheets/sheet1.xml", `<worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>`),
  ]);
}

/**
 * A deflate stream of `head`, then `block` repeated `times`, then `tail`, built without ever holding the inflated
 * text: `block` is compressed once with a full flush (byte-aligned, no final bit, no back-references across it) and
 * its compressed bytes are repeated. 1 MiB of one letter compresses to ~1.4 KiB, so 2,600 repeats are a 2.6 GB part.
 */
export function repeatedDeflate(head: string, block: string, times: number, tail: string): ZipPart {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const b = Buffer.from(block);
  const deflatedBlock = zlib.deflateRawSync(b, flush);
  const deflated = Buffer.concat([
    zlib.deflateRawSync(Buffer.from(head), flush),
    ...Array.from({ length: times }, () => deflatedBlock),
    zlib.deflateRawSync(Buffer.from(tail)),
  ]);
  let crc = zlib.crc32(head);
  for (let i = 0; i < times; i++) crc = zlib.crc32(b, crc);
  crc = zlib.crc32(tail, crc);
  const size = Buffer.byteLength(head) + b.length * times + Buffer.byteLength(tail);
  return { name: "", deflated, crc32: crc, size };
}

/**
 * The attack: a valid workbook whose xl/sharedStrings.xml is `megabytes` MiB of 4,000-letter strings (2,600 MiB →
 * ~3.7 MB of file). With `lie`, its headers claim a 1 KB part, so only counting the inflated bytes catches it.
 */
export function sharedStringsBomb(megabytes: number, lie = false): Buffer {
  const si = `<si><t>${"A".repeat(4000)}</t></si>`;
  const block = si.repeat(Math.floor((1024 * 1024) / si.length));
  const sst = repeatedDeflate(`<sst ${NS}>`, block, megabytes, "</sst>");
  return zipOf([
    ...workbookParts(),
    { ...sst, name: "xl/sharedStrings.xml", declaredSize: lie ? 1000 : undefined },
    part(
      "xl/worksheets/sheet1.xml",
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
    ),
  ]);
}
