/**
 * Facet counts over a segment's hits from columnar doc values: one count array per facet indexed by ordinal,
 * filled in a tight loop, then only non-zero buckets become strings. Multi-valued fields count a doc once per
 * distinct value (IPC levels collapse several codes of one doc, so they are de-duplicated per doc).
 */
import { ipcClass, ipcGroup, ipcSection, ipcSubclass } from "../index/ipc.js";
import type { KeywordField, Segment } from "../index/segment.js";
import type { FacetCount, FacetField } from "../types.js";

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

/** Ordinal → value mapping for derived facets (IPC levels, region levels), cached per keyword field. */
interface Derived {
  map: Int32Array; // source ordinal → derived ordinal (-1: none)
  values: string[];
  /** Per-doc derived ordinals, de-duplicated (a doc with H01M10/0525 and H01M10/42 has H01M10/00 once). */
  offs?: Uint32Array;
  ords?: Uint32Array;
}
const derivedCache = new WeakMap<KeywordField, Map<FacetField, Derived>>();

function derived(kf: KeywordField, facet: FacetField, fn: Level): Derived {
  let m = derivedCache.get(kf);
  if (!m) {
    m = new Map();
    derivedCache.set(kf, m);
  }
  let d = m.get(facet);
  if (!d) {
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
    d = { map, values };
    m.set(facet, d);
  }
  return d;
}

/** Adds this segment's counts for `facet` over `hits` into `acc`. */
export function countFacet(seg: Segment, hits: Int32Array, facet: FacetField, acc: Map<string, number>): void {
  if (facet === "year") {
    countYears(seg, hits, acc);
    return;
  }
  const kwName = KEYWORD_FACETS[facet];
  if (kwName) {
    const kf = seg.d.kw[kwName];
    const counts = countOrds(kf, hits, kf.dict.size);
    for (let o = 0; o < counts.length; o++) if (counts[o] > 0) add(acc, kf.dict.get(o), counts[o]);
    return;
  }
  const ipcLevel = IPC_LEVELS[facet];
  const regionLen = REGION_LEVELS[facet];
  const kf = ipcLevel ? seg.d.kw.ipc : seg.d.kw.region;
  const fn: Level = ipcLevel ?? ((code) => (code.length === regionLen ? code : ""));
  const d = derived(kf, facet, fn);
  if (!d.offs) derivedDocValues(kf, d);
  const counts = countOrds({ dict: kf.dict, offs: d.offs!, ords: d.ords! }, hits, d.values.length);
  for (let o = 0; o < counts.length; o++) if (counts[o] > 0) add(acc, d.values[o], counts[o]);
}

/** Builds the per-doc CSR of derived ordinals once per segment and level, so counting is a plain loop. */
function derivedDocValues(kf: KeywordField, d: Derived): void {
  const src = kf.offs!;
  const maxDoc = src.length - 1;
  const offs = new Uint32Array(maxDoc + 1);
  const ords = new Uint32Array(kf.ords.length);
  let n = 0;
  for (let doc = 0; doc < maxDoc; doc++) {
    const start = n;
    for (let k = src[doc]; k < src[doc + 1]; k++) {
      const v = d.map[kf.ords[k]];
      if (v < 0) continue;
      let dup = false;
      for (let j = start; j < n; j++) if (ords[j] === v) dup = true;
      if (!dup) ords[n++] = v;
    }
    offs[doc + 1] = n;
  }
  d.offs = offs;
  d.ords = ords.slice(0, n);
}

function countOrds(kf: KeywordField, hits: Int32Array, size: number): Uint32Array {
  const counts = new Uint32Array(size);
  const { offs, ords } = kf;
  if (!offs) {
    for (let i = 0; i < hits.length; i++) counts[ords[hits[i]]]++;
    return counts;
  }
  for (let i = 0; i < hits.length; i++) {
    const d = hits[i];
    for (let k = offs[d]; k < offs[d + 1]; k++) counts[ords[k]]++;
  }
  return counts;
}

function countYears(seg: Segment, hits: Int32Array, acc: Map<string, number>): void {
  const counts = new Uint32Array(10000);
  const { ad, pd } = seg.d;
  for (let i = 0; i < hits.length; i++) {
    const d = hits[i];
    const date = ad[d] !== 0 ? ad[d] : pd[d];
    if (date > 0) counts[((date / 10000) | 0) % 10000]++;
  }
  for (let y = 0; y < counts.length; y++) if (counts[y] > 0) add(acc, String(y), counts[y]);
}

function add(acc: Map<string, number>, v: string, n: number): void {
  if (v === "") return; // unknown type/status etc. is not a bucket
  acc.set(v, (acc.get(v) ?? 0) + n);
}

/** Top-N buckets: count desc, then value asc. */
export function topBuckets(acc: Map<string, number>, n: number): FacetCount[] {
  return [...acc.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, n)
    .map(([value, count]) => ({ value, count }));
}
