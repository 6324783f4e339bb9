/**
 * Structural checks of a loaded segment, done once at load so query loops can trust lengths and offsets without
 * a check per step: every offset table ascends and ends inside its bytes, every per-doc array has maxDoc
 * entries, every ordinal and doc number is in range, and no term claims more postings than it has bytes (each
 * posting takes at least one). What a check here cannot see cheaply (the varints inside a list) is checked when
 * the list is decoded (postings.ts). O(terms + docs + ordinals); no postings are decoded.
 */
import { corrupt } from "./corrupt.js";
import type { Dict } from "./dict.js";
import { KEYWORD_FIELDS, type SegmentData, SINGLE_VALUED, TEXT_FIELDS } from "./segment.js";

export function validateSegment(d: SegmentData): void {
  const n = d.maxDoc;
  if (!Number.isSafeInteger(n) || n < 0) corrupt("maxDoc");
  for (const [name, a] of [
    ["ids", d.ids],
    ["ad", d.ad],
    ["pd", d.pd],
    ["idOrder", d.idOrder],
    ["deleted", d.deleted],
  ] as const)
    if (a.length !== n) corrupt(`${name} has ${a.length} entries for ${n} docs`);
  if (n > 0 && maxOf(d.idOrder) >= n) corrupt("idOrder names a doc out of range");
  ascending("titleOffs", d.titleOffs, n + 1, d.titleBytes.length);
  for (const f of TEXT_FIELDS) {
    const t = d.text[f];
    const size = dictSize(`${f} dictionary`, t.dict);
    if (t.lens.length !== n) corrupt(`${f}.lens length`);
    if (t.df.length !== size) corrupt(`${f}.df length`);
    if (!Number.isFinite(t.totalLen) || t.totalLen < 0) corrupt(`${f} total length`);
    ascending(`${f}.docOff`, t.docOff, size + 1, t.docs.length);
    ascending(`${f}.posOff`, t.posOff, size + 1, t.pos.length);
    for (let k = 0; k < size; k++) {
      const df = t.df[k];
      if (df > n || df > t.docOff[k + 1] - t.docOff[k]) corrupt(`${f} term ${k} claims ${df} postings`);
    }
  }
  for (const f of KEYWORD_FIELDS) {
    const k = d.kw[f];
    const size = dictSize(`kw.${f} dictionary`, k.dict);
    if (SINGLE_VALUED.has(f) !== (k.offs === null)) corrupt(`kw.${f} valuedness`);
    if (k.offs === null) {
      if (k.ords.length !== n) corrupt(`kw.${f}.ords length`);
    } else ascending(`kw.${f}.csr`, k.offs, n + 1, k.ords.length);
    if (k.ords.length > 0 && maxOf(k.ords) >= size) corrupt(`kw.${f} ordinal out of range`);
  }
}

function dictSize(name: string, dict: Dict): number {
  if (dict.offs.length === 0) corrupt(`${name} offsets`);
  ascending(`${name} offsets`, dict.offs, dict.offs.length, dict.units.length);
  return dict.size;
}

/** `a` has `length` entries, starts at 0 (a CSR table) or more, never decreases and ends at most at `limit`. */
function ascending(name: string, a: Uint32Array, length: number, limit: number): void {
  if (a.length !== length) corrupt(`${name} has ${a.length} entries, expected ${length}`);
  // one flag for the whole table, not a branch per entry: this runs over every term of every field at load
  let down = 0;
  for (let i = 1; i < a.length; i++) down |= a[i] < a[i - 1] ? 1 : 0;
  if (down !== 0) corrupt(`${name} decreases`);
  if (a.length > 0 && a[a.length - 1] > limit) corrupt(`${name} runs past its ${limit} bytes`);
}

/** The largest value (0 when empty); one pass without a branch per entry. */
function maxOf(a: Uint8Array | Uint16Array | Uint32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, a[i]);
  return max;
}
