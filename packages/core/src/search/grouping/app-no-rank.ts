/**
 * Application numbers as engine-wide numeric sort keys: inside a segment the app_no order uses the dictionary
 * ordinal (scoring/rank.ts), but a grouped query compares publications of one invention across segments, so it
 * needs one key space for all of them: each distinct number's rank in string order. Built on the first grouped
 * app_no query and kept until the segment list changes.
 */
import type { Segment } from "../index/segment.js";
import { UNKNOWN } from "../scoring/rank.js";

export class AppNoRank {
  private constructor(
    /** Distinct non-empty numbers in string order; rank r is values[r]. */
    readonly values: string[],
    /** Per segment: local `an` ordinal → rank (UNKNOWN for the empty number). */
    readonly maps: Float64Array[],
  ) {}

  static build(segments: Segment[]): AppNoRank {
    const all = new Set<string>();
    for (const seg of segments) for (const v of seg.d.kw.an.dict.all()) if (v !== "") all.add(v);
    const values = [...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const rank = new Map(values.map((v, r) => [v, r]));
    const maps = segments.map((seg) => {
      const dict = seg.d.kw.an.dict;
      const map = new Float64Array(dict.size);
      for (let o = 0; o < dict.size; o++) {
        const v = dict.get(o);
        map[o] = v === "" ? UNKNOWN : rank.get(v)!;
      }
      return map;
    });
    return new AppNoRank(values, maps);
  }

  /** The key of a doc. */
  key(s: number, seg: Segment, doc: number): number {
    return this.maps[s][seg.d.kw.an.ords[doc]];
  }

  /** A cursor's number in this key space: its rank, or half a step below the next rank when it is absent. */
  cursorKey(value: string): number {
    if (value === "") return UNKNOWN;
    let lo = 0;
    let hi = this.values.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.values[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.values.length && this.values[lo] === value ? lo : lo - 0.5;
  }

  /** The number behind a key (a cursor carries the number itself, as ungrouped app_no cursors do). */
  valueOf(key: number): string {
    return key === UNKNOWN ? "" : this.values[key];
  }
}
