import { float64s } from "../util/slab.js";
import type { Candidate } from "./rank.js";

/**
 * Collects the best k hits strictly after a cursor in relevance order (score desc, then external id asc) while
 * a merge streams hits past it, and counts the hits at or before the cursor. The merge calls offer() only when
 * a score reaches `floor`, so once the heap is full almost every hit costs one comparison.
 */
export class ScoreCollector {
  /** Scores below this can neither enter the heap nor lie at or before the cursor. */
  floor = Number.NEGATIVE_INFINITY;
  /** Hits offered that lie at or before the cursor (the caller counts the rest as "after"). */
  before = 0;
  private size = 0;
  // a max-heap on "worse": the root is the worst kept hit
  private readonly scores: Float64Array;
  private readonly hids: Uint32Array;
  private readonly cursorScore: number;
  private readonly cursorId: number;

  constructor(
    private readonly k: number,
    private readonly ids: Uint32Array,
    cursor: { score: number; id: number } | null,
  ) {
    const n = Math.max(1, k);
    this.scores = float64s(n);
    this.hids = new Uint32Array(n);
    this.cursorScore = cursor ? cursor.score : Number.POSITIVE_INFINITY;
    this.cursorId = cursor ? cursor.id : -1;
    if (k === 0) this.floor = this.cursorScore;
  }

  offer(s: number, doc: number): void {
    const id = this.ids[doc];
    if (s > this.cursorScore || (s === this.cursorScore && id <= this.cursorId)) {
      this.before++;
      return;
    }
    const { k, scores, hids } = this;
    if (k === 0) return;
    let c: number;
    if (this.size < k) {
      c = this.size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!worse(s, id, scores[p], hids[p])) break;
        scores[c] = scores[p];
        hids[c] = hids[p];
        c = p;
      }
    } else {
      if (!worse(scores[0], hids[0], s, id)) return;
      c = 0;
      for (;;) {
        const l = 2 * c + 1;
        if (l >= k) break;
        const r = l + 1;
        const m = r < k && worse(scores[r], hids[r], scores[l], hids[l]) ? r : l;
        if (!worse(scores[m], hids[m], s, id)) break;
        scores[c] = scores[m];
        hids[c] = hids[m];
        c = m;
      }
    }
    scores[c] = s;
    hids[c] = id;
    if (this.size === k) this.floor = Math.min(this.cursorScore, scores[0]);
  }

  /**
   * The kept hits, best first, as page candidates (key = −score). Heap-sorts the kept arrays in place (the
   * root is always the worst kept hit) so no per-hit objects are made besides the candidates; ends collection.
   */
  candidates(): Candidate[] {
    const { scores, hids } = this;
    for (let n = this.size - 1; n > 0; n--) {
      swap(scores, 0, n);
      swap(hids, 0, n);
      this.siftDown(n);
    }
    const out: Candidate[] = [];
    for (let i = 0; i < this.size; i++) out.push({ id: hids[i], score: scores[i], key: -scores[i] });
    this.size = 0;
    return out;
  }

  /** Restores the heap over the first n entries after the root changed. */
  private siftDown(n: number): void {
    const { scores, hids } = this;
    let c = 0;
    for (;;) {
      const l = 2 * c + 1;
      if (l >= n) return;
      const r = l + 1;
      const m = r < n && worse(scores[r], hids[r], scores[l], hids[l]) ? r : l;
      if (!worse(scores[m], hids[m], scores[c], hids[c])) return;
      swap(scores, c, m);
      swap(hids, c, m);
      c = m;
    }
  }
}

function swap(a: Float64Array | Uint32Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** Hit (sa, ida) ranks after hit (sb, idb). */
function worse(sa: number, ida: number, sb: number, idb: number): boolean {
  return sa < sb || (sa === sb && ida > idb);
}
