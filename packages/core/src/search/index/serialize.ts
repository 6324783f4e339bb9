/**
 * Segment ↔ bytes. Layout: "ZCS1" magic, u32 version, u32 meta length, meta JSON (array directory and a few
 * scalars), then every typed array at an 8-byte aligned offset. Loading creates views over the file's bytes
 * (no parsing, no copying apart from the writable deleted bitset), so a million-doc segment opens in
 * milliseconds.
 */
import { Dict } from "./dict.js";
import {
  KEYWORD_FIELDS,
  type KeywordField,
  type KeywordFieldName,
  Segment,
  TEXT_FIELDS,
  type TextField,
  type TextFieldName,
} from "./segment.js";

const MAGIC = 0x3153435a; // "ZCS1" little-endian
const VERSION = 1;

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
  if (data.length < 12) throw new Error("segment file too short");
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error("not a Zhichan segment file (bad magic)");
  const version = view.getUint32(4, true);
  if (version !== VERSION) throw new Error(`unsupported segment version ${version}`);
  const metaLen = view.getUint32(8, true);
  const meta = JSON.parse(new TextDecoder().decode(data.subarray(12, 12 + metaLen))) as Meta;
  const head = align8(12 + metaLen);
  const arr = new Map<string, Typed>();
  for (const [name, kind, off, len] of meta.arrays) {
    arr.set(name, new KINDS[kind](data.buffer as ArrayBuffer, data.byteOffset + head + off, len));
  }
  const get = <T extends Typed>(name: string): T => {
    const a = arr.get(name);
    if (!a) throw new Error(`segment file lacks ${name}`);
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
  return new Segment({
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
  });
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
