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
});
