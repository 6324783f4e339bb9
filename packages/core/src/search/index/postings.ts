/** Decoding postings of one term (see segment.ts for the layout). */
import type { TextField } from "./segment.js";

export interface Postings {
  docs: Int32Array;
  tfs: Uint16Array;
}

export function decodePostings(f: TextField, t: number): Postings {
  const n = f.df[t];
  const docs = new Int32Array(n);
  const tfs = new Uint16Array(n);
  const b = f.docs;
  let p = f.docOff[t];
  let doc = -1;
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
    doc += v >>> 1;
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
  // first pass: sizes
  let j = 0;
  for (let i = 0; i < want.length; i++) {
    while (j < docs.length && docs[j] < want[i]) j++;
    offs[i + 1] = offs[i] + (j < docs.length && docs[j] === want[i] ? tfs[j] : 0);
  }
  const positions = new Int32Array(offs[want.length]);
  const b = f.pos;
  let p = f.posOff[t];
  let w = 0;
  let out = 0;
  for (let i = 0; i < docs.length && w < want.length; i++) {
    const tf = tfs[i];
    while (w < want.length && want[w] < docs[i]) w++;
    if (w < want.length && want[w] === docs[i]) {
      let prev = 0;
      for (let k = 0; k < tf; k++) {
        let v = 0;
        let shift = 0;
        let c: number;
        do {
          c = b[p++];
          v |= (c & 0x7f) << shift;
          shift += 7;
        } while (c >= 0x80);
        prev = k === 0 ? v : prev + v;
        positions[out++] = prev;
      }
    } else {
      // skip tf varints
      for (let k = 0; k < tf; k++) while (b[p++] >= 0x80);
    }
  }
  return { offs, positions };
}
