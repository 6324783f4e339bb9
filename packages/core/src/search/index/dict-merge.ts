/**
 * Dictionaries merged at the level of their code units (merge.ts): no term becomes a JS string. A merge of a large
 * index walks millions of terms; as strings they were half of its time, most of it building them and collecting
 * them afterwards. Order is the Dict's (UTF-16 code units), the order JS strings compare in.
 */
import { GrowableInt32 } from "../util/growable.js";
import { Dict } from "./dict.js";

/** The merged, sorted, unique terms: where each one comes from, and Dicts of any subset of them. */
export class MergedTerms {
  constructor(
    private readonly dicts: Dict[],
    /** Per merged term: the input dict holding it and its index there. */
    private readonly from: Int32Array,
    private readonly at: Int32Array,
    readonly size: number,
  ) {}

  /** A Dict of the merged terms `kept[0 .. count)` (ascending indexes), in 8-bit units when every one fits. */
  dictOf(kept: ArrayLike<number>, count: number): Dict {
    let total = 0;
    for (let i = 0; i < count; i++) {
      const d = this.dicts[this.from[kept[i]]];
      const t = this.at[kept[i]];
      total += d.offs[t + 1] - d.offs[t];
    }
    const wide = new Uint16Array(total);
    const offs = new Uint32Array(count + 1);
    let n = 0;
    let max = 0;
    for (let i = 0; i < count; i++) {
      const d = this.dicts[this.from[kept[i]]];
      const t = this.at[kept[i]];
      const units = d.units;
      for (let u = d.offs[t]; u < d.offs[t + 1]; u++) {
        const c = units[u];
        if (c > max) max = c;
        wide[n++] = c;
      }
      offs[i + 1] = n;
    }
    return new Dict(max > 255 ? wide : Uint8Array.from(wide), offs);
  }
}

/** <0, 0, >0 as term i of a sorts before, equal to, after term j of b. */
function compareTerms(a: Dict, i: number, b: Dict, j: number): number {
  const au = a.units;
  const bu = b.units;
  let x = a.offs[i];
  let y = b.offs[j];
  const xEnd = a.offs[i + 1];
  const yEnd = b.offs[j + 1];
  while (x < xEnd && y < yEnd) {
    const d = au[x++] - bu[y++];
    if (d !== 0) return d;
  }
  return xEnd - x - (yEnd - y);
}

/**
 * Merges sorted dictionaries: the merged terms and, per input, old ordinal → merged ordinal. Pauses (yields) every
 * `pauseEvery` terms, for a stepwise merge.
 */
export function* mergeDictUnits(
  dicts: Dict[],
  pauseEvery: number,
): Generator<void, { terms: MergedTerms; maps: Int32Array[] }> {
  const maps = dicts.map((d) => new Int32Array(d.size));
  const ptr = dicts.map(() => 0);
  const from = new GrowableInt32(1 << 12);
  const at = new GrowableInt32(1 << 12);
  let k = 0;
  for (;;) {
    let min = -1;
    for (let s = 0; s < dicts.length; s++) {
      if (ptr[s] >= dicts[s].size) continue;
      if (min < 0 || compareTerms(dicts[s], ptr[s], dicts[min], ptr[min]) < 0) min = s;
    }
    if (min < 0) break;
    const minDict = dicts[min];
    const minAt = ptr[min];
    from.push(min);
    at.push(minAt);
    for (let s = 0; s < dicts.length; s++) {
      if (ptr[s] >= dicts[s].size) continue;
      if (s === min || compareTerms(dicts[s], ptr[s], minDict, minAt) === 0) maps[s][ptr[s]++] = k;
    }
    k++;
    if (k % pauseEvery === 0) yield;
  }
  return { terms: new MergedTerms(dicts, from.buf, at.buf, k), maps };
}
