/**
 * Builds the postings of one text field. Postings are appended per term into chains of small blocks in one
 * byte pool (no object per term or per posting), interleaved as doc/tf/positions; sealing sorts the terms
 * and splits each chain into the final docs and positions streams.
 */
import { CJK_SPAN, cjkKeyToTerm, type TokenStream, WORD_KEY } from "../analysis/analyzer.js";
import { GrowableBytes, growInt32 } from "../util/growable.js";
import { Dict } from "./dict.js";
import type { TextField } from "./segment.js";

const BLOCK = 16;
const MAX_TF = 65535;

export class TextFieldBuilder {
  private cjk = new Map<number, number>();
  private wordMap = new Map<string, number>();
  private terms: string[] = [];
  private hasPos = new Uint8Array(1024);
  // per-term state
  private lastDoc = new Int32Array(1024).fill(-1);
  private prevDocOf = new Int32Array(1024).fill(-1);
  private df = new Int32Array(1024);
  private first = new Int32Array(1024).fill(-1);
  private cur = new Int32Array(1024);
  private fill = new Int32Array(1024);
  private bytes = new Int32Array(1024);
  private head = new Int32Array(1024);
  private tail = new Int32Array(1024);
  // block pool
  private data = new Uint8Array(BLOCK * 4096);
  private next = new Int32Array(4096);
  private blocks = 0;
  // per-doc scratch
  private occTerm = new Int32Array(256);
  private occPos = new Int32Array(256);
  private occNext = new Int32Array(256);
  private distinct = new Int32Array(256);
  private scratch = new GrowableBytes(256);
  private lens = new Int32Array(1024);
  private totalLen = 0;
  private maxDoc = 0;

  /** Adds the tokens of one doc (`length` = positions used, for BM25). */
  addDoc(doc: number, ts: TokenStream, length: number): void {
    if (doc >= this.lens.length) this.lens = growInt32(this.lens, doc + 1);
    this.lens[doc] = Math.min(65535, length);
    this.totalLen += Math.min(65535, length);
    this.maxDoc = doc + 1;
    const n = ts.n;
    if (n === 0) return;
    if (n > this.occTerm.length) {
      this.occTerm = growInt32(this.occTerm, n);
      this.occPos = growInt32(this.occPos, n);
      this.occNext = growInt32(this.occNext, n);
      this.distinct = growInt32(this.distinct, n);
    }
    let nd = 0;
    for (let i = 0; i < n; i++) {
      const key = ts.keys[i];
      const t = key === WORD_KEY ? this.wordTerm(ts.words[i]) : this.cjkTerm(key);
      this.occTerm[i] = t;
      this.occPos[i] = ts.pos[i];
      this.occNext[i] = -1;
      if (this.lastDoc[t] !== doc) {
        this.distinct[nd++] = t;
        this.head[t] = i;
        this.tail[t] = i;
        this.prevDocOf[t] = this.lastDoc[t]; // for the doc gap
        this.lastDoc[t] = doc;
      } else {
        this.occNext[this.tail[t]] = i;
        this.tail[t] = i;
      }
    }
    for (let k = 0; k < nd; k++) this.writePosting(this.distinct[k], doc);
  }

  private writePosting(t: number, doc: number): void {
    let tf = 0;
    for (let i = this.head[t]; i >= 0; i = this.occNext[i]) tf++;
    if (tf > MAX_TF) tf = MAX_TF;
    const s = this.scratch;
    s.length = 0;
    const gap = doc - this.prevDocOf[t];
    s.writeVarint(gap * 2 + (tf > 1 ? 1 : 0));
    if (tf > 1) s.writeVarint(tf - 2);
    if (this.hasPos[t] !== 0) {
      let prev = 0;
      let k = 0;
      for (let i = this.head[t]; i >= 0 && k < tf; i = this.occNext[i], k++) {
        const p = this.occPos[i];
        s.writeVarint(k === 0 ? p : p - prev);
        prev = p;
      }
    }
    this.df[t]++;
    this.appendChain(t, s.buf, s.length);
  }

  private appendChain(t: number, src: Uint8Array, n: number): void {
    let blk = this.first[t] < 0 ? -1 : this.cur[t];
    let f = this.fill[t];
    if (blk < 0) {
      blk = this.allocBlock();
      this.first[t] = blk;
      f = 0;
    }
    for (let i = 0; i < n; i++) {
      if (f === BLOCK) {
        const nb = this.allocBlock();
        this.next[blk] = nb;
        blk = nb;
        f = 0;
      }
      this.data[blk * BLOCK + f++] = src[i];
    }
    this.cur[t] = blk;
    this.fill[t] = f;
    this.bytes[t] += n;
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

  private cjkTerm(key: number): number {
    let t = this.cjk.get(key);
    if (t === undefined) {
      t = this.newTerm(cjkKeyToTerm(key), key >= CJK_SPAN);
      this.cjk.set(key, t);
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
    if (t >= this.lastDoc.length) {
      const need = t + 1;
      this.lastDoc = growInt32(this.lastDoc, need, -1);
      this.prevDocOf = growInt32(this.prevDocOf, need, -1);
      this.df = growInt32(this.df, need);
      this.first = growInt32(this.first, need, -1);
      this.cur = growInt32(this.cur, need);
      this.fill = growInt32(this.fill, need);
      this.bytes = growInt32(this.bytes, need);
      this.head = growInt32(this.head, need);
      this.tail = growInt32(this.tail, need);
      const hp = new Uint8Array(this.lastDoc.length);
      hp.set(this.hasPos);
      this.hasPos = hp;
    }
    this.hasPos[t] = positions ? 1 : 0;
    return t;
  }

  /** Sorts the dictionary and lays out the final streams. */
  seal(maxDoc: number): TextField {
    const terms = this.terms;
    const order = Array.from({ length: terms.length }, (_, i) => i).sort((a, b) =>
      terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0,
    );
    const n = order.length;
    const df = new Uint32Array(n);
    const docOff = new Uint32Array(n + 1);
    const posOff = new Uint32Array(n + 1);
    let docBytes = 0;
    for (let k = 0; k < n; k++) docBytes += this.bytes[order[k]];
    const docsOut = new GrowableBytes(Math.max(16, docBytes >> 1));
    const posOut = new GrowableBytes(Math.max(16, docBytes >> 1));
    let buf = new Uint8Array(1024);
    for (let k = 0; k < n; k++) {
      const t = order[k];
      const len = this.bytes[t];
      if (len > buf.length) buf = new Uint8Array(len * 2);
      this.readChain(t, buf);
      df[k] = this.df[t];
      splitStreams(buf, this.df[t], this.hasPos[t] !== 0, docsOut, posOut);
      docOff[k + 1] = docsOut.length;
      posOff[k + 1] = posOut.length;
    }
    const lens = new Uint16Array(maxDoc);
    lens.set(this.lens.subarray(0, Math.min(maxDoc, this.maxDoc)));
    return {
      dict: Dict.fromSorted(order.map((i) => terms[i])),
      df,
      docOff,
      posOff,
      docs: docsOut.toArray(),
      pos: posOut.toArray(),
      lens,
      totalLen: this.totalLen,
    };
  }

  private readChain(t: number, out: Uint8Array): void {
    let blk = this.first[t];
    let n = 0;
    const len = this.bytes[t];
    while (n < len) {
      const take = Math.min(BLOCK, len - n);
      out.set(this.data.subarray(blk * BLOCK, blk * BLOCK + take), n);
      n += take;
      blk = this.next[blk];
    }
  }
}

/** Splits interleaved [doc/tf, positions...] postings into the two final streams. */
function splitStreams(b: Uint8Array, count: number, hasPos: boolean, docs: GrowableBytes, pos: GrowableBytes): void {
  let p = 0;
  for (let i = 0; i < count; i++) {
    const start = p;
    let v = 0;
    let shift = 0;
    let c: number;
    do {
      c = b[p++];
      v += (c & 0x7f) * 2 ** shift;
      shift += 7;
    } while (c >= 0x80);
    let tf = 1;
    if (v % 2 === 1) {
      let x = 0;
      shift = 0;
      do {
        c = b[p++];
        x += (c & 0x7f) * 2 ** shift;
        shift += 7;
      } while (c >= 0x80);
      tf = x + 2;
    }
    docs.append(b, start, p);
    if (hasPos) {
      const ps = p;
      for (let k = 0; k < tf; k++) while (b[p++] >= 0x80);
      pos.append(b, ps, p);
    }
  }
}
