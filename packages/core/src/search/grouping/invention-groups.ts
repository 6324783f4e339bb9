/**
 * Engine-wide invention ordinals: every distinct invention key across the segments gets one global ordinal, and
 * each segment a local → global map over its `inv` doc values (the same shape as facets/ordinals.ts). The
 * publications of one application often sit in different segments (the A in one import, the B in a later one),
 * so grouping works on these global ordinals. Built on the first grouped query and kept until the segment list
 * changes; the per-group scratch records are reused by every grouped query (queries run one at a time).
 */
import type { Segment } from "../index/segment.js";
import { ensureInverse } from "../query/filters.js";

export class InventionGroups {
  /** Per-group scratch (see group-hits.ts), allocated on first use. */
  scratch: GroupScratch | null = null;

  private constructor(
    /** Global ordinal → invention key. */
    readonly keys: string[],
    /** Per segment and local doc: the global ordinal (read in doc order by every grouped query). */
    readonly docGroups: Int32Array[],
    /**
     * Per segment and local doc: 1 when the doc's invention has other publications (in any segment, deleted ones
     * included). Most inventions have one publication; their docs skip the per-group records entirely. A delete
     * cannot turn a single into a multiple, and an add changes the segment list, which rebuilds this.
     */
    readonly multi: Uint8Array[],
  ) {}

  static build(segments: Segment[]): InventionGroups {
    const index = new Map<string, number>();
    const keys: string[] = [];
    const sizes: number[] = [];
    const docGroups = segments.map((seg) => {
      const kf = seg.d.kw.inv;
      const map = new Int32Array(kf.dict.size).fill(-1);
      const out = new Int32Array(seg.maxDoc);
      // ordinals in doc order, not key order: a grouped query then walks the per-group records almost
      // sequentially (docs come in id order) instead of jumping about a multi-megabyte array
      for (let d = 0; d < seg.maxDoc; d++) {
        const o = kf.ords[d];
        if (map[o] < 0) {
          const key = kf.dict.get(o);
          let g = index.get(key);
          if (g === undefined) {
            g = keys.length;
            keys.push(key);
            sizes.push(0);
            index.set(key, g);
          }
          map[o] = g;
        }
        out[d] = map[o];
        sizes[map[o]]++;
      }
      return out;
    });
    const multi = docGroups.map((out) => Uint8Array.from(out, (g) => (sizes[g] > 1 ? 1 : 0)));
    return new InventionGroups(keys, docGroups, multi);
  }

  get size(): number {
    return this.keys.length;
  }

  scratchArrays(): GroupScratch {
    this.scratch ??= new GroupScratch(this.keys.length);
    return this.scratch;
  }

  /** Ids of every live publication of a group, ascending. */
  members(segments: Segment[], g: number): number[] {
    const key = this.keys[g];
    const out: number[] = [];
    for (const seg of segments) {
      const kf = seg.d.kw.inv;
      const o = kf.dict.find(key);
      if (o < 0) continue;
      ensureInverse(kf, seg.maxDoc);
      for (let k = kf.invOffs![o]; k < kf.invOffs![o + 1]; k++) {
        const doc = kf.inv![k];
        if (!seg.isDeleted(doc)) out.push(seg.d.ids[doc]);
      }
    }
    return out.sort((a, b) => a - b);
  }
}

/**
 * Per-group state of one grouped query, indexed by global ordinal, one 64-byte record per group (a hit then
 * touches one cache line, not eight arrays): `stamp === epoch` marks a group seen by the current query, so
 * nothing is cleared between queries.
 */
export const STRIDE = 8;
export const STAMP = 0; // epoch of the query that last saw the group
export const BEST_KEY = 1; // best publication in the sort order: key (−score, date, app-number rank) …
export const BEST_ID = 2; // … its external id …
export const BEST_SCORE = 3; // … and score
export const LATEST_PD = 4; // latest matching publication (publication date, then id): its date …
export const LATEST_ID = 5; // … external id …
export const LATEST_AT = 6; // … and where it is: segment index * 2^32 + local doc

export class GroupScratch {
  epoch = 0;
  readonly rec: Float64Array;

  constructor(n: number) {
    this.rec = new Float64Array(n * STRIDE);
  }

  /** Starts a query: every group unseen. */
  next(): number {
    this.epoch++;
    if (this.epoch >= 2 ** 52) {
      for (let i = 0; i < this.rec.length; i += STRIDE) this.rec[i] = 0;
      this.epoch = 1;
    }
    return this.epoch;
  }
}
