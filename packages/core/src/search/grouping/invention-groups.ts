/**
 * Engine-wide invention ordinals: every distinct invention key across the segments gets one global ordinal, and
 * each segment a local → global map over its `inv` doc values (the same shape as facets/ordinals.ts). The
 * publications of one application often sit in different segments (the A in one import, the B in a later one),
 * so grouping works on these global ordinals. Built on the first grouped query and kept until the segment list
 * changes; the per-group scratch arrays are reused by every grouped query (queries run one at a time).
 */

import type { Segment } from "../index/segment.js";
import { ensureInverse } from "../query/filters.js";

export class InventionGroups {
  /** Per-group scratch (see group-hits.ts), allocated on first use. */
  scratch: GroupScratch | null = null;

  private constructor(
    /** Global ordinal → invention key. */
    readonly keys: string[],
    /** Per segment: local `inv` ordinal → global ordinal. */
    readonly maps: Int32Array[],
  ) {}

  static build(segments: Segment[]): InventionGroups {
    const index = new Map<string, number>();
    const keys: string[] = [];
    const maps = segments.map((seg) => {
      const dict = seg.d.kw.inv.dict;
      const map = new Int32Array(dict.size);
      for (let o = 0; o < dict.size; o++) {
        const key = dict.get(o);
        let g = index.get(key);
        if (g === undefined) {
          g = keys.length;
          keys.push(key);
          index.set(key, g);
        }
        map[o] = g;
      }
      return map;
    });
    return new InventionGroups(keys, maps);
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
 * Per-group state of one grouped query, indexed by global ordinal. `stamp[g] === epoch` marks a group seen by
 * the current query, so nothing is cleared between queries.
 */
export class GroupScratch {
  epoch = 0;
  readonly stamp: Uint32Array;
  /** Best publication in the sort order: key (−score, date, app-number rank), external id, score. */
  readonly bestKey: Float64Array;
  readonly bestId: Uint32Array;
  readonly bestScore: Float64Array;
  /** Latest matching publication (publication date, then id): segment index, local doc, date, id. */
  readonly latestSeg: Int32Array;
  readonly latestDoc: Int32Array;
  readonly latestPd: Int32Array;
  readonly latestId: Uint32Array;

  constructor(n: number) {
    this.stamp = new Uint32Array(n);
    this.bestKey = new Float64Array(n);
    this.bestId = new Uint32Array(n);
    this.bestScore = new Float64Array(n);
    this.latestSeg = new Int32Array(n);
    this.latestDoc = new Int32Array(n);
    this.latestPd = new Int32Array(n);
    this.latestId = new Uint32Array(n);
  }

  /** Starts a query: every group unseen. */
  next(): number {
    this.epoch++;
    if (this.epoch === 0xffffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    return this.epoch;
  }
}
