/** Builds one keyword doc-value field: an ordinal dictionary plus per-doc ordinals (CSR when multi-valued). */
import { GrowableInt32, narrowUint } from "../util/growable.js";
import { sortedDict } from "./dict.js";
import type { KeywordField } from "./segment.js";

export class KeywordBuilder {
  private map = new Map<string, number>();
  private values: string[] = [];
  private offs = new GrowableInt32();
  private ords = new GrowableInt32();
  constructor(readonly single: boolean) {
    this.offs.push(0);
  }

  /** Adds the values of the next doc (duplicates within a doc are dropped). */
  add(values: readonly string[]): void {
    const start = this.ords.length;
    for (const v of values) {
      let o = this.map.get(v);
      if (o === undefined) {
        o = this.values.length;
        this.values.push(v);
        this.map.set(v, o);
      }
      let dup = false;
      for (let i = start; i < this.ords.length; i++) if (this.ords.buf[i] === o) dup = true;
      if (!dup) this.ords.push(o);
      if (this.single) break;
    }
    this.offs.push(this.ords.length);
  }

  addOne(value: string): void {
    let o = this.map.get(value);
    if (o === undefined) {
      o = this.values.length;
      this.values.push(value);
      this.map.set(value, o);
    }
    this.ords.push(o);
    this.offs.push(this.ords.length);
  }

  seal(): KeywordField {
    const { dict, remap } = sortedDict(this.values);
    const n = this.ords.length;
    const ords = new Int32Array(n);
    for (let i = 0; i < n; i++) ords[i] = remap[this.ords.buf[i]];
    if (this.single) return { dict, offs: null, ords: narrowUint(ords, n) };
    // keep each doc's ordinals sorted so merges and tests see a canonical form
    const offs = new Uint32Array(this.offs.toArray());
    for (let d = 0; d + 1 < offs.length; d++) ords.subarray(offs[d], offs[d + 1]).sort();
    return { dict, offs, ords: narrowUint(ords, n) };
  }
}
