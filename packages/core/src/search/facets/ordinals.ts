/**
 * Engine-wide facet ordinals: every distinct value of a facet across the segments gets one global ordinal, and
 * each segment a local → global map. Counting then sums typed arrays, and only the top buckets ever become
 * strings; the value's rank in string order breaks count ties without comparing strings.
 * Built on first use of a facet and kept until the segment list changes.
 */
import type { Segment } from "../index/segment.js";
import type { FacetCount, FacetField } from "../types.js";
import { countOrds, facetSource } from "./sources.js";

export class FacetOrdinals {
  private constructor(
    readonly values: string[],
    readonly rank: Int32Array,
    readonly maps: Int32Array[],
  ) {}

  static build(segments: Segment[], facet: FacetField): FacetOrdinals {
    const index = new Map<string, number>();
    const values: string[] = [];
    const maps = segments.map((seg) => {
      const src = facetSource(seg, facet);
      const map = new Int32Array(src.size);
      for (let o = 0; o < src.size; o++) {
        const v = src.value(o);
        if (v === "") {
          map[o] = -1; // unknown type/status etc. is not a bucket
          continue;
        }
        let g = index.get(v);
        if (g === undefined) {
          g = values.length;
          values.push(v);
          index.set(v, g);
        }
        map[o] = g;
      }
      return map;
    });
    const byValue = Array.from(values.keys()).sort((a, b) =>
      values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : 0,
    );
    const rank = new Int32Array(values.length);
    byValue.forEach((g, r) => {
      rank[g] = r;
    });
    return new FacetOrdinals(values, rank, maps);
  }

  /**
   * Exact counts over every segment's hits, then the top `n` buckets: count desc, then value asc. With `prefix`,
   * only values starting with it are buckets (the IPC browser counts one branch's children).
   */
  top(segments: Segment[], facet: FacetField, hitsPerSegment: Int32Array[], n: number, prefix = ""): FacetCount[] {
    const total = new Uint32Array(this.values.length);
    segments.forEach((seg, s) => {
      const hits = hitsPerSegment[s];
      if (hits.length === 0) return;
      const counts = countOrds(facetSource(seg, facet), hits, seg.maxDoc);
      const map = this.maps[s];
      for (let o = 0; o < counts.length; o++) if (counts[o] > 0 && map[o] >= 0) total[map[o]] += counts[o];
    });
    if (prefix !== "") for (let g = 0; g < total.length; g++) if (!this.values[g].startsWith(prefix)) total[g] = 0;
    return this.select(total, n);
  }

  /** The n best ordinals: a partial insertion sort when n is a page of buckets, a full sort when it is large. */
  private select(total: Uint32Array, n: number): FacetCount[] {
    const rank = this.rank;
    const better = (a: number, b: number) => total[a] > total[b] || (total[a] === total[b] && rank[a] < rank[b]);
    if (n > 64) {
      const all: number[] = [];
      for (let g = 0; g < total.length; g++) if (total[g] > 0) all.push(g);
      all.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
      return all.slice(0, n).map((g) => ({ value: this.values[g], count: total[g] }));
    }
    const best: number[] = [];
    for (let g = 0; g < total.length; g++) {
      if (total[g] === 0) continue;
      if (best.length === n && (n === 0 || !better(g, best[n - 1]))) continue;
      let i = best.length === n ? n - 1 : best.length;
      if (best.length < n) best.push(g);
      while (i > 0 && better(g, best[i - 1])) {
        best[i] = best[i - 1];
        i--;
      }
      best[i] = g;
    }
    return best.map((g) => ({ value: this.values[g], count: total[g] }));
  }
}
