/**
 * Facet sources: for one segment and one facet, each doc's ordinals (single-valued: ords[doc]; multi-valued:
 * CSR) and the ordinal → value table. Keyword facets use the field's own doc values; IPC levels, region levels
 * and years are derived once per segment and cached, so counting is always a plain loop over typed arrays.
 * A derived multi-valued source counts a doc once per distinct value (H01M10/0525 and H01M10/42 give
 * H01M10/00 once).
 */
import { ipcClass, ipcGroup, ipcSection, ipcSubclass } from "../index/ipc.js";
import type { KeywordField, Segment } from "../index/segment.js";
import type { FacetField } from "../types.js";
import type { UintArray } from "../util/growable.js";

export interface FacetSource {
  size: number;
  value(o: number): string; // "" is not a bucket
  offs: Uint32Array | null;
  ords: UintArray;
  /**
   * Multi-valued sources with fewer than 65,535 values: each doc's first two ordinals packed in one word
   * (NONE when absent; OVERFLOW when the doc has more, then read from the CSR). Counting a sparse hit list then
   * costs one scattered read per hit instead of two or three.
   */
  packed?: Uint32Array;
}

const NONE = 0xffff;
const OVERFLOW = 0xffffffff;

type Level = (code: string) => string;
const IPC_LEVELS: Partial<Record<FacetField, Level>> = {
  ipc_section: ipcSection,
  ipc_class: ipcClass,
  ipc_subclass: ipcSubclass,
  ipc_group: ipcGroup,
};
const REGION_LEVELS: Partial<Record<FacetField, number>> = { province: 2, city: 4, district: 6 };
const KEYWORD_FACETS: Partial<Record<FacetField, "type" | "status" | "applicant" | "sei" | "agency">> = {
  type: "type",
  status: "status",
  applicant: "applicant",
  sei: "sei",
  agency: "agency",
};

const cache = new WeakMap<Segment, Map<FacetField, FacetSource>>();

export function facetSource(seg: Segment, facet: FacetField): FacetSource {
  let m = cache.get(seg);
  if (!m) {
    m = new Map();
    cache.set(seg, m);
  }
  let s = m.get(facet);
  if (!s) {
    s = buildSource(seg, facet);
    m.set(facet, s);
  }
  return s;
}

function buildSource(seg: Segment, facet: FacetField): FacetSource {
  if (facet === "year") return yearSource(seg);
  const kwName = KEYWORD_FACETS[facet];
  if (kwName) {
    const kf = seg.d.kw[kwName];
    return { size: kf.dict.size, value: (o) => kf.dict.get(o), offs: kf.offs, ords: kf.ords };
  }
  const ipcLevel = IPC_LEVELS[facet];
  const regionLen = REGION_LEVELS[facet];
  const kf = ipcLevel ? seg.d.kw.ipc : seg.d.kw.region;
  return derivedSource(kf, ipcLevel ?? ((code) => (code.length === regionLen ? code : "")));
}

/** Year of the application date (else publication date); ordinal 0 is "unknown". */
function yearSource(seg: Segment): FacetSource {
  const { ad, pd, maxDoc } = seg.d;
  const ords = new Uint16Array(maxDoc);
  const yearOrd = new Map<number, number>();
  const values = [""];
  const years: number[] = [];
  for (let d = 0; d < maxDoc; d++) {
    const date = ad[d] !== 0 ? ad[d] : pd[d];
    if (date > 0) years.push(((date / 10000) | 0) % 10000);
  }
  for (const y of [...new Set(years)].sort((a, b) => a - b)) {
    yearOrd.set(y, values.length);
    values.push(String(y));
  }
  for (let d = 0; d < maxDoc; d++) {
    const date = ad[d] !== 0 ? ad[d] : pd[d];
    ords[d] = date > 0 ? yearOrd.get(((date / 10000) | 0) % 10000)! : 0;
  }
  return { size: values.length, value: (o) => values[o], offs: null, ords };
}

/** Maps each source ordinal through `fn`, then builds the per-doc CSR of derived ordinals, de-duplicated. */
function derivedSource(kf: KeywordField, fn: Level): FacetSource {
  const map = new Int32Array(kf.dict.size);
  const values: string[] = [];
  const index = new Map<string, number>();
  for (let o = 0; o < kf.dict.size; o++) {
    const v = fn(kf.dict.get(o));
    if (v === "") {
      map[o] = -1;
      continue;
    }
    let x = index.get(v);
    if (x === undefined) {
      x = values.length;
      values.push(v);
      index.set(v, x);
    }
    map[o] = x;
  }
  const src = kf.offs!;
  const maxDoc = src.length - 1;
  const offs = new Uint32Array(maxDoc + 1);
  const ords = new Uint32Array(kf.ords.length);
  let n = 0;
  for (let doc = 0; doc < maxDoc; doc++) {
    const start = n;
    for (let k = src[doc]; k < src[doc + 1]; k++) {
      const v = map[kf.ords[k]];
      if (v < 0) continue;
      let dup = false;
      for (let j = start; j < n; j++) if (ords[j] === v) dup = true;
      if (!dup) ords[n++] = v;
    }
    offs[doc + 1] = n;
  }
  // the narrowest type: counting reads one ordinal per value of each hit, scattered over the array
  const narrow = values.length < NONE ? Uint16Array.from(ords.subarray(0, n)) : ords.slice(0, n);
  const packed = values.length < NONE ? pack(offs, narrow, maxDoc) : undefined;
  return { size: values.length, value: (o) => values[o], offs, ords: narrow, packed };
}

function pack(offs: Uint32Array, ords: UintArray, maxDoc: number): Uint32Array {
  const packed = new Uint32Array(maxDoc);
  for (let d = 0; d < maxDoc; d++) {
    const n = offs[d + 1] - offs[d];
    if (n > 2) packed[d] = OVERFLOW;
    else {
      const a = n > 0 ? ords[offs[d]] : NONE;
      const b = n > 1 ? ords[offs[d] + 1] : NONE;
      packed[d] = (a | (b << 16)) >>> 0;
    }
  }
  return packed;
}

/** Count per ordinal over the hits (sorted, unique); all docs of the segment skip the hit indirection. */
export function countOrds(src: FacetSource, hits: Int32Array, maxDoc: number): Uint32Array {
  const counts = new Uint32Array(src.size);
  const { offs, ords } = src;
  if (hits.length === maxDoc) {
    // every doc is a hit: count the doc values straight through
    const n = offs ? offs[maxDoc] : maxDoc;
    for (let k = 0; k < n; k++) counts[ords[k]]++;
    return counts;
  }
  if (!offs) {
    for (let i = 0; i < hits.length; i++) counts[ords[hits[i]]]++;
    return counts;
  }
  const packed = src.packed;
  if (packed) {
    for (let i = 0; i < hits.length; i++) {
      const d = hits[i];
      const v = packed[d];
      if (v === OVERFLOW) {
        for (let k = offs[d]; k < offs[d + 1]; k++) counts[ords[k]]++;
        continue;
      }
      const a = v & 0xffff;
      const b = v >>> 16;
      if (a !== NONE) counts[a]++;
      if (b !== NONE) counts[b]++;
    }
    return counts;
  }
  for (let i = 0; i < hits.length; i++) {
    const d = hits[i];
    for (let k = offs[d]; k < offs[d + 1]; k++) counts[ords[k]]++;
  }
  return counts;
}
