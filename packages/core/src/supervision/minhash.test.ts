import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jaccard, nearDuplicates, nearDuplicatesBruteForce, normaliseText, shingles } from "./minhash.js";

const CHARS = "电池正负极材料隔膜电解液装置方法系统控制模块车辆传感器芯片数据处理".split("");

describe("MinHash/LSH near duplicates", () => {
  it("normalises punctuation, spacing and case", () => {
    expect(normaliseText("一种 电池，装置。ABC")).toBe("一种电池装置abc");
    expect(jaccard(shingles("一种电池装置的制造方法"), shingles("一种电池装置的制造方法。"))).toBe(1);
  });

  it("finds exactly the brute-force pairs above 0.95 and never reports a pair below the threshold", () => {
    const text = fc.array(fc.constantFrom(...CHARS), { minLength: 30, maxLength: 80 }).map((a) => a.join(""));
    // Each document, optionally followed by a lightly edited copy (one character changed or appended).
    const corpus = fc.array(fc.tuple(text, fc.nat(), fc.constantFrom(...CHARS), fc.boolean()), {
      minLength: 2,
      maxLength: 25,
    });
    fc.assert(
      fc.property(corpus, (items) => {
        const docs: { id: number; text: string }[] = [];
        for (const [t, pos, ch, copy] of items) {
          docs.push({ id: docs.length, text: t });
          if (copy) docs.push({ id: docs.length, text: `${t}${ch}` });
          else if (pos % 3 === 0)
            docs.push({ id: docs.length, text: t.slice(0, pos % t.length) + ch + t.slice((pos % t.length) + 1) });
        }
        const threshold = 0.5;
        const lsh = nearDuplicates(docs, threshold);
        const brute = nearDuplicatesBruteForce(docs, threshold);
        const key = (p: { a: number; b: number }) => `${p.a}-${p.b}`;
        const bruteKeys = new Set(brute.map(key));
        // precision: every reported pair is real and above the threshold
        for (const p of lsh) expect(bruteKeys.has(key(p))).toBe(true);
        // recall on clear near-duplicates
        const lshKeys = new Set(lsh.map(key));
        for (const p of brute) if (p.jaccard >= 0.95) expect(lshKeys.has(key(p))).toBe(true);
      }),
      { numRuns: 60, seed: 20251126 },
    );
  });

  it("finds a real-looking pair of rewritten patent abstracts", () => {
    const a =
      "本发明公开了一种锂离子电池正极材料的制备方法，包括将镍钴锰前驱体与锂源混合、烧结、破碎和包覆等步骤，提高了材料的循环稳定性。";
    const b =
      "本发明公开了一种锂离子电池正极材料的制备方法，包括将镍钴锰前驱体与锂源混合、烧结、粉碎和包覆等步骤，提高了材料的循环稳定性。";
    const c = "一种自动驾驶车辆的路径规划方法，根据激光雷达点云识别障碍物并生成可行驶区域。";
    const pairs = nearDuplicates(
      [
        { id: 1, text: a },
        { id: 2, text: b },
        { id: 3, text: c },
      ],
      0.8,
    );
    expect(pairs.map((p) => [p.a, p.b])).toEqual([[1, 2]]);
    expect(pairs[0].jaccard).toBeGreaterThan(0.85);
  });
});
