import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseDate } from "./dates.js";

describe("normaliseDate", () => {
  it.each([
    ["2021-03-05", "2021-03-05"],
    ["2021.03.05", "2021-03-05"],
    ["20210305", "2021-03-05"],
    ["2021/3/5", "2021-03-05"],
    ["2021年3月5日", "2021-03-05"],
    ["2021-03-05T00:00:00Z", "2021-03-05"],
    ["44260", "2021-03-05"], // Excel serial
    [44260, "2021-03-05"],
    [new Date(Date.UTC(2021, 2, 5)), "2021-03-05"],
  ])("%s → %s", (raw, date) => {
    expect(normaliseDate(raw)).toEqual({ date, invalid: false });
  });

  it.each([[""], [null], [undefined], ["-"], ["0"]])("empty %s → null, not invalid", (raw) => {
    expect(normaliseDate(raw)).toEqual({ date: null, invalid: false });
  });

  it.each([["1"], ["2021-02-30"], ["20211305"], ["yesterday"], ["12/31/2021"]])("garbage %s → invalid", (raw) => {
    expect(normaliseDate(raw)).toEqual({ date: null, invalid: true });
  });

  // The fast path takes exactly-10-character strings; the same text with a leading space is 11 characters, so it
  // takes the general path (NFKC, trim, regular expressions, a Date), which trims the space away. Both must agree.
  const viaGeneralPath = (s: string) => normaliseDate(` ${s}`);
  const pad = (n: number, width: number) => String(n).padStart(width, "0");

  it("a YYYY-MM-DD string gives what the general path gives (leap years, month ends, out-of-range parts)", () => {
    const ymd = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    const nearValid = fc
      .tuple(fc.integer({ min: 1795, max: 2105 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(
      fc.property(fc.oneof(ymd, nearValid), (s) => {
        expect(normaliseDate(s)).toEqual(viaGeneralPath(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it("any 10-character string of digits and separators gives what the general path gives", () => {
    const chars = fc.constantFrom(..."0123456789-./年月日 ０１２".split(""));
    fc.assert(
      fc.property(fc.array(chars, { minLength: 10, maxLength: 10 }), (cs) => {
        const s = cs.join("");
        expect(normaliseDate(s)).toEqual(viaGeneralPath(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each(["2024-02-29", "2000-02-29", "1900-02-28", "1800-01-01", "2100-12-31"])("%s is its own date", (s) => {
    expect(normaliseDate(s)).toEqual({ date: s, invalid: false });
  });

  it.each(["2023-02-29", "1900-02-29", "2021-04-31", "1799-12-31", "2101-01-01", "2021-00-10", "2021-01-00"])(
    "%s → invalid",
    (s) => {
      expect(normaliseDate(s)).toEqual({ date: null, invalid: true });
    },
  );
});
