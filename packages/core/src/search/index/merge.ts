/**
 * Merges segments into one, dropping deleted docs (compact(), and the engine's tiered merges). Postings are copied
 * term by term in merged dictionary order with doc ids remapped; nothing is re-tokenised.
 *
 * `mergeStepwise` does the same work as a generator that pauses about every PAUSE_EVERY postings, terms or docs
 * (roughly a millisecond), so a server can run a large merge in slices between queries and new batches. The inputs
 * must stay as they are while it runs apart from deletes (segments are immutable apart from those): the docs live
 * when it started are merged, and the caller carries later deletes over through `docMaps`.
 */
import { GrowableBytes, GrowableInt32, narrowUint } from "../util/growable.js";
import { corrupt } from "./corrupt.js";
import { mergeDictUnits } from "./dict-merge.js";
import {
  KEYWORD_FIELDS,
  type KeywordField,
  type KeywordFieldName,
  Segment,
  TEXT_FIELDS,
  type TextField,
  type TextFieldName,
} from "./segment.js";

/** Work units (postings, terms or docs) between two pauses of a stepwise merge. */
const PAUSE_EVERY = 1 << 14;

/** A finished merge: the new segment and, per input, old local doc → new local doc (-1: dropped). */
export interface MergeOutcome {
  segment: Segment;
  docMaps: Int32Array[];
}

export function mergeSegments(segs: Segment[]): Segment {
  return runToEnd(mergeStepwise(segs)).segment;
}

/** Drives a stepwise merge to its end without pausing. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export function* mergeStepwise(segs: Segment[]): Generator<void, MergeOutcome> {
  const docMaps: Int32Array[] = [];
  let maxDoc = 0;
  for (const s of segs) {
    const m = new Int32Array(s.maxDoc);
    for (let d = 0; d < s.maxDoc; d++) m[d] = s.isDeleted(d) ? -1 : maxDoc++;
    docMaps.push(m);
  }
  const ids = new Uint32Array(maxDoc);
  const ad = new Int32Array(maxDoc);
  const pd = new Int32Array(maxDoc);
  const titles = new GrowableBytes(1024);
  const titleOffs = new Uint32Array(maxDoc + 1);
  for (let si = 0; si < segs.length; si++) {
    const s = segs[si];
    const m = docMaps[si];
    for (let d = 0; d < s.maxDoc; d++) {
      const n = m[d];
      if (n < 0) continue;
      ids[n] = s.d.ids[d];
      ad[n] = s.d.ad[d];
      pd[n] = s.d.pd[d];
      titles.append(s.d.titleBytes, s.d.titleOffs[d], s.d.titleOffs[d + 1]);
      titleOffs[n + 1] = titles.length;
      if ((n & (PAUSE_EVERY - 1)) === PAUSE_EVERY - 1) yield;
    }
  }
  yield; // and after every field: a small merge pauses too, so it is stepped like a large one
  const text = {} as Record<TextFieldName, TextField>;
  for (const f of TEXT_FIELDS) {
    text[f] = yield* mergeText(segs, f, docMaps, maxDoc);
    yield;
  }
  const kw = {} as Record<KeywordFieldName, KeywordField>;
  for (const f of KEYWORD_FIELDS) {
    kw[f] = yield* mergeKeyword(segs, f, docMaps, maxDoc);
    yield;
  }
  const idOrder = yield* mergedIdOrder(segs, docMaps, ids);
  const segment = new Segment({
    maxDoc,
    ids,
    ad,
    pd,
    text,
    kw,
    titleBytes: titles.toArray(),
    titleOffs,
    idOrder,
    deleted: new Uint8Array(maxDoc),
  });
  return { segment, docMaps };
}

/**
 * The merged segment's docs by (external id, local doc). Each input's idOrder is already sorted, so this is a k-way
 * merge of those lists (linear), not a sort of the whole segment: ids are out of doc order whenever an update
 * re-indexed an older row, and sorting a million of them at once would be one long pause.
 */
function* mergedIdOrder(segs: Segment[], docMaps: Int32Array[], ids: Uint32Array): Generator<void, Uint32Array> {
  const order = new Uint32Array(ids.length);
  const seen = new Uint8Array(ids.length);
  const pos = segs.map(() => 0);
  /** Next live local doc of input si in its id order, as a merged doc number (-1 when none is left). */
  const head = (si: number): number => {
    const src = segs[si].d.idOrder;
    const m = docMaps[si];
    while (pos[si] < src.length) {
      const n = m[src[pos[si]]];
      if (n >= 0) return n;
      pos[si]++;
    }
    return -1;
  };
  const heads = segs.map((_, si) => head(si));
  for (let out = 0; out < order.length; out++) {
    let best = -1;
    for (let si = 0; si < segs.length; si++) {
      const n = heads[si];
      if (n < 0) continue;
      if (best < 0 || ids[n] < ids[heads[best]] || (ids[n] === ids[heads[best]] && n < heads[best])) best = si;
    }
    if (best < 0) corrupt("idOrder does not list every live doc");
    const n = heads[best];
    // a damaged input list must not become a wrong but well-checksummed one
    if (seen[n] !== 0 || (out > 0 && ids[n] < ids[order[out - 1]])) corrupt("idOrder is not sorted by id");
    seen[n] = 1;
    order[out] = n;
    pos[best]++;
    heads[best] = head(best);
    if ((out & (PAUSE_EVERY - 1)) === PAUSE_EVERY - 1) yield;
  }
  return order;
}

function* mergeText(
  segs: Segment[],
  f: TextFieldName,
  docMaps: Int32Array[],
  maxDoc: number,
): Generator<void, TextField> {
  const fields = segs.map((s) => s.d.text[f]);
  const { terms, maps } = yield* mergeDictUnits(
    fields.map((x) => x.dict),
    PAUSE_EVERY,
  );
  let work = 0;
  const ptr = segs.map(() => 0);
  const docsOut = new GrowableBytes(1 << 16);
  const posOut = new GrowableBytes(1 << 16);
  const kept = new GrowableInt32();
  const df = new GrowableInt32();
  const docOff = new GrowableInt32();
  const posOff = new GrowableInt32();
  docOff.push(0);
  posOff.push(0);
  for (let k = 0; k < terms.size; k++) {
    let count = 0;
    let prev = -1;
    for (let s = 0; s < segs.length; s++) {
      const m = maps[s];
      if (ptr[s] >= m.length || m[ptr[s]] !== k) continue;
      const t = ptr[s]++;
      const src = fields[s];
      const dm = docMaps[s];
      let p = src.docOff[t];
      let q = src.posOff[t];
      const end = src.docOff[t + 1];
      const hasPos = src.posOff[t + 1] > q;
      let doc = -1;
      const b = src.docs;
      const pb = src.pos;
      while (p < end) {
        // varint(gap * 2 + flag), inlined: this loop runs once per posting of the whole index
        let c = b[p++];
        let v = c & 0x7f;
        let shift = 7;
        while (c >= 0x80) {
          c = b[p++];
          v |= (c & 0x7f) << shift;
          shift += 7;
        }
        v >>>= 0;
        doc += v >>> 1;
        // a damaged list must not be re-encoded into a fresh, well-checksummed segment
        if (v < 2 || doc >= dm.length) corrupt(`postings of term ${t} do not decode`);
        let tf = 1;
        let tfRaw = -1;
        if ((v & 1) === 1) {
          c = b[p++];
          tfRaw = c & 0x7f;
          shift = 7;
          while (c >= 0x80) {
            c = b[p++];
            tfRaw |= (c & 0x7f) << shift;
            shift += 7;
          }
          tf = tfRaw + 2;
        }
        const q0 = q;
        if (hasPos) for (let i = 0; i < tf; i++) while (pb[q++] >= 0x80);
        const nd = dm[doc];
        if (nd < 0) continue;
        docsOut.writeVarint((nd - prev) * 2 + (tfRaw >= 0 ? 1 : 0));
        if (tfRaw >= 0) docsOut.writeVarint(tfRaw);
        if (hasPos) posOut.append(pb, q0, q);
        prev = nd;
        count++;
      }
      work += end - src.docOff[t];
    }
    if (work >= PAUSE_EVERY) {
      work = 0;
      yield;
    }
    if (count === 0) continue;
    kept.push(k);
    df.push(count);
    docOff.push(docsOut.length);
    posOff.push(posOut.length);
  }
  const lens = new Uint16Array(maxDoc);
  let totalLen = 0;
  segs.forEach((s, si) => {
    const m = docMaps[si];
    const l = fields[si].lens;
    for (let d = 0; d < s.maxDoc; d++) {
      if (m[d] < 0) continue;
      lens[m[d]] = l[d];
      totalLen += l[d];
    }
  });
  return {
    dict: terms.dictOf(kept.buf, kept.length),
    df: new Uint32Array(df.toArray()),
    docOff: new Uint32Array(docOff.toArray()),
    posOff: new Uint32Array(posOff.toArray()),
    docs: docsOut.toArray(),
    pos: posOut.toArray(),
    lens,
    totalLen,
  };
}

function* mergeKeyword(
  segs: Segment[],
  f: KeywordFieldName,
  docMaps: Int32Array[],
  maxDoc: number,
): Generator<void, KeywordField> {
  const src = segs.map((s) => s.d.kw[f]);
  const { terms, maps } = yield* mergeDictUnits(
    src.map((k) => k.dict),
    PAUSE_EVERY,
  );
  const single = src.length > 0 ? src[0].offs === null : true;
  const ords = new GrowableInt32();
  const offs = new Uint32Array(maxDoc + 1);
  const used = new Uint8Array(terms.size);
  for (let si = 0; si < segs.length; si++) {
    const s = segs[si];
    const k = src[si];
    const m = docMaps[si];
    for (let d = 0; d < s.maxDoc; d++) {
      const n = m[d];
      if (n < 0) continue;
      const from = k.offs ? k.offs[d] : d;
      const to = k.offs ? k.offs[d + 1] : d + 1;
      for (let i = from; i < to; i++) {
        const o = maps[si][k.ords[i]];
        used[o] = 1;
        ords.push(o);
      }
      offs[n + 1] = ords.length;
      if ((n & (PAUSE_EVERY - 1)) === PAUSE_EVERY - 1) yield;
    }
  }
  // drop values no live doc uses any more
  const renum = new Int32Array(terms.size);
  const kept = new Int32Array(terms.size);
  let keptCount = 0;
  for (let i = 0; i < terms.size; i++) {
    renum[i] = keptCount;
    if (used[i]) kept[keptCount++] = i;
  }
  const o = ords.toArray();
  for (let i = 0; i < o.length; i++) o[i] = renum[o[i]];
  return { dict: terms.dictOf(kept, keptCount), offs: single ? null : offs, ords: narrowUint(o, o.length) };
}
