/**
 * Batch lookup of publication and application numbers (POST /api/patents/lookup): each number is resolved in
 * the segments' PN and AN keyword dictionaries — a hash probe each (index/number-hash.ts), no query parsing — with the same
 * tolerance as PN= and AN= (kind code, country prefix, check digit optional), so 10,000 numbers take milliseconds.
 */
import { HASH_START, hashStep, NumberHash, numberHash, PairBuffer } from "./index/number-hash.js";
import { normalizeAn, normalizePn } from "./index/numbers.js";
import type { KeywordField, Segment } from "./index/segment.js";
import { ensureInverse } from "./query/filters.js";

const ZERO = 48;
const NINE = 57;
const A = 65;
const Z = 90;
const X = 88;
/** The hash state after "CN", where a number typed without its country code starts. */
const CN_HASH = hashStep(hashStep(HASH_START, 67), 78);

/** The PN and AN readings of one typed number ("" where it has none). */
export function readings(raw: string): { pn: string; an: string } {
  const pn = [""];
  const an = [""];
  readInto(raw, pn, an, new Uint32Array(1), 0);
  return { pn: pn[0], an: an[0] };
}

/**
 * readings(raw), written to pn[i] and an[i], and numberHash(pn[i]) to pnHash[i]: a batch reads its numbers without
 * an object per number, and hashes the PN while reading it.
 */
export function readInto(raw: string, pn: string[], an: string[], pnHash: Uint32Array, i: number): void {
  if (plainInto(raw, pn, an, pnHash, i)) return;
  // NFKC only where it can change something: full-width digits and letters are outside printable ASCII
  const s = (/[^ -~]/.test(raw) ? raw.normalize("NFKC") : raw).toUpperCase().trim();
  const a = normalizeAn(s.replace(/^ZL/, ""));
  pn[i] = normalizePn(s);
  an[i] = a !== "" && /^[\dX]+$/.test(a) ? a : "";
  pnHash[i] = numberHash(pn[i]);
}

/**
 * The same readings for a number typed as digits and capital letters only (nearly every number of a pasted list),
 * in one pass over its code units: nothing to trim, fold or strip, so no regular expression and no new string but
 * the answers. false (nothing written) for anything else.
 */
function plainInto(raw: string, pn: string[], an: string[], pnHash: Uint32Array, i: number): boolean {
  const n = raw.length;
  if (n === 0) return false;
  const c0 = raw.charCodeAt(0);
  const c1 = n > 1 ? raw.charCodeAt(1) : 0;
  const bare = c0 >= ZERO && c0 <= NINE; // digits first: the PN reading is CN + raw
  let h = bare ? CN_HASH : HASH_START;
  let lastNonAn = -1; // the last position holding neither a digit nor X: an AN reading starts after it
  for (let k = 0; k < n; k++) {
    const c = raw.charCodeAt(k);
    const digit = c >= ZERO && c <= NINE;
    if (!digit && !(c >= A && c <= Z)) return false;
    if (!digit && c !== X) lastNonAn = k;
    h = hashStep(h, c);
  }
  pn[i] = bare ? `CN${raw}` : raw;
  pnHash[i] = h >>> 0;
  let from = c0 === 90 /* Z */ && c1 === 76 /* L */ ? 2 : 0; // after ZL
  // after ZL, a further CN is stripped only when the rest is not already a clean AN (normalizeAn)
  let clean = lastNonAn < from;
  if (!clean && raw.charCodeAt(from) === 67 /* C */ && raw.charCodeAt(from + 1) === 78 /* N */) {
    from += 2;
    clean = from < n && lastNonAn < from;
  }
  an[i] = clean && from < n ? raw.slice(from) : "";
  return true;
}

const hashes = new WeakMap<KeywordField, NumberHash>();

function hashOf(kf: KeywordField, kind: "pn" | "an"): NumberHash {
  let h = hashes.get(kf);
  if (!h) {
    h = NumberHash.build(kf.dict, kind);
    hashes.set(kf, h);
  }
  return h;
}

/** One segment's field, with what a lookup reads of it taken out once per batch rather than once per number. */
interface Probe {
  hash: NumberHash;
  invOffs: Uint32Array;
  inv: Int32Array;
  deleted: Uint8Array;
  ids: ArrayLike<number>;
}

function probesOf(segments: readonly Segment[], kind: "pn" | "an"): Probe[] {
  return segments.map((seg) => {
    const kf = seg.d.kw[kind];
    ensureInverse(kf, seg.maxDoc);
    return { hash: hashOf(kf, kind), invOffs: kf.invOffs!, inv: kf.inv!, deleted: seg.d.deleted, ids: seg.d.ids };
  });
}

/** What a number matching no live record finds: one shared empty list rather than one per number. */
const NONE: readonly number[] = Object.freeze([]);

/**
 * Live external ids matching each number, ascending; an empty list when nothing matches.
 *
 * Every step runs over the whole batch before the next (NumberHash.findBatch, then each found term's postings, then
 * each doc's deleted flag and external id): at 1M documents each of those reads misses the cache, and a pass of
 * independent reads lets the CPU overlap the misses of many numbers.
 */
export function lookupNumbers(segments: readonly Segment[], numbers: readonly string[]): (readonly number[])[] {
  const n = numbers.length;
  const pnKeys: string[] = new Array(n);
  const anKeys: string[] = new Array(n);
  const pnHashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) readInto(numbers[i], pnKeys, anKeys, pnHashes, i);
  const out: (readonly number[])[] = new Array(n).fill(NONE);
  const found = new PairBuffer(n);
  for (const [kind, keys] of [
    ["pn", pnKeys],
    ["an", anKeys],
  ] as const) {
    if (kind === "an" && !keys.some((k) => k !== "")) continue;
    for (const p of probesOf(segments, kind)) {
      found.length = 0;
      p.hash.findBatch(keys, found, kind === "pn" ? pnHashes : undefined);
      collectIds(p, found, out);
    }
  }
  for (let i = 0; i < n; i++) if (out[i].length > 1) out[i] = [...new Set(out[i])].sort((a, b) => a - b);
  return out;
}

/** Adds to out[key] the live external ids of every (key, ordinal) pair's postings, a pass per array read. */
function collectIds(p: Probe, found: PairBuffer, out: (readonly number[])[]): void {
  const m = found.length;
  const starts = new Int32Array(m);
  const ends = new Int32Array(m);
  for (let c = 0; c < m; c++) {
    const o = found.ord[c];
    starts[c] = p.invOffs[o];
    ends[c] = p.invOffs[o + 1];
  }
  const docs = new PairBuffer(m);
  for (let c = 0; c < m; c++) for (let k = starts[c]; k < ends[c]; k++) docs.push(found.key[c], p.inv[k]);
  const d = docs.length;
  const deleted = new Uint8Array(d);
  for (let k = 0; k < d; k++) deleted[k] = p.deleted[docs.ord[k]];
  for (let k = 0; k < d; k++) {
    if (deleted[k] !== 0) continue;
    const key = docs.key[k];
    const id = p.ids[docs.ord[k]];
    out[key] = out[key] === NONE ? [id] : [...out[key], id];
  }
}
