import { describe, expect, it } from "vitest";
import { loadPastValuations, MAX_ENTRIES, type PastValuation, rememberValuation } from "./valuationHistory";

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

const run = (number: string, at: number): PastValuation => ({
  at,
  query: { type: "trademark", number, niceClass: "9", status: "registered", purpose: "financing" },
  score: 70,
  grade: "B",
});

describe("past declared-asset valuations", () => {
  it("keeps each user's runs apart, newest first", () => {
    const s = memoryStorage();
    rememberValuation(1, run("41173195", 1), s);
    rememberValuation(1, run("12345678", 2), s);
    rememberValuation(2, run("555", 3), s);
    expect(loadPastValuations(1, s).map((e) => e.query.number)).toEqual(["12345678", "41173195"]);
    expect(loadPastValuations(2, s).map((e) => e.query.number)).toEqual(["555"]);
    expect(loadPastValuations(null, s)).toEqual([]);
  });

  it("replaces the older entry when the same inputs are run again, and keeps at most MAX_ENTRIES", () => {
    const s = memoryStorage();
    for (let i = 0; i < MAX_ENTRIES + 5; i++) rememberValuation(1, run(String(i + 1), i), s);
    rememberValuation(1, run("25", 99), s);
    const list = loadPastValuations(1, s);
    expect(list).toHaveLength(MAX_ENTRIES);
    expect(list[0]).toMatchObject({ at: 99, query: { number: "25" } });
    expect(list.filter((e) => e.query.number === "25")).toHaveLength(1);
  });

  it("drops stored entries that are damaged or no longer a valid query", () => {
    const s = memoryStorage();
    s.setItem(
      "zhichan.assetValuations.1",
      JSON.stringify([run("41173195", 1), { ...run("not-a-number", 2) }, { at: "x" }, null]),
    );
    expect(loadPastValuations(1, s).map((e) => e.query.number)).toEqual(["41173195"]);
    s.setItem("zhichan.assetValuations.1", "{broken");
    expect(loadPastValuations(1, s)).toEqual([]);
  });
});
