/**
 * A sorted string table stored as code units + offsets: loads with no parsing (views on the segment file) and
 * answers exact and prefix lookups by binary search. Order is JS string order (UTF-16 code units).
 */
import type { UintArray } from "../util/growable.js";

const FIND_MEMO_SIZE = 65536;

export class Dict {
  private found = new Map<string, number>();
  constructor(
    readonly units: Uint8Array | Uint16Array,
    readonly offs: Uint32Array,
  ) {}

  static fromSorted(terms: string[]): Dict {
    let total = 0;
    let wide = false;
    for (const t of terms) {
      total += t.length;
      if (!wide) for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) > 255) wide = true;
    }
    const units = wide ? new Uint16Array(total) : new Uint8Array(total);
    const offs = new Uint32Array(terms.length + 1);
    let n = 0;
    for (let k = 0; k < terms.length; k++) {
      const t = terms[k];
      for (let i = 0; i < t.length; i++) units[n++] = t.charCodeAt(i);
      offs[k + 1] = n;
    }
    return new Dict(units, offs);
  }

  get size(): number {
    return this.offs.length - 1;
  }

  get(i: number): string {
    const from = this.offs[i];
    const to = this.offs[i + 1];
    let s = "";
    for (let k = from; k < to; k++) s += String.fromCharCode(this.units[k]);
    return s;
  }

  /** <0, 0, >0 as term i sorts before, equal to, after s. */
  compare(i: number, s: string): number {
    const from = this.offs[i];
    const len = this.offs[i + 1] - from;
    const n = Math.min(len, s.length);
    for (let k = 0; k < n; k++) {
      const d = this.units[from + k] - s.charCodeAt(k);
      if (d !== 0) return d;
    }
    return len - s.length;
  }

  /** First index whose term is >= s. */
  lowerBound(s: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(mid, s) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  find(s: string): number {
    // a binary search over a large dictionary is ~20 scattered reads; query terms recur, so answers are
    // remembered (the dictionary is immutable), up to a bound
    const known = this.found.get(s);
    if (known !== undefined) return known;
    const i = this.lowerBound(s);
    const r = i < this.size && this.compare(i, s) === 0 ? i : -1;
    if (this.found.size >= FIND_MEMO_SIZE) this.found.clear();
    this.found.set(s, r);
    return r;
  }

  /** [lo, hi) of the terms starting with prefix. */
  prefixRange(prefix: string): [number, number] {
    const lo = this.lowerBound(prefix);
    let hi = lo;
    while (hi < this.size && this.startsWith(hi, prefix)) hi++;
    return [lo, hi];
  }

  startsWith(i: number, prefix: string): boolean {
    const from = this.offs[i];
    if (this.offs[i + 1] - from < prefix.length) return false;
    for (let k = 0; k < prefix.length; k++) if (this.units[from + k] !== prefix.charCodeAt(k)) return false;
    return true;
  }

  all(): string[] {
    const out = new Array<string>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.get(i);
    return out;
  }
}

/** Remaps ordinals after sorting a dictionary built in first-seen order. */
export function sortedDict(values: string[]): { dict: Dict; remap: Int32Array } {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : 0));
  const remap = new Int32Array(values.length);
  order.forEach((old, i) => {
    remap[old] = i;
  });
  return { dict: Dict.fromSorted(order.map((i) => values[i])), remap };
}

export type { UintArray };
