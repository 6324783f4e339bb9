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
    const h = hashString(q);
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
    const { units, offs } = this.dict;
    const from = offs[o];
    const len = offs[o + 1] - from;
    const extra = len - q.length;
    if (extra < 0 || extra > (this.kind === "pn" ? 2 : 1)) return false;
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
  let h = 0x811c9dc5;
  for (let k = from; k < from + len; k++) h = Math.imul(h ^ units[k], 0x01000193);
  return h >>> 0;
}

/** The hash's top 8 bits (the probe position uses the low bits), placed above the ordinal. */
function tagOf(h: number): number {
  return (h >>> ORD_BITS) << ORD_BITS;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h >>> 0;
}
