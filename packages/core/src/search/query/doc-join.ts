/**
 * Walks sorted posting lists together and asks, for each doc every list holds, whether the doc's positions
 * qualify — without building per-candidate arrays first. Phrases (phrase-docs.ts) and NEAR between two words
 * (near-docs.ts) differ only in that question.
 */
import { corrupt } from "../index/corrupt.js";
import { type Postings, positionStartsOf, readPositions, readPositionsTo } from "../index/postings.js";
import type { TextField } from "../index/segment.js";
import { type DenseView, denseIndex, denseOf } from "../util/dense.js";
import { EMPTY, seek, skipsOf } from "../util/setops.js";
import { prefixCopy } from "../util/slab.js";

export interface ListCursor {
  docs: Int32Array;
  skips: Int32Array | null;
  /** Bitmap view of a list holding much of the segment (一种): a doc's index there is a bit test and a popcount. */
  dense: DenseView | null;
  at: number; // index of the current posting
}

export interface PositionCursor extends ListCursor {
  tfs: Uint16Array;
  /** Byte offset of each posting's positions (long lists); short lists are walked from walkByte instead. */
  starts: Uint32Array | null;
  walkAt: number;
  walkByte: number;
  bytes: Uint8Array; // the field's position bytes
  rel: number; // position in the phrase
  buf: Int32Array; // the current doc's positions
  n: number; // how many of buf are valid
}

export function listCursor(docs: Int32Array): ListCursor {
  return { docs, skips: skipsOf(docs), dense: denseOf(docs), at: 0 };
}

export function positionCursor(f: TextField, t: number, p: Postings, rel: number): PositionCursor {
  // one literal with every field (no spread): the walks read these fields per posting, and every cursor should
  // share one object shape
  return {
    docs: p.docs,
    skips: skipsOf(p.docs),
    dense: denseOf(p.docs),
    at: 0,
    tfs: p.tfs,
    starts: positionStartsOf(f, t, p),
    walkAt: 0,
    walkByte: f.posOff[t],
    bytes: f.pos,
    rel,
    buf: new Int32Array(16),
    n: 0,
  };
}

/** The docs every list holds and `accept` (reading the cursors' current postings) says yes to, ascending. */
export function joinDocs(all: ListCursor[], accept: () => boolean): Int32Array {
  let driver = all[0];
  for (const c of all) {
    if (c.docs.length === 0) return EMPTY;
    if (c.docs.length < driver.docs.length) driver = c;
  }
  const out = scratch(driver.docs.length);
  const n = all.length === 2 ? mergeTwo(all[0], all[1], accept, out) : leapfrog(all, driver, accept, out);
  return n === 0 ? EMPTY : prefixCopy(out, n);
}

/** Two lists (the common case: a two-word phrase, a three-character CJK word, NEAR between two words). */
function mergeTwo(a: ListCursor, b: ListCursor, accept: () => boolean, out: Int32Array): number {
  const da = a.docs;
  const db = b.docs;
  // a linear merge unless one list is much longer: then jump through it
  if (da.length * 8 < db.length || db.length * 8 < da.length)
    return leapfrog([a, b], da.length < db.length ? a : b, accept, out);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < da.length && j < db.length) {
    const x = da[i];
    const y = db[j];
    if (x < y) i++;
    else if (x > y) j++;
    else {
      a.at = i;
      b.at = j;
      if (accept()) out[n++] = x;
      i++;
      j++;
    }
  }
  return n;
}

function leapfrog(all: ListCursor[], driver: ListCursor, accept: () => boolean, out: Int32Array): number {
  // the rarest lists first: they rule out the most candidates
  const others = all.filter((c) => c !== driver).sort((a, b) => a.docs.length - b.docs.length);
  const dd = driver.docs;
  let n = 0;
  let i = 0;
  next: while (i < dd.length) {
    const d = dd[i];
    for (const c of others) {
      if (c.dense !== null) {
        const k = denseIndex(c.dense, d);
        if (k < 0) {
          i++;
          continue next;
        }
        c.at = k;
        continue;
      }
      c.at = seek(c.docs, c.skips, c.at, d);
      if (c.at >= c.docs.length) break next;
      const e = c.docs[c.at];
      if (e !== d) {
        // the driver jumps to the first doc this list still has; e > d on sorted lists, so i advances (lists
        // are checked for order when decoded, and this loop must never spin whatever it is given)
        const to = seek(dd, driver.skips, i, e);
        if (to <= i) corrupt("postings out of order");
        i = to;
        continue next;
      }
    }
    driver.at = i;
    if (accept()) out[n++] = d;
    i++;
  }
  return n;
}

let scratchBuf = new Int32Array(1024);

/** A reused buffer for the docs found (copied out exactly at the end). */
function scratch(n: number): Int32Array {
  if (scratchBuf.length < n) scratchBuf = new Int32Array(Math.max(n, scratchBuf.length * 2));
  return scratchBuf;
}

/** Decodes the positions of the cursor's current posting into its buffer. */
export function load(c: PositionCursor): void {
  const k = c.at;
  const b = c.bytes;
  if (c.starts !== null) {
    const q = c.starts[k];
    const end = c.starts[k + 1];
    if (c.buf.length < end - q) c.buf = new Int32Array((end - q) * 2); // at least one byte per position
    c.n = readPositionsTo(b, q, end, c.buf);
    return;
  }
  // skip the positions of the postings passed over since the last load
  let p = c.walkByte;
  for (let a = c.walkAt; a < k; a++) for (let r = c.tfs[a]; r > 0; r--) while (b[p++] >= 0x80);
  c.walkAt = k;
  c.walkByte = p;
  const tf = c.tfs[k];
  if (c.buf.length < tf) c.buf = new Int32Array(tf * 2);
  readPositions(b, p, tf, c.buf, 0);
  c.n = tf;
}
