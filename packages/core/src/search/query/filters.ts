/**
 * Keyword and date filters over doc values. Each filter can run two ways: as a doc list (through the lazily
 * built inverse of a keyword field) when it leads an AND, or as a per-doc predicate over a candidate list.
 */
import { ipcMatches, ipcSearchPrefix } from "../index/ipc.js";
import { anMatches, pnMatches } from "../index/numbers.js";
import type { KeywordField, Segment } from "../index/segment.js";
import { EMPTY, unionMany } from "../util/setops.js";
import type { DateNode, FilterNode } from "./ast.js";

/** Ordinals of the field's dictionary that the filter accepts. */
export function matchingOrds(kf: KeywordField, node: FilterNode): number[] {
  const dict = kf.dict;
  const out = new Set<number>();
  for (const q of node.values) {
    switch (node.field) {
      case "type":
      case "status":
      case "region":
      case "applicant":
      case "apname":
      case "inname": {
        const o = dict.find(q);
        if (o >= 0) out.add(o);
        break;
      }
      case "sei": {
        const [lo, hi] = dict.prefixRange(q);
        for (let o = lo; o < hi; o++) {
          const v = dict.get(o);
          if (v === q || v.startsWith(`${q}.`)) out.add(o);
        }
        break;
      }
      case "ipc": {
        const [lo, hi] = dict.prefixRange(ipcSearchPrefix(q));
        for (let o = lo; o < hi; o++) if (ipcMatches(dict.get(o), q)) out.add(o);
        break;
      }
      case "pn": {
        const [lo, hi] = dict.prefixRange(q);
        for (let o = lo; o < hi; o++) if (pnMatches(dict.get(o), q)) out.add(o);
        break;
      }
      case "an": {
        const [lo, hi] = dict.prefixRange(q);
        for (let o = lo; o < hi; o++) if (anMatches(dict.get(o), q)) out.add(o);
        break;
      }
    }
  }
  return [...out].sort((a, b) => a - b);
}

function fieldOf(seg: Segment, node: FilterNode): KeywordField {
  return seg.d.kw[node.field];
}

/** Builds the ordinal → docs inverse once per segment and field (first query that needs it pays). */
export function ensureInverse(kf: KeywordField, maxDoc: number): void {
  if (kf.inv) return;
  const size = kf.dict.size;
  const counts = new Uint32Array(size + 1);
  const { offs, ords } = kf;
  for (let i = 0; i < ords.length; i++) counts[ords[i] + 1]++;
  for (let o = 0; o < size; o++) counts[o + 1] += counts[o];
  const inv = new Int32Array(ords.length);
  const fill = counts.slice(0, size);
  for (let d = 0; d < maxDoc; d++) {
    const from = offs ? offs[d] : d;
    const to = offs ? offs[d + 1] : d + 1;
    for (let i = from; i < to; i++) inv[fill[ords[i]]++] = d;
  }
  kf.invOffs = counts;
  kf.inv = inv;
}

/**
 * A filter's docs depend only on the segment and the filter, and the same filters recur (IPC=G06F, TYPE=发明,
 * REGION=金水区), so doc lists are kept per segment in a small LRU bounded by postings (as Lucene's query cache
 * keeps frequent filters).
 */
const FILTER_CACHE_POSTINGS = 8 * 1024 * 1024;
const filterCache = new WeakMap<Segment, { lists: Map<string, Int32Array>; postings: number }>();

export function filterDocList(seg: Segment, node: FilterNode): Int32Array {
  let c = filterCache.get(seg);
  if (!c) {
    c = { lists: new Map(), postings: 0 };
    filterCache.set(seg, c);
  }
  const key = `${node.field}\u0000${node.values.join("\u0001")}`;
  const hit = c.lists.get(key);
  if (hit) {
    c.lists.delete(key);
    c.lists.set(key, hit);
    return hit;
  }
  const docs = computeFilterDocList(seg, node);
  c.lists.set(key, docs);
  c.postings += docs.length;
  while (c.postings > FILTER_CACHE_POSTINGS && c.lists.size > 1) {
    const [k, old] = c.lists.entries().next().value as [string, Int32Array];
    c.lists.delete(k);
    c.postings -= old.length;
  }
  return docs;
}

function computeFilterDocList(seg: Segment, node: FilterNode): Int32Array {
  const kf = fieldOf(seg, node);
  const ords = matchingOrds(kf, node);
  if (ords.length === 0) return EMPTY;
  ensureInverse(kf, seg.maxDoc);
  const lists = ords.map((o) => kf.inv!.subarray(kf.invOffs![o], kf.invOffs![o + 1]));
  if (lists.length === 1) return lists[0];
  let total = 0;
  for (const l of lists) total += l.length;
  // a single-valued field whose matching values cover every doc ("any type"): the shared all-docs list
  if (!kf.offs && total === seg.maxDoc) return seg.allDocs();
  return unionMany(lists, seg.maxDoc);
}

export function filterPredicate(seg: Segment, node: FilterNode): (doc: number) => boolean {
  const kf = fieldOf(seg, node);
  const mask = new Uint8Array(kf.dict.size);
  for (const o of matchingOrds(kf, node)) mask[o] = 1;
  const { offs, ords } = kf;
  if (!offs) return (d) => mask[ords[d]] === 1;
  return (d) => {
    for (let i = offs[d]; i < offs[d + 1]; i++) if (mask[ords[i]] === 1) return true;
    return false;
  };
}

export function datePredicate(seg: Segment, node: DateNode): (doc: number) => boolean {
  const arr = node.field === "ad" ? seg.d.ad : seg.d.pd;
  const { from, to } = node;
  return (d) => arr[d] >= from && arr[d] <= to;
}

export function dateDocList(seg: Segment, node: DateNode): Int32Array {
  const arr = node.field === "ad" ? seg.d.ad : seg.d.pd;
  const { from, to } = node;
  let n = 0;
  for (let d = 0; d < arr.length; d++) if (arr[d] >= from && arr[d] <= to) n++;
  const out = new Int32Array(n);
  n = 0;
  for (let d = 0; d < arr.length; d++) if (arr[d] >= from && arr[d] <= to) out[n++] = d;
  return out;
}
