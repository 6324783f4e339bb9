/**
 * Decoding postings of one term (see segment.ts for the layout). Every loop here is bounded by a count or an
 * offset validated at load (validate.ts) or by the buffer's end (a read past it gives undefined, which ends a
 * varint); what the bytes themselves say is checked once per decoded list.
 */
import { denseIndex, denseOf } from "../util/dense.js";
import { seek, skipsOf } from "../util/setops.js";
import { int32s, uint16s } from "../util/slab.js";
import { corrupt } from "./corrupt.js";
import type { TextField } from "./segment.js";

export interface Postings {
  docs: Int32Array;
  tfs: Uint16Array;
  /**
   * Byte offset of each posting's positions, plus the end of the last (long lists only, built on first
   * positional use): posting i's positions are the bytes posStarts[i] .. posStarts[i + 1].
   */
  posStarts?: Uint32Array;
  /** Per posting tf / (tf + K1·(1 − b + b·len/avgLen)), for the avgLen in impactsAvg (scoring/bm25.ts). */
  impacts?: Float64Array;
  impactsAvg?: number;
}

/** Lists at least this long are kept in the LRU of decoded postings (postings-cache.ts). */
export const CACHE_MIN_DF = 64;

/**
 * Lists at least this long get position offsets (built on first phrase use, cached with the list), so phrase
 * checks jump to their candidates instead of decoding every position of the list.
 */
export const POS_INDEX_MIN_DF = 128;

/** The list's position offsets when it is long enough to keep them (built once, cached with the list). */
export function positionStartsOf(f: TextField, t: number, post: Postings): Uint32Array | null {
  if (!post.posStarts && post.docs.length >= POS_INDEX_MIN_DF) post.posStarts = positionStarts(f, t, post);
  return post.posStarts ?? null;
}

function positionStarts(f: TextField, t: number, post: Postings): Uint32Array {
  const { tfs } = post;
  const starts = new Uint32Array(tfs.length + 1);
  const b = f.pos;
  let p = f.posOff[t];
  for (let i = 0; i < tfs.length; i++) {
    starts[i] = p;
    for (let k = tfs[i]; k > 0; k--) while (b[p++] >= 0x80);
  }
  starts[tfs.length] = p;
  return starts;
}

export function decodePostings(f: TextField, t: number): Postings {
  const n = f.df[t];
  // a list too short for the LRU dies with the query: carve it (util/slab.ts)
  const docs = n < CACHE_MIN_DF ? int32s(n) : new Int32Array(n);
  const tfs = n < CACHE_MIN_DF ? uint16s(n) : new Uint16Array(n);
  const b = f.docs;
  let p = f.docOff[t];
  let doc = -1;
  let minGap = 1;
  for (let i = 0; i < n; i++) {
    let v = b[p++];
    if (v >= 0x80) {
      v &= 0x7f;
      let shift = 7;
      let c: number;
      do {
        c = b[p++];
        v |= (c & 0x7f) << shift;
        shift += 7;
      } while (c >= 0x80);
      v >>>= 0;
    }
    const gap = v >>> 1;
    if (gap < minGap) minGap = gap;
    doc += gap;
    docs[i] = doc;
    if ((v & 1) === 0) tfs[i] = 1;
    else {
      let x = b[p++];
      if (x >= 0x80) {
        x &= 0x7f;
        let shift = 7;
        let c: number;
        do {
          c = b[p++];
          x |= (c & 0x7f) << shift;
          shift += 7;
        } while (c >= 0x80);
      }
      tfs[i] = Math.min(65535, x + 2);
    }
  }
  // Checked once per list, not per step: every algorithm over postings assumes strictly ascending docs of this
  // segment (a gallop over an unsorted list can stop advancing), and the list must end where the next begins.
  if (minGap < 1 || doc >= f.lens.length || p !== f.docOff[t + 1]) corrupt(`postings of term ${t} do not decode`);
  return { docs, tfs };
}

/**
 * Positions of term t in the docs listed in `want` (sorted, a subset of the term's docs). Returns CSR arrays
 * aligned with `want`: positions of want[i] are positions[offs[i] .. offs[i+1]). Docs not in the term's
 * postings get no positions.
 */
export function decodePositions(
  f: TextField,
  t: number,
  post: Postings,
  want: Int32Array,
): { offs: Int32Array; positions: Int32Array } {
  const offs = new Int32Array(want.length + 1);
  const { docs, tfs } = post;
  // first pass: where each wanted doc sits in the list (-1: absent) and the sizes; galloping, as `want` is
  // usually far shorter than a frequent term's list
  const at = new Int32Array(want.length);
  const dv = denseOf(docs);
  const skips = dv === null ? skipsOf(docs) : null;
  let j = 0;
  for (let i = 0; i < want.length; i++) {
    let k: number;
    if (dv !== null) k = denseIndex(dv, want[i]);
    else {
      j = seek(docs, skips, j, want[i]);
      k = j < docs.length && docs[j] === want[i] ? j : -1;
    }
    at[i] = k;
    offs[i + 1] = offs[i] + (k >= 0 ? tfs[k] : 0);
  }
  const positions = new Int32Array(offs[want.length]);
  const b = f.pos;
  const starts = positionStartsOf(f, t, post);
  if (starts) {
    // jump straight to each candidate's positions
    let out = 0;
    for (let w = 0; w < want.length; w++) {
      const di = at[w];
      if (di < 0) continue;
      readPositions(b, starts[di], tfs[di], positions, out);
      out += tfs[di];
    }
    return { offs, positions };
  }
  let p = f.posOff[t];
  let w = 0;
  let out = 0;
  for (let i = 0; i < docs.length && w < want.length; i++) {
    const tf = tfs[i];
    while (w < want.length && want[w] < docs[i]) w++;
    if (w < want.length && want[w] === docs[i]) {
      p = readPositions(b, p, tf, positions, out);
      out += tf;
    } else {
      // skip tf varints
      for (let k = 0; k < tf; k++) while (b[p++] >= 0x80);
    }
  }
  return { offs, positions };
}

/**
 * Decodes the positions of one posting that occupy bytes q .. end (known from position offsets, so the tf need
 * not be read: one memory access fewer per phrase candidate) into out[0 ..]; returns how many there were.
 */
export function readPositionsTo(b: Uint8Array, q: number, end: number, out: Int32Array): number {
  let n = 0;
  let prev = 0;
  while (q < end) {
    let v = 0;
    let shift = 0;
    let c: number;
    do {
      c = b[q++];
      v |= (c & 0x7f) << shift;
      shift += 7;
    } while (c >= 0x80);
    prev = n === 0 ? v : prev + v;
    out[n++] = prev;
  }
  return n;
}

/**
 * Decodes one posting's tf positions (varints, delta-coded within the doc) from byte q of `b` into
 * out[at ..]; returns the byte offset after them.
 */
export function readPositions(b: Uint8Array, q: number, tf: number, out: Int32Array, at: number): number {
  let prev = 0;
  for (let k = 0; k < tf; k++) {
    let v = 0;
    let shift = 0;
    let c: number;
    do {
      c = b[q++];
      v |= (c & 0x7f) << shift;
      shift += 7;
    } while (c >= 0x80);
    prev = k === 0 ? v : prev + v;
    out[at + k] = prev;
  }
  return q;
}
