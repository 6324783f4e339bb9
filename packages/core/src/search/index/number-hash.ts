/**
 * A hash index over one segment's PN or AN dictionary, for the batch lookup of numbers.
 *
 * The dictionary answers a number by binary search: about 20 scattered reads of its code units per number and
 * field, which at 1M documents cost 1.5 µs each and made a 10,000-number lookup 13× slower than Lucene's terms
 * dictionary. Here a number is one hash and, at a load of at most ½, one or two probes.
 *
 * The lookup's tolerance is kept exactly (pnMatches / anMatches): a PN may be typed without its kind code and an AN
 * without its check digit, so each term is filed under its full spelling and, when it has one, the spelling without
 * that suffix. A probe returns the ordinals whose term is the number itself or the number plus an allowed suffix.
 * Built lazily by the first lookup in a segment (≈ 16 MB per million terms); segments are immutable, so it never
 * needs updating.
 */
import type { Dict } from "./dict.js";

export type NumberKind = "pn" | "an";

const A = 65;
const Z = 90;
const ZERO = 48;
const NINE = 57;
const X = 88;

const isLetter = (c: number) => c >= A && c <= Z;
const isDigit = (c: number) => c >= ZERO && c <= NINE;

/**
 * A slot holds ordinal + 1 in its low 24 bits and 8 bits of the key's hash above them, so a probe passing a slot
 * filed under another key (most of them) is rejected without reading the dictionary: at 1M terms every dictionary
 * read is a cache miss, and those misses were most of a lookup's time. A segment with 2^24 or more terms (far beyond
 * the 2^20 docs a segment is sealed at) keeps plain ordinals and checks every slot against the dictionary.
 */
const ORD_BITS = 24;
const ORD_MASK = (1 << ORD_BITS) - 1;

export class NumberHash {
  private constructor(
    private readonly dict: Dict,
    private readonly kind: NumberKind,
    private readonly slots: Int32Array, // packed (above); 0 = empty
    private readonly tagged: boolean,
  ) {}

  static build(dict: Dict, kind: NumberKind): NumberHash {
    let cap = 16;
    while (cap < dict.size * 4) cap *= 2; // at most two keys a term, so the load stays at most ½
    const index = new NumberHash(dict, kind, new Int32Array(cap), dict.size < ORD_MASK);
    for (let o = 0; o < dict.size; o++) {
      const len = dict.offs[o + 1] - dict.offs[o];
      index.file(o, len);
      const suffix = index.suffixLength(o, len);
      if (suffix > 0) index.file(o, len - suffix);
    }
    return index;
  }

  /** Ordinals of the terms that are `q` or `q` plus an allowed suffix, ascending. */
  find(q: string): number[] {
    const out: number[] = [];
    out.length = this.findInto(q, out);
    return out.length > 1 ? out.sort((a, b) => a - b) : out;
  }

  /**
   * Writes to out[0 ..] the ordinals find(q) answers, in probe order (a term filed twice is written once), and
   * returns how many. `out` is the caller's reused buffer: nothing is allocated or truncated per number.
   */
  findInto(q: string, out: number[]): number {
    const { slots } = this;
    const mask = slots.length - 1;
    const h = numberHash(q);
    const tag = this.tagged ? tagOf(h) : 0;
    let n = 0;
    for (let i = h & mask; slots[i] !== 0; i = (i + 1) & mask) {
      const slot = slots[i];
      if (this.tagged && (slot & ~ORD_MASK) !== tag) continue;
      const o = (this.tagged ? slot & ORD_MASK : slot) - 1;
      if (this.extends(o, q) && !holds(out, n, o)) out[n++] = o;
    }
    return n;
  }

  /**
   * find() for every key of a batch at once ("" keys find nothing): appends (key index, ordinal) to `out`, key
   * indexes ascending and each key's ordinals in probe order, a term filed twice written once. `given` holds
   * numberHash(keys[i]) when the caller has already computed it while reading the keys.
   *
   * Done in passes over the whole batch (hash every key, read every first slot, walk the chains, read every
   * candidate's offsets, compare every candidate's units) rather than key by key: at 1M terms each of those reads
   * is a cache miss, and a pass of independent reads lets the CPU wait for many misses at once where a key at a time
   * waits for them one after another (the batch lookup of 10,000 numbers at 1M docs, in one quiet process: about
   * 2.5 → 1.0 ms).
   */
  findBatch(keys: readonly string[], out: PairBuffer, given?: Uint32Array): void {
    const { slots, tagged } = this;
    const { offs } = this.dict;
    const mask = slots.length - 1;
    const n = keys.length;
    let hashes = given;
    if (!hashes) {
      hashes = new Uint32Array(n);
      for (let i = 0; i < n; i++) hashes[i] = numberHash(keys[i]);
    }
    const heads = new Int32Array(n);
    for (let i = 0; i < n; i++) heads[i] = keys[i] === "" ? 0 : slots[hashes[i] & mask];
    const cand = new PairBuffer(n);
    for (let i = 0; i < n; i++) {
      const h = hashes[i];
      const tag = tagged ? tagOf(h) : 0;
      let j = h & mask;
      for (let slot = heads[i]; slot !== 0; slot = slots[j]) {
        if (!tagged || (slot & ~ORD_MASK) === tag) cand.push(i, (tagged ? slot & ORD_MASK : slot) - 1);
        j = (j + 1) & mask;
      }
    }
    const m = cand.length;
    const from = new Int32Array(m);
    const lens = new Int32Array(m);
    for (let c = 0; c < m; c++) {
      const o = cand.ord[c];
      from[c] = offs[o];
      lens[c] = offs[o + 1] - offs[o];
    }
    const max = this.kind === "pn" ? 2 : 1;
    let keyStart = out.length; // where the current key's pairs begin in out, for the once-only check
    for (let c = 0; c < m; c++) {
      const i = cand.key[c];
      const o = cand.ord[c];
      if (c === 0 || cand.key[c - 1] !== i) keyStart = out.length;
      const q = keys[i];
      const extra = lens[c] - q.length;
      if (extra < 0 || extra > max || !this.unitsExtend(from[c], q, extra)) continue;
      if (!out.holdsOrd(keyStart, o)) out.push(i, o);
    }
  }

  /** Files ordinal o under the first `len` code units of its term. */
  private file(o: number, len: number): void {
    const mask = this.slots.length - 1;
    const h = hashUnits(this.dict.units, this.dict.offs[o], len);
    let i = h & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = this.tagged ? tagOf(h) | (o + 1) : o + 1;
  }

  /** The kind code (a letter and an optional digit) ending a PN, or the check digit (a digit or X) ending an AN. */
  private suffixLength(o: number, len: number): number {
    const { units, offs } = this.dict;
    const last = units[offs[o] + len - 1];
    if (this.kind === "an") return isDigit(last) || last === X ? 1 : 0;
    if (isLetter(last)) return 1;
    return len >= 2 && isDigit(last) && isLetter(units[offs[o] + len - 2]) ? 2 : 0;
  }

  /** pnMatches / anMatches on the stored code units, without decoding the term. */
  private extends(o: number, q: string): boolean {
    const { offs } = this.dict;
    const from = offs[o];
    const extra = offs[o + 1] - from - q.length;
    return extra >= 0 && extra <= (this.kind === "pn" ? 2 : 1) && this.unitsExtend(from, q, extra);
  }

  /** Whether the term stored from `from`, `extra` units longer than q, is q plus an allowed suffix. */
  private unitsExtend(from: number, q: string, extra: number): boolean {
    const { units } = this.dict;
    for (let k = 0; k < q.length; k++) if (units[from + k] !== q.charCodeAt(k)) return false;
    if (extra === 0) return true;
    const first = units[from + q.length];
    if (this.kind === "an") return isDigit(first) || first === X;
    return isLetter(first) && (extra === 1 || isDigit(units[from + q.length + 1]));
  }
}

/** Whether out[0 .. n) holds o. */
function holds(out: number[], n: number, o: number): boolean {
  for (let k = 0; k < n; k++) if (out[k] === o) return true;
  return false;
}

// FNV-1a over UTF-16 code units: the same value from a string and from the dictionary's stored units
function hashUnits(units: Uint8Array | Uint16Array, from: number, len: number): number {
  let h = HASH_START;
  for (let k = from; k < from + len; k++) h = hashStep(h, units[k]);
  return h >>> 0;
}

/** The hash's top 8 bits (the probe position uses the low bits), placed above the ordinal. */
function tagOf(h: number): number {
  return (h >>> ORD_BITS) << ORD_BITS;
}

/**
 * The hash a number is filed under: FNV-1a over its UTF-16 code units, from HASH_START a unit at a time (hashStep),
 * made unsigned at the end. Exported in steps so that a reader scanning a number's units hashes it on the way.
 */
export function numberHash(s: string): number {
  let h = HASH_START;
  for (let k = 0; k < s.length; k++) h = hashStep(h, s.charCodeAt(k));
  return h >>> 0;
}

export const HASH_START = 0x811c9dc5;

export function hashStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}

/** A growable list of (key index, ordinal or doc) pairs in two typed arrays: a batch's answers, unboxed. */
export class PairBuffer {
  key: Int32Array;
  ord: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.key = new Int32Array(Math.max(16, capacity));
    this.ord = new Int32Array(Math.max(16, capacity));
  }

  push(key: number, ord: number): void {
    if (this.length === this.key.length) {
      const key2 = new Int32Array(this.length * 2);
      key2.set(this.key);
      this.key = key2;
      const ord2 = new Int32Array(this.length * 2);
      ord2.set(this.ord);
      this.ord = ord2;
    }
    this.key[this.length] = key;
    this.ord[this.length++] = ord;
  }

  /** Whether pairs [from, length) hold `ord`. */
  holdsOrd(from: number, ord: number): boolean {
    for (let k = from; k < this.length; k++) if (this.ord[k] === ord) return true;
    return false;
  }
}
