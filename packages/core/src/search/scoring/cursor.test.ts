import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SortOrder } from "../types.js";
import { decodeCursor, encodeCursor } from "./cursor.js";

const SORTS: SortOrder[] = ["relevance", "date_desc", "date_asc"];

describe("page cursors", () => {
  it("round-trip every numeric key and id exactly", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SORTS),
        fc.double({ noNaN: true }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (sort, key, id) => {
          const c = encodeCursor(sort, { key, id });
          expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
          expect(decodeCursor(sort, c)).toEqual({ key, id });
        },
      ),
    );
  });

  it("round-trip application numbers, Chinese included", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 2 ** 31 }), (key, id) => {
        expect(decodeCursor("app_no", encodeCursor("app_no", { key, id }))).toEqual({ key, id });
      }),
    );
    expect(decodeCursor("app_no", encodeCursor("app_no", { key: "申请号CN2020", id: 7 }))).toEqual({
      key: "申请号CN2020",
      id: 7,
    });
  });

  it("still reads cursors written as JSON", () => {
    const old = btoa(JSON.stringify(["r", -3.25, 12]))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
    expect(decodeCursor("relevance", old)).toEqual({ key: -3.25, id: 12 });
  });

  it("rejects a cursor of another order, a damaged one, and garbage", () => {
    const c = encodeCursor("relevance", { key: -1.5, id: 3 });
    expect(() => decodeCursor("date_desc", c)).toThrow(/another query or sort order/);
    expect(() => decodeCursor("app_no", c)).toThrow(/cursor/);
    expect(() => decodeCursor("relevance", c.slice(0, -3))).toThrow(/Invalid cursor/);
    expect(() => decodeCursor("relevance", "garbage!")).toThrow(/Invalid cursor/);
    expect(() => decodeCursor("relevance", "")).toThrow(/Invalid cursor/);
    expect(() => decodeCursor("relevance", "A")).toThrow(/Invalid cursor/);
  });
});
