/**
 * Segment ↔ bytes. Layout: "ZCS1" magic, u32 version, u32 meta length, meta JSON (array directory and a few
 * scalars), then every typed array at an 8-byte aligned offset. Loading creates views over the file's bytes
 * (no parsing, no copying apart from the writable deleted bitset), so a million-doc segment opens in
 * milliseconds. Loading checks the layout's structure first (validate.ts) and throws CorruptSegmentError on any
 * damage; it never trusts a length or offset read from the file.
 */
import { corrupt } from "./corrupt.js";
import { Dict } from "./dict.js";
import {
  KEYWORD_FIELDS,
  type KeywordField,
  type KeywordFieldName,
  Segment,
  type SegmentData,
  TEXT_FIELDS,
  type TextField,
  type TextFieldName,
} from "./segment.js";
import { validateSegment } from "./validate.js";

const MAGIC = 0x3153435a; // "ZCS1" little-endian
/**
 * 2: the invention key (kw.inv); 3: whole applicant and inventor names (kw.apname, kw.inname). An older file is
 * refused, so the server rebuilds the index from the database.
 */
const VERSION = 3;

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array;
const KINDS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array } as const;
type Kind = keyof typeof KINDS;

function kindOf(a: Typed): Kind {
  if (a instanceof Uint8Array) return "u8";
  if (a instanceof Uint16Array) return "u16";
  if (a instanceof Uint32Array) return "u32";
  return "i32";
}

interface Meta {
  maxDoc: number;
  totalLen: Record<string, number>;
  arrays: [string, Kind, number, number][]; // name, kind, byte offset, length
}

export function segmentToBytes(seg: Segment): Uint8Array {
  const d = seg.d;
  const arrays: [string, Typed][] = [
    ["ids", d.ids],
    ["ad", d.ad],
    ["pd", d.pd],
    ["titleBytes", d.titleBytes],
    ["titleOffs", d.titleOffs],
    ["idOrder", d.idOrder],
    ["deleted", d.deleted],
  ];
  const totalLen: Record<string, number> = {};
  for (const f of TEXT_FIELDS) {
    const t = d.text[f];
    totalLen[f] = t.totalLen;
    arrays.push(
      [`${f}.units`, t.dict.units],
      [`${f}.offs`, t.dict.offs],
      [`${f}.df`, t.df],
      [`${f}.docOff`, t.docOff],
      [`${f}.posOff`, t.posOff],
      [`${f}.docs`, t.docs],
      [`${f}.pos`, t.pos],
      [`${f}.lens`, t.lens],
    );
  }
  for (const f of KEYWORD_FIELDS) {
    const k = d.kw[f];
    arrays.push([`kw.${f}.units`, k.dict.units], [`kw.${f}.offs`, k.dict.offs], [`kw.${f}.ords`, k.ords]);
    if (k.offs) arrays.push([`kw.${f}.csr`, k.offs]);
  }
  const dir: Meta["arrays"] = [];
  let off = 0;
  for (const [name, a] of arrays) {
    dir.push([name, kindOf(a), off, a.length]);
    off += align8(a.byteLength);
  }
  const meta: Meta = { maxDoc: d.maxDoc, totalLen, arrays: dir };
  const metaBytes = new TextEncoder().encode(JSON.stringify(meta));
  const head = align8(12 + metaBytes.length);
  const out = new Uint8Array(head + off);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, metaBytes.length, true);
  out.set(metaBytes, 12);
  for (let i = 0; i < arrays.length; i++) {
    const a = arrays[i][1];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), head + dir[i][2]);
  }
  return out;
}

export function segmentFromBytes(input: Uint8Array): Segment {
  // typed-array views need aligned offsets; file buffers are usually aligned already
  const data = input.byteOffset % 8 === 0 ? input : input.slice();
  if (data.length < 12) corrupt("file too short");
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(0, true) !== MAGIC) corrupt("not a Zhichan segment file (bad magic)");
  const version = view.getUint32(4, true);
  if (version !== VERSION)
    corrupt(`segment format ${version}, this engine reads format ${VERSION} (the index is rebuilt from the database)`);
  const metaLen = view.getUint32(8, true);
  if (12 + metaLen > data.length) corrupt("meta runs past the end of the file");
  const meta = readMeta(data.subarray(12, 12 + metaLen));
  const head = align8(12 + metaLen);
  const arr = new Map<string, Typed>();
  for (const [name, kind, off, len] of meta.arrays) {
    const type = KINDS[kind];
    if (off % type.BYTES_PER_ELEMENT !== 0 || head + off + len * type.BYTES_PER_ELEMENT > data.length)
      corrupt(`array ${name} lies outside the file`);
    arr.set(name, new type(data.buffer as ArrayBuffer, data.byteOffset + head + off, len));
  }
  const get = <T extends Typed>(name: string): T => {
    const a = arr.get(name);
    if (!a) corrupt(`file lacks ${name}`);
    return a as T;
  };
  const text = {} as Record<TextFieldName, TextField>;
  for (const f of TEXT_FIELDS) {
    text[f] = {
      dict: new Dict(get(`${f}.units`), get(`${f}.offs`)),
      df: get(`${f}.df`),
      docOff: get(`${f}.docOff`),
      posOff: get(`${f}.posOff`),
      docs: get(`${f}.docs`),
      pos: get(`${f}.pos`),
      lens: get(`${f}.lens`),
      totalLen: meta.totalLen[f],
    };
  }
  const kw = {} as Record<KeywordFieldName, KeywordField>;
  for (const f of KEYWORD_FIELDS) {
    kw[f] = {
      dict: new Dict(get(`kw.${f}.units`), get(`kw.${f}.offs`)),
      offs: (arr.get(`kw.${f}.csr`) as Uint32Array | undefined) ?? null,
      ords: get(`kw.${f}.ords`),
    };
  }
  const d: SegmentData = {
    maxDoc: meta.maxDoc,
    ids: get("ids"),
    ad: get("ad"),
    pd: get("pd"),
    titleBytes: get("titleBytes"),
    titleOffs: get("titleOffs"),
    idOrder: get("idOrder"),
    deleted: get<Uint8Array>("deleted").slice(), // writable copy: deletes must not touch the caller's bytes
    text,
    kw,
  };
  validateSegment(d);
  return new Segment(d);
}

/** The meta JSON, with every field the loader relies on checked for type and range. */
function readMeta(bytes: Uint8Array): Meta {
  let meta: Meta;
  try {
    meta = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as Meta;
  } catch {
    corrupt("meta is not JSON");
  }
  const count = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
  if (typeof meta !== "object" || meta === null || !count(meta.maxDoc) || !Array.isArray(meta.arrays))
    corrupt("meta lacks maxDoc or arrays");
  if (typeof meta.totalLen !== "object" || meta.totalLen === null) corrupt("meta lacks totalLen");
  for (const a of meta.arrays) {
    if (!Array.isArray(a) || typeof a[0] !== "string" || !Object.hasOwn(KINDS, a[1]) || !count(a[2]) || !count(a[3]))
      corrupt("meta has a malformed array entry");
  }
  return meta;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
