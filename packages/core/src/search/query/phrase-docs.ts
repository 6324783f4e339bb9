/**
 * Docs holding an exact phrase when only the docs are wanted (a phrase or a multi-token word outside NEAR).
 * phraseMatches (phrase.ts) intersects the lists, then builds position arrays for every candidate, which NEAR
 * needs; here the lists are walked together and a doc's positions are checked as soon as every list holds it,
 * so nothing is written per candidate. A short phrase on a large index is mostly such fixed costs.
 */
import { termHasPositions } from "../analysis/analyzer.js";
import { corrupt } from "../index/corrupt.js";
import { type Postings, positionStartsOf, readPositions, readPositionsTo } from "../index/postings.js";
import type { TextField } from "../index/segment.js";
import { type DenseView, denseIndex, denseOf } from "../util/dense.js";
import { EMPTY, seek, skipsOf } from "../util/setops.js";
import { prefixCopy } from "../util/slab.js";
import { contains, type PhraseTerm, phraseMatches } from "./phrase.js";

interface ListCursor {
  docs: Int32Array;
  skips: Int32Array | null;
  /** Bitmap view of a list holding much of the segment (一种): a doc's index there is a bit test and a popcount. */
  dense: DenseView | null;
  at: number; // index of the current posting
}

interface PositionCursor extends ListCursor {
  tfs: Uint16Array;
  /** Byte offset of each posting's positions (long lists); short lists are walked from walkByte instead. */
  starts: Uint32Array | null;
  walkAt: number;
  walkByte: number;
  rel: number; // position in the phrase
  buf: Int32Array; // the current doc's positions
  n: number; // how many of buf are valid
}

/** Terms whose positions are checked; the others (single CJK characters) only require presence. */
function isPositional(x: PhraseTerm): boolean {
  return !x.docs && termHasPositions(x.term);
}

export function phraseDocs(f: TextField, terms: PhraseTerm[], postings: (t: number) => Postings): Int32Array {
  // with fewer than two positioned terms a phrase is only an intersection (decided before any cursor is set
  // up: setting one up builds the list's position offsets)
  if (terms.filter(isPositional).length < 2) return phraseMatches(f, terms, postings, null, false).docs;
  const positional: PositionCursor[] = [];
  const all: ListCursor[] = [];
  for (const x of terms) {
    if (!isPositional(x)) {
      const docs = x.docs ?? postings(x.t).docs;
      all.push({ docs, skips: skipsOf(docs), dense: denseOf(docs), at: 0 });
      continue;
    }
    const p = postings(x.t);
    const c: PositionCursor = {
      docs: p.docs,
      skips: skipsOf(p.docs),
      dense: denseOf(p.docs),
      at: 0,
      tfs: p.tfs,
      starts: positionStartsOf(f, x.t, p),
      walkAt: 0,
      walkByte: f.posOff[x.t],
      rel: x.rel,
      buf: new Int32Array(16),
      n: 0,
    };
    positional.push(c);
    all.push(c);
  }
  let driver = all[0];
  for (const c of all) {
    if (c.docs.length === 0) return EMPTY;
    if (c.docs.length < driver.docs.length) driver = c;
  }
  const out = scratch(driver.docs.length);
  const n =
    all.length === 2 ? mergeTwo(all[0], all[1], positional, f.pos, out) : leapfrog(all, driver, positional, f.pos, out);
  return n === 0 ? EMPTY : prefixCopy(out, n);
}

/** Two lists (the common case: a two-word phrase, a three-character CJK word). */
function mergeTwo(
  a: ListCursor,
  b: ListCursor,
  positional: PositionCursor[],
  bytes: Uint8Array,
  out: Int32Array,
): number {
  const da = a.docs;
  const db = b.docs;
  // a linear merge unless one list is much longer: then jump through it
  if (da.length * 8 < db.length || db.length * 8 < da.length)
    return leapfrog([a, b], da.length < db.length ? a : b, positional, bytes, out);
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
      if (positionsAlign(positional, bytes)) out[n++] = x;
      i++;
      j++;
    }
  }
  return n;
}

function leapfrog(
  all: ListCursor[],
  driver: ListCursor,
  positional: PositionCursor[],
  bytes: Uint8Array,
  out: Int32Array,
): number {
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
    if (positionsAlign(positional, bytes)) out[n++] = d;
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

/** Whether some start s has s + rel of every term among the current doc's positions. */
function positionsAlign(cs: PositionCursor[], bytes: Uint8Array): boolean {
  if (cs.length === 2) return alignTwo(cs[0], cs[1], bytes);
  for (const c of cs) {
    load(c, bytes);
    if (c.n === 0) return false;
  }
  const base = cs[0];
  for (let a = 0; a < base.n; a++) {
    const start = base.buf[a] - base.rel;
    let ok = true;
    for (let j = 1; j < cs.length && ok; j++) ok = contains(cs[j].buf, 0, cs[j].n, start + cs[j].rel);
    if (ok) return true;
  }
  return false;
}

/** Two terms: one merge of their (ascending) positions, shifted by the distance between them in the phrase. */
function alignTwo(a: PositionCursor, b: PositionCursor, bytes: Uint8Array): boolean {
  load(a, bytes);
  load(b, bytes);
  const pa = a.buf;
  const pb = b.buf;
  const shift = b.rel - a.rel;
  let i = 0;
  let j = 0;
  while (i < a.n && j < b.n) {
    const x = pa[i] + shift;
    const y = pb[j];
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}

/** Decodes the positions of the cursor's current posting into its buffer. */
function load(c: PositionCursor, b: Uint8Array): void {
  const k = c.at;
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
