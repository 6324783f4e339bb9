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
  private readonly docs: Int32Array;
  private readonly cursorScore: number;
  private readonly cursorId: number;

  constructor(
    private readonly k: number,
    private readonly ids: Uint32Array,
    cursor: { score: number; id: number } | null,
  ) {
    const n = Math.max(1, k);
    this.scores = new Float64Array(n);
    this.hids = new Uint32Array(n);
    this.docs = new Int32Array(n);
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
    const { k, scores, hids, docs } = this;
    if (k === 0) return;
    let c: number;
    if (this.size < k) {
      c = this.size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!worse(s, id, scores[p], hids[p])) break;
        scores[c] = scores[p];
        hids[c] = hids[p];
        docs[c] = docs[p];
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
        docs[c] = docs[m];
        c = m;
      }
    }
    scores[c] = s;
    hids[c] = id;
    docs[c] = doc;
    if (this.size === k) this.floor = Math.min(this.cursorScore, scores[0]);
  }

  /** The kept hits, best first. */
  results(): Array<{ doc: number; score: number }> {
    const out: Array<{ doc: number; score: number; id: number }> = [];
    for (let i = 0; i < this.size; i++) out.push({ doc: this.docs[i], score: this.scores[i], id: this.hids[i] });
    return out.sort((a, b) => b.score - a.score || a.id - b.id).map(({ doc, score }) => ({ doc, score }));
  }
}

/** Hit (sa, ida) ranks after hit (sb, idb). */
function worse(sa: number, ida: number, sb: number, idb: number): boolean {
  return sa < sb || (sa === sb && ida > idb);
}
