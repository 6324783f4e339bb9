import { describe, expect, it } from "vitest";
import { FLOOR_DOCS, MERGE_FACTOR, pickMerge, pickTidy, type SegmentSize, tierOf } from "./merge-policy.js";

const MAX = 1 << 21;
const seg = (live: number, maxDoc = live, busy = false): SegmentSize => ({ live, maxDoc, busy });

/** Follows a stream of batches as the engine does, each merge applied at once; counts docs rewritten per batch. */
function follow(base: number, batches: number, batchDocs: number) {
  const segs: SegmentSize[] = base > 0 ? [seg(base)] : [];
  let rewritten = 0;
  let most = 0;
  let baseRewrittenAt = -1;
  for (let b = 0; b < batches; b++) {
    segs.push(seg(batchDocs));
    for (let pick = pickMerge(segs, MAX); pick; pick = pickMerge(segs, MAX)) {
      if (base > 0 && pick.includes(0) && segs[0].live === base && baseRewrittenAt < 0) baseRewrittenAt = b;
      const docs = pick.reduce((n, i) => n + segs[i].live, 0);
      rewritten += docs;
      const at = pick[0];
      for (const i of [...pick].reverse()) segs.splice(i, 1);
      segs.splice(at, 0, seg(docs));
    }
    most = Math.max(most, segs.length);
  }
  return { segs, rewritten, most, baseRewrittenAt };
}

describe("tiered merge policy", () => {
  it("puts a segment in a tier by its live docs", () => {
    expect(tierOf(0)).toBe(0);
    expect(tierOf(FLOOR_DOCS - 1)).toBe(0);
    expect(tierOf(1000)).toBe(1);
    expect(tierOf(8000)).toBe(2);
    expect(tierOf(100_000)).toBe(3);
    expect(tierOf(1_000_000)).toBe(4);
  });

  it("merges a full tier of small segments and leaves the large one alone", () => {
    const small = Array.from({ length: MERGE_FACTOR }, () => seg(1000));
    expect(pickMerge([seg(100_000), ...small], MAX)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(pickMerge([seg(100_000), ...small.slice(1)], MAX)).toBeNull();
    // an input of a running merge is not picked again
    expect(pickMerge([seg(100_000), seg(1000, 1000, true), ...small.slice(1)], MAX)).toBeNull();
  });

  it("rewrites a mostly deleted segment on its own", () => {
    expect(pickMerge([seg(100_000), seg(40_000, 100_000)], MAX)).toEqual([1]);
    expect(pickMerge([seg(100, 300)], MAX)).toBeNull(); // too small to matter
  });

  it("never merges past the segment size limit", () => {
    const big = Array.from({ length: MERGE_FACTOR }, () => seg(600_000));
    const pick = pickMerge(big, MAX) ?? [];
    expect(pick.length).toBe(3);
    expect(pick.reduce((n, i) => n + big[i].live, 0)).toBeLessThanOrEqual(MAX);
  });

  it("follows 2,000 batches of 1,000 rows with a bounded segment count, each doc rewritten once per tier", () => {
    const { rewritten, most, segs } = follow(0, 2000, 1000);
    expect(segs.reduce((n, s) => n + s.live, 0)).toBe(2_000_000);
    expect(most).toBeLessThanOrEqual((MERGE_FACTOR - 1) * 4 + 1); // tiers 1..4 hold the batches and their merges
    expect(rewritten / 2_000_000).toBeLessThanOrEqual(4); // compacting everything every 8 batches: ~125 per doc
  });

  it("leaves a large base alone through a stream of small batches until their tier reaches its size", () => {
    const { baseRewrittenAt } = follow(500_000, 400, 1000);
    expect(baseRewrittenAt).toBe(-1); // 400k docs of batches: tier 3 fills, tier 4 (the base) does not
    const { baseRewrittenAt: later } = follow(100_000, 600, 1000);
    expect(later).toBe(7 * 64 - 1); // merged only once tier 3 holds it and seven segments of 64k (8 × 8 × 1,000)
  });

  it("tidies an idle index to the base and one more segment, the base alone while it is over 8 times the rest", () => {
    const segs = [seg(500_000), seg(30_000), seg(8000), seg(1000), seg(20)];
    expect(pickTidy(segs, MAX)).toEqual([1, 2, 3, 4]);
    expect(pickTidy([seg(50_000), seg(8000), seg(1000)], MAX)).toEqual([0, 1, 2]);
    expect(pickTidy([seg(500_000), seg(1000)], MAX)).toBeNull();
    expect(pickTidy([seg(500_000)], MAX)).toBeNull();
    expect(pickTidy([seg(400_000, 500_000)], MAX)).toEqual([0]); // a fifth deleted: worth a rewrite when idle
    expect(pickTidy([seg(1000, 1000, true), seg(1000), seg(500)], MAX)).toEqual([1, 2]);
    expect(pickTidy([seg(1000, 1000, true), seg(1000), seg(20)], MAX)).toBeNull();
  });
});
