import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScoreCollector } from "./collector.js";

/** Reference: sort every hit by (score desc, id asc), drop those at or before the cursor, take k. */
function reference(scores: number[], ids: number[], k: number, cursor: { score: number; id: number } | null) {
  const all = scores.map((score, doc) => ({ doc, score, id: ids[doc] }));
  const after = all.filter((h) => !cursor || h.score < cursor.score || (h.score === cursor.score && h.id > cursor.id));
  after.sort((a, b) => b.score - a.score || a.id - b.id);
  return { top: after.slice(0, k).map(({ id, score }) => ({ id, score, key: -score })), afterCount: after.length };
}

describe("ScoreCollector", () => {
  it("keeps the best k after the cursor and counts the rest, like a full sort", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 12 }),
        fc.option(fc.record({ score: fc.integer({ min: 0, max: 6 }), id: fc.integer({ min: 0, max: 80 }) })),
        (raw, k, cursor) => {
          const scores = raw.map((x) => x / 2); // few distinct values: many ties broken by id
          const ids = Uint32Array.from(scores.map((_, i) => (i * 37) % 101)); // ids not in doc order
          const c = new ScoreCollector(k, ids, cursor);
          for (let d = 0; d < scores.length; d++) if (scores[d] >= c.floor) c.offer(scores[d], d);
          const ref = reference(scores, [...ids], k, cursor);
          expect(c.candidates()).toEqual(ref.top);
          expect(scores.length - c.before).toBe(ref.afterCount);
        },
      ),
    );
  });
});
