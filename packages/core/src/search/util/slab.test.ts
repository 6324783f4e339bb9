import { describe, expect, it } from "vitest";
import { float64s, int32s, prefixCopy, uint16s } from "./slab.js";

describe("slab-carved arrays", () => {
  it("are zeroed, sized as asked and never overlap, across many slabs", () => {
    const kept: Int32Array[] = [];
    for (let i = 0; i < 2000; i++) {
      const n = (i * 37) % 1100; // small (heap), carved, and too large to carve
      const a = int32s(n);
      expect(a.length).toBe(n);
      expect(a.every((x) => x === 0)).toBe(true);
      a.fill(i + 1);
      kept.push(a);
    }
    // every array still holds only its own value: no two views share bytes
    for (const [i, a] of kept.entries()) expect(a.every((x) => x === i + 1)).toBe(true);
  });

  it("carve the other element types and copy prefixes", () => {
    const f = float64s(100);
    const u = uint16s(100);
    f.fill(1.5);
    u.fill(7);
    expect(float64s(100).every((x) => x === 0)).toBe(true);
    expect(f.every((x) => x === 1.5) && u.every((x) => x === 7)).toBe(true);
    const src = Int32Array.from({ length: 50 }, (_, i) => i * 3);
    expect([...prefixCopy(src, 20)]).toEqual([...src.subarray(0, 20)]);
    expect(prefixCopy(src, 0).length).toBe(0);
  });
});
