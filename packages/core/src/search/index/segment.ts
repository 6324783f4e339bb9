/**
 * A sealed, immutable segment (apart from its deleted bitset). Everything is typed arrays so a segment loads
 * as views over its file bytes and queries run in tight loops.
 *
 * Postings of a text field, per term t (terms in dict order):
 *   docs[docOff[t] .. docOff[t+1]): per posting varint(gap * 2 + (tf > 1)), then varint(tf - 2) when tf > 1;
 *     gap is from the previous doc (first doc: doc + 1).
 *   pos[posOff[t] .. posOff[t+1]): per posting tf varints, first position absolute, then deltas. Single CJK
 *     characters (unigrams) carry no positions and always tf 1 (presence only).
 */

import type { UintArray } from "../util/growable.js";
import type { Dict } from "./dict.js";

export const TEXT_FIELDS = ["ti", "ab", "cl", "ap", "in", "agc"] as const;
export type TextFieldName = (typeof TEXT_FIELDS)[number];

/**
 * Keyword (doc value) fields; single-valued ones have offs === null. `inv` is the invention key (one per
 * application: patents/invention-key.ts), a per-doc ordinal that group=invention searches group by. `apname` and
 * `inname` hold each applicant's and inventor's whole name (index/names.ts) for exact-name queries (AP==, IN==).
 */
export const KEYWORD_FIELDS = [
  "type",
  "status",
  "pn",
  "an",
  "ipc",
  "region",
  "sei",
  "applicant",
  "agency",
  "inv",
  "apname",
  "inname",
] as const;
export type KeywordFieldName = (typeof KEYWORD_FIELDS)[number];
export const SINGLE_VALUED: ReadonlySet<KeywordFieldName> = new Set(["type", "status", "pn", "an", "inv"]);

export interface TextField {
  dict: Dict;
  df: Uint32Array;
  docOff: Uint32Array; // size + 1
  posOff: Uint32Array; // size + 1
  docs: Uint8Array;
  pos: Uint8Array;
  lens: Uint16Array; // tokens per doc (capped at 65535)
  totalLen: number;
}

export interface KeywordField {
  dict: Dict;
  offs: Uint32Array | null; // CSR offsets (maxDoc + 1), null when single-valued
  ords: UintArray;
  /** Lazily built inverse: docs of ordinal o are inv[invOffs[o] .. invOffs[o+1]), ascending. */
  invOffs?: Uint32Array;
  inv?: Int32Array;
}

export interface SegmentData {
  maxDoc: number;
  ids: Uint32Array;
  ad: Int32Array;
  pd: Int32Array;
  text: Record<TextFieldName, TextField>;
  kw: Record<KeywordFieldName, KeywordField>;
  /** Titles as UTF-8 (for similar()): bytes + offsets. */
  titleBytes: Uint8Array;
  titleOffs: Uint32Array;
  /** Local docs sorted by (external id, local doc): id lookups without a Map. */
  idOrder: Uint32Array;
  deleted: Uint8Array;
}

let nextSegmentId = 1;

interface ResultBuffer {
  hits: Int32Array;
  scores: Float64Array;
}

export class Segment {
  deletedCount = 0;
  /** Process-unique id (keys the decoded-postings cache; segments are immutable apart from deletes). */
  readonly uid = nextSegmentId++;
  /** Zeroed score accumulator, reused across queries (scoring/bm25.ts). */
  scratch: Float64Array | null = null;
  /** Reusable buffers for one query at a time: merge intermediates and a search's hit list (scoring/scored-union.ts). */
  mergeBuffers: [ResultBuffer | null, ResultBuffer | null] = [null, null];
  private hitBufferMemo: Int32Array | null = null;
  private idsAscendingMemo: boolean | null = null;
  private allDocsMemo: Int32Array | null = null;
  constructor(readonly d: SegmentData) {
    for (let i = 0; i < d.deleted.length; i++) if (d.deleted[i] !== 0) this.deletedCount++;
  }
  get maxDoc(): number {
    return this.d.maxDoc;
  }
  get liveCount(): number {
    return this.d.maxDoc - this.deletedCount;
  }
  isDeleted(doc: number): boolean {
    return this.d.deleted[doc] !== 0;
  }
  delete(doc: number): void {
    if (this.d.deleted[doc] === 0) {
      this.d.deleted[doc] = 1;
      this.deletedCount++;
    }
  }
  /** A maxDoc-sized hit list buffer; its contents are valid only until the next search. */
  hitBuffer(): Int32Array {
    if (!this.hitBufferMemo) this.hitBufferMemo = new Int32Array(this.d.maxDoc);
    return this.hitBufferMemo;
  }
  /** 0 .. maxDoc-1, built once; shared and never mutated (hit lists are read-only everywhere). */
  allDocs(): Int32Array {
    if (!this.allDocsMemo) {
      this.allDocsMemo = new Int32Array(this.d.maxDoc);
      for (let i = 0; i < this.d.maxDoc; i++) this.allDocsMemo[i] = i;
    }
    return this.allDocsMemo;
  }
  /** True when external ids increase with local doc order (the usual case: docs are added in id order). */
  get idsAscending(): boolean {
    if (this.idsAscendingMemo === null) {
      const ids = this.d.ids;
      let asc = true;
      for (let i = 1; i < ids.length && asc; i++) asc = ids[i] > ids[i - 1];
      this.idsAscendingMemo = asc;
    }
    return this.idsAscendingMemo;
  }
  /** The live local doc with this external id, or -1. */
  findLive(id: number): number {
    const { idOrder, ids } = this.d;
    let lo = 0;
    let hi = idOrder.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ids[idOrder[mid]] < id) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < idOrder.length && ids[idOrder[i]] === id; i++)
      if (!this.isDeleted(idOrder[i])) return idOrder[i];
    return -1;
  }
  /** Date used for sorting and the year facet: application date, else publication date, 0 unknown. */
  date(doc: number): number {
    const a = this.d.ad[doc];
    return a !== 0 ? a : this.d.pd[doc];
  }
  title(doc: number): string {
    const { titleBytes, titleOffs } = this.d;
    return new TextDecoder().decode(titleBytes.subarray(titleOffs[doc], titleOffs[doc + 1]));
  }
}
