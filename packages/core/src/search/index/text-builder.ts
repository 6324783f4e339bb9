/**
 * Builds the postings of one text field. Postings are appended per term into chains of 64-byte blocks in one
 * byte pool (no object per term or per posting), interleaved as doc/tf/positions; sealing sorts the terms and
 * splits each chain into the final docs and positions streams. All per-term state sits in one Int32Array row
 * of STRIDE slots, so a token touches one cache line of state.
 */
import { cjkTerm, type TokenStream, WORD_KEY } from "../analysis/analyzer.js";
import { growInt32 } from "../util/growable.js";
import { PairMap } from "../util/pair-map.js";
import { Dict } from "./dict.js";
import type { TextField } from "./segment.js";

const BLOCK = 64; // one cache line: a frequent term fills whole lines, a rare one wastes at most one
const MAX_TF = 65535;
// per-term state row
const STRIDE = 8;
const LAST_DOC = 0; // last doc that used the term
const PREV_DOC = 1; // doc before that (for the gap of the posting being written)
const HEAD = 2; // first occurrence in the current doc
const TAIL = 3; // last occurrence in the current doc
const DF = 4;
const FIRST = 5; // first block of the chain
const CUR = 6; // current block
const BYTES = 7; // bytes written (the fill of the current block follows from it)

export class TextFieldBuilder {
  private cjk = new PairMap(); // bigrams and non-BMP unigrams
  private uni = new Int32Array(0x10000).fill(-1); // BMP unigram → term
  /** Numeric sort key of BMP CJK terms (same order as the strings); -1 for other terms. */
  private sortKey = new Float64Array(1024);
  private wordMap = new Map<string, number>();
  private terms: string[] = [];
  private hasPos = new Uint8Array(1024);
  private st = new Int32Array(1024 * STRIDE);
  // block pool
  private data = new Uint8Array(BLOCK * 4096);
  private next = new Int32Array(4096);
  private blocks = 0;
  // per-doc scratch
  private occPos = new Int32Array(256);
  private occNext = new Int32Array(256);
  private distinct = new Int32Array(256);
  private scratch = new Uint8Array(1024);
  private lens = new Int32Array(1024);
  private totalLen = 0;
  private maxDoc = 0;
  private docBytes = 0;
  private posBytes = 0;

  /** Adds the tokens of one doc (`length` = positions used, for BM25). */
  addDoc(doc: number, ts: TokenStream, length: number): void {
    if (doc >= this.lens.length) this.lens = growInt32(this.lens, doc + 1);
    this.lens[doc] = Math.min(65535, length);
    this.totalLen += Math.min(65535, length);
    this.maxDoc = doc + 1;
    const n = ts.n;
    if (n === 0) return;
    if (n > this.occPos.length) {
      this.occPos = growInt32(this.occPos, n);
      this.occNext = growInt32(this.occNext, n);
      this.distinct = growInt32(this.distinct, n);
    }
    const occPos = this.occPos;
    const occNext = this.occNext;
    let nd = 0;
    for (let i = 0; i < n; i++) {
      const a = ts.a[i];
      const t = a === WORD_KEY ? this.wordTerm(ts.words[i]) : this.cjkTerm(a, ts.b[i]);
      const st = this.st;
      const r = t * STRIDE;
      occPos[i] = ts.pos[i];
      occNext[i] = -1;
      if (st[r + LAST_DOC] !== doc) {
        this.distinct[nd++] = t;
        st[r + HEAD] = i;
        st[r + TAIL] = i;
        st[r + PREV_DOC] = st[r + LAST_DOC];
        st[r + LAST_DOC] = doc;
      } else {
        occNext[st[r + TAIL]] = i;
        st[r + TAIL] = i;
      }
    }
    for (let k = 0; k < nd; k++) this.writePosting(this.distinct[k], doc);
  }

  /** Encodes one posting (doc gap + tf flag, tf, positions) into scratch, then appends it to the term's chain. */
  private writePosting(t: number, doc: number): void {
    const st = this.st;
    const r = t * STRIDE;
    const occNext = this.occNext;
    // unigrams store presence only (tf 1, no positions): they serve one-character queries, and this keeps
    // the index small; everything else stores its true tf and positions
    let tf = 1;
    if (this.hasPos[t] !== 0) {
      tf = 0;
      for (let i = st[r + HEAD]; i >= 0; i = occNext[i]) tf++;
      if (tf > MAX_TF) tf = MAX_TF;
    }
    if (this.scratch.length < 10 + tf * 5) this.scratch = new Uint8Array((10 + tf * 5) * 2);
    const s = this.scratch;
    let n = putVarint(s, 0, (doc - st[r + PREV_DOC]) * 2 + (tf > 1 ? 1 : 0));
    if (tf > 1) n = putVarint(s, n, tf - 2);
    const docPart = n;
    if (this.hasPos[t] !== 0) {
      let prev = 0;
      let k = 0;
      for (let i = st[r + HEAD]; i >= 0 && k < tf; i = occNext[i], k++) {
        const p = this.occPos[i];
        n = putVarint(s, n, k === 0 ? p : p - prev);
        prev = p;
      }
    }
    st[r + DF]++;
    this.docBytes += docPart; // exact stream sizes, so sealing allocates each stream once
    this.posBytes += n - docPart;
    // append to the chain of 64-byte blocks
    let used = st[r + BYTES];
    let blk = st[r + CUR];
    let f = used === 0 ? BLOCK : ((used - 1) & (BLOCK - 1)) + 1;
    let data = this.data;
    for (let i = 0; i < n; i++) {
      if (f === BLOCK) {
        const nb = this.allocBlock();
        data = this.data;
        if (used === 0) st[r + FIRST] = nb;
        else this.next[blk] = nb;
        blk = nb;
        f = 0;
      }
      data[blk * BLOCK + f++] = s[i];
      used++;
    }
    st[r + CUR] = blk;
    st[r + BYTES] = used;
  }

  private allocBlock(): number {
    const b = this.blocks++;
    if (b >= this.next.length) {
      this.next = growInt32(this.next, b + 1);
      const d = new Uint8Array(this.next.length * BLOCK);
      d.set(this.data);
      this.data = d;
    }
    this.next[b] = -1;
    return b;
  }

  private cjkTerm(a: number, b: number): number {
    if (b < 0 && a < 0x10000) {
      let u = this.uni[a];
      if (u < 0) {
        u = this.newTerm(String.fromCharCode(a), false); // unigrams carry no positions
        this.uni[a] = u;
        this.sortKey[u] = a * 65537;
      }
      return u;
    }
    let t = this.cjk.get(a, b);
    if (t < 0) {
      t = this.newTerm(cjkTerm(a, b), b >= 0);
      this.cjk.set(a, b, t);
      if (a < 0x10000 && b < 0x10000) this.sortKey[t] = a * 65537 + b + 1;
    }
    return t;
  }

  private wordTerm(w: string): number {
    let t = this.wordMap.get(w);
    if (t === undefined) {
      t = this.newTerm(w, true);
      this.wordMap.set(w, t);
    }
    return t;
  }

  private newTerm(term: string, positions: boolean): number {
    const t = this.terms.length;
    this.terms.push(term);
    if ((t + 1) * STRIDE > this.st.length) {
      this.st = growInt32(this.st, (t + 1) * STRIDE);
      const hp = new Uint8Array(this.st.length / STRIDE);
      hp.set(this.hasPos);
      this.hasPos = hp;
      const sk = new Float64Array(this.st.length / STRIDE);
      sk.set(this.sortKey);
      this.sortKey = sk;
    }
    this.sortKey[t] = -1;
    const r = t * STRIDE;
    this.st.fill(0, r, r + STRIDE);
    this.st[r + LAST_DOC] = -1;
    this.st[r + PREV_DOC] = -1;
    this.hasPos[t] = positions ? 1 : 0;
    return t;
  }

  /** Sorts the dictionary and lays out the final streams. */
  seal(maxDoc: number): TextField {
    const terms = this.terms;
    const order = this.sortedTerms();
    const n = order.length;
    const df = new Uint32Array(n);
    const docOff = new Uint32Array(n + 1);
    const posOff = new Uint32Array(n + 1);
    const docsOut = new Uint8Array(this.docBytes);
    const posOut = new Uint8Array(this.posBytes);
    let dn = 0;
    let pn = 0;
    let buf = new Uint8Array(1024);
    for (let k = 0; k < n; k++) {
      const t = order[k];
      const len = this.st[t * STRIDE + BYTES];
      if (len > buf.length) buf = new Uint8Array(len * 2);
      this.readChain(t, buf, len);
      const count = this.st[t * STRIDE + DF];
      df[k] = count;
      const hasPos = this.hasPos[t] !== 0;
      // split interleaved [doc/tf, positions...] postings into the two streams
      let p = 0;
      for (let i = 0; i < count; i++) {
        let c = buf[p++];
        docsOut[dn++] = c;
        const flag = c & 1;
        while (c >= 0x80) {
          c = buf[p++];
          docsOut[dn++] = c;
        }
        let tf = 1;
        if (flag === 1) {
          let x = 0;
          let shift = 0;
          do {
            c = buf[p++];
            docsOut[dn++] = c;
            x |= (c & 0x7f) << shift;
            shift += 7;
          } while (c >= 0x80);
          tf = x + 2;
        }
        if (hasPos) {
          for (let j = 0; j < tf; j++) {
            do {
              c = buf[p++];
              posOut[pn++] = c;
            } while (c >= 0x80);
          }
        }
      }
      docOff[k + 1] = dn;
      posOff[k + 1] = pn;
    }
    const lens = new Uint16Array(maxDoc);
    lens.set(this.lens.subarray(0, Math.min(maxDoc, this.maxDoc)));
    return {
      dict: Dict.fromSorted(order.map((i) => terms[i])),
      df,
      docOff,
      posOff,
      docs: docsOut,
      pos: posOut,
      lens,
      totalLen: this.totalLen,
    };
  }

  /**
   * Term indexes in string order. Sorting hundreds of thousands of strings is slow, so BMP CJK terms sort by
   * a numeric key (u0 * 65537 + u1 + 1, unigram u0 * 65537: the same order as the strings) and only the
   * rest (words, rare characters) by string; the two runs are then merged.
   */
  private sortedTerms(): number[] {
    const terms = this.terms;
    const n = terms.length;
    let simple = 0;
    for (let t = 0; t < n; t++) if (this.sortKey[t] >= 0) simple++;
    const keys = new Float64Array(simple);
    const other: number[] = [];
    let k = 0;
    for (let t = 0; t < n; t++) {
      if (this.sortKey[t] >= 0) keys[k++] = this.sortKey[t];
      else other.push(t);
    }
    keys.sort();
    other.sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
    const order: number[] = new Array(n);
    let i = 0;
    let j = 0;
    let o = 0;
    let nextSimple = simple > 0 ? this.termOfKey(keys[0]) : -1;
    while (i < simple || j < other.length) {
      if (j >= other.length || (i < simple && terms[nextSimple] < terms[other[j]])) {
        order[o++] = nextSimple;
        i++;
        if (i < simple) nextSimple = this.termOfKey(keys[i]);
      } else order[o++] = other[j++];
    }
    return order;
  }

  private termOfKey(key: number): number {
    const a = Math.floor(key / 65537);
    const rest = key - a * 65537;
    return rest === 0 ? this.uni[a] : this.cjk.get(a, rest - 1);
  }

  private readChain(t: number, out: Uint8Array, len: number): void {
    let blk = this.st[t * STRIDE + FIRST];
    const data = this.data;
    let n = 0;
    while (n < len) {
      const base = blk * BLOCK;
      const take = Math.min(BLOCK, len - n);
      for (let i = 0; i < take; i++) out[n++] = data[base + i];
      blk = this.next[blk];
    }
  }
}

function putVarint(b: Uint8Array, n: number, v: number): number {
  while (v >= 0x80) {
    b[n++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  b[n++] = v;
  return n;
}
