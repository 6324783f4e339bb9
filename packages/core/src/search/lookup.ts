/**
 * Batch lookup of publication and application numbers (POST /api/patents/lookup): each number is resolved in
 * the segments' PN and AN keyword dictionaries — a hash probe each (index/number-hash.ts), no query parsing — with the same
 * tolerance as PN= and AN= (kind code, country prefix, check digit optional), so 10,000 numbers take milliseconds.
 */
import { NumberHash } from "./index/number-hash.js";
import { normalizeAn, normalizePn } from "./index/numbers.js";
import type { KeywordField, Segment } from "./index/segment.js";
import { ensureInverse } from "./query/filters.js";

const ZERO = 48;
const NINE = 57;
const A = 65;
const Z = 90;
const X = 88;

/** The PN and AN readings of one typed number ("" where it has none). */
export function readings(raw: string): { pn: string; an: string } {
  return plainReadings(raw) ?? anyReadings(raw);
}

function anyReadings(raw: string): { pn: string; an: string } {
  // NFKC only where it can change something: full-width digits and letters are outside printable ASCII
  const s = (/[^ -~]/.test(raw) ? raw.normalize("NFKC") : raw).toUpperCase().trim();
  const an = normalizeAn(s.replace(/^ZL/, ""));
  return { pn: normalizePn(s), an: an !== "" && /^[\dX]+$/.test(an) ? an : "" };
}

/**
 * The same readings for a number typed as digits and capital letters only (nearly every number of a pasted list),
 * from its code units: nothing to trim, fold or strip, so no regular expression and no new string but the answers.
 * null for anything else.
 */
function plainReadings(raw: string): { pn: string; an: string } | null {
  const n = raw.length;
  if (n === 0) return null;
  let anDigitsFrom = 0; // where the AN reading starts: after ZL, or after CN
  for (let k = 0; k < n; k++) {
    const c = raw.charCodeAt(k);
    if (!((c >= ZERO && c <= NINE) || (c >= A && c <= Z))) return null;
  }
  const c0 = raw.charCodeAt(0);
  const c1 = n > 1 ? raw.charCodeAt(1) : 0;
  const twoLetters = c0 >= A && c0 <= Z && c1 >= A && c1 <= Z;
  const pn = twoLetters ? raw : c0 >= ZERO && c0 <= NINE ? `CN${raw}` : raw;
  if (c0 === 90 /* Z */ && c1 === 76 /* L */) anDigitsFrom = 2;
  // after ZL, a further CN is stripped only when the rest is not already a clean AN (normalizeAn)
  let clean = true;
  for (let k = anDigitsFrom; k < n; k++) {
    const c = raw.charCodeAt(k);
    if (!((c >= ZERO && c <= NINE) || c === X)) {
      clean = false;
      break;
    }
  }
  if (!clean && raw.charCodeAt(anDigitsFrom) === 67 /* C */ && raw.charCodeAt(anDigitsFrom + 1) === 78 /* N */) {
    anDigitsFrom += 2;
    clean = anDigitsFrom < n;
    for (let k = anDigitsFrom; k < n && clean; k++) {
      const c = raw.charCodeAt(k);
      clean = (c >= ZERO && c <= NINE) || c === X;
    }
  }
  return { pn, an: clean && anDigitsFrom < n ? raw.slice(anDigitsFrom) : "" };
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

/** Live external ids matching each number, ascending; an empty list when nothing matches. */
export function lookupNumbers(segments: readonly Segment[], numbers: readonly string[]): number[][] {
  const byPn = probesOf(segments, "pn");
  const byAn = probesOf(segments, "an");
  const ords: number[] = [];
  const out: number[][] = new Array(numbers.length);
  const collect = (probes: Probe[], key: string, ids: number[]) => {
    for (const p of probes) {
      const found = p.hash.findInto(key, ords);
      for (let k = 0; k < found; k++) {
        const o = ords[k];
        for (let i = p.invOffs[o]; i < p.invOffs[o + 1]; i++) {
          const doc = p.inv[i];
          if (p.deleted[doc] === 0) ids.push(p.ids[doc]);
        }
      }
    }
  };
  for (let n = 0; n < numbers.length; n++) {
    const r = readings(numbers[n]);
    const ids: number[] = [];
    if (r.pn !== "") collect(byPn, r.pn, ids);
    if (r.an !== "") collect(byAn, r.an, ids);
    out[n] = ids.length > 1 ? [...new Set(ids)].sort((a, b) => a - b) : ids;
  }
  return out;
}
