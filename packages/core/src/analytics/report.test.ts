import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AnalyticsRecord, ColumnsBuilder } from "./columns.js";
import { computeReport } from "./report.js";
import { nameStage } from "./trends.js";
import type { ReportLabels } from "./types.js";

const labels: ReportLabels = {
  applicant: (k) => `申请人${k}`,
  region: (c) => `区${c}`,
  type: (t) => t,
  status: (s) => s,
};

const record = fc.record({
  year: fc.integer({ min: 2010, max: 2023 }),
  granted: fc.boolean(),
  type: fc.constantFrom("invention_application", "invention_grant", "utility_model"),
  status: fc.constantFrom("valid", "lapsed", "pending", "unknown"),
  ipc: fc.uniqueArray(fc.constantFrom("H01M10/05", "H01M4/13", "G06F3/01", "B60L53/00", "A61K9/00"), { maxLength: 3 }),
  applicants: fc.uniqueArray(fc.constantFrom("1", "2", "3", "4", "5", "6"), { maxLength: 3 }),
  inventors: fc.uniqueArray(fc.constantFrom("张", "王", "李", "赵", "刘"), { maxLength: 3 }),
  region: fc.constantFrom<string[]>(["41", "4101", "410105"], ["41", "4102", ""], ["50", "5001", ""], ["", "", ""]),
  agency: fc.constantFrom("", "甲代理", "乙代理"),
  citedBy: fc.integer({ min: -1, max: 9 }),
});

function build(raw: Parameters<typeof toRecord>[0][]) {
  const b = new ColumnsBuilder();
  const recs: AnalyticsRecord[] = raw.map((r, i) => toRecord(r, i));
  for (const r of recs) b.add(r);
  return { cols: b.build(), recs };
}
function toRecord(
  r: {
    year: number;
    granted: boolean;
    type: string;
    status: string;
    ipc: string[];
    applicants: string[];
    inventors: string[];
    region: string[];
    agency: string;
    citedBy: number;
  },
  i: number,
): AnalyticsRecord {
  return {
    id: i * 3 + 1,
    year: r.year,
    grantYear: r.granted ? r.year + 1 : 0,
    type: r.type,
    status: r.status,
    ipc: r.ipc,
    applicants: r.applicants,
    inventors: r.inventors,
    province: r.region[0],
    city: r.region[1],
    district: r.region[2],
    agency: r.agency,
    citedBy: r.citedBy,
    pubNo: `CN${i}A`,
    title: `t${i}`,
  };
}

describe("computeReport against brute-force counts", () => {
  it("every section's numbers match direct counts over the records", () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 80 }), fc.boolean(), (raw, useFocus) => {
        const { cols, recs } = build(raw);
        // hit set: every other record
        const hitRows = Int32Array.from(recs.map((_, i) => i).filter((i) => i % 2 === 0));
        const hits = [...hitRows].map((i) => recs[i]);
        const rep = computeReport(cols, hitRows, { focus: useFocus ? "4101" : null, topN: 50 }, labels);
        expect(rep.scope.total).toBe(hits.length);
        // trends
        rep.trends.years.forEach((y, k) => {
          expect(rep.trends.applications[k]).toBe(hits.filter((h) => h.year === y).length);
          expect(rep.trends.grants[k]).toBe(hits.filter((h) => h.grantYear === y).length);
          expect(rep.lifecycle.applicants[k]).toBe(
            new Set(hits.filter((h) => h.year === y).flatMap((h) => h.applicants)).size,
          );
        });
        // ipc: a doc counts once per subclass
        for (const t of rep.ipc.top)
          expect(t.count).toBe(hits.filter((h) => h.ipc.some((c) => c.startsWith(t.code))).length);
        // applicants
        for (const a of rep.applicants.top) {
          const mine = hits.filter((h) => h.applicants.includes(a.key));
          expect(a.count).toBe(mine.length);
          expect(a.firstYear).toBe(Math.min(...mine.map((h) => h.year)));
        }
        // concentration
        const per = new Map<string, number>();
        for (const h of hits) for (const a of h.applicants) per.set(a, (per.get(a) ?? 0) + 1);
        const sum = [...per.values()].reduce((s, c) => s + c, 0);
        const sorted = [...per.values()].sort((a, b) => b - a);
        const hhi = [...per.values()].reduce((s, c) => s + (c / sum) ** 2, 0) * 10000;
        expect(rep.concentration.applicants).toBe(per.size);
        if (sum > 0) {
          expect(rep.concentration.cr4).toBeCloseTo(sorted.slice(0, 4).reduce((s, c) => s + c, 0) / sum, 3);
          expect(rep.concentration.hhi).toBeCloseTo(hhi, 0);
        }
        // cooperation
        expect(rep.cooperation.coPatents).toBe(hits.filter((h) => h.applicants.length >= 2).length);
        for (const e of rep.cooperation.edges)
          expect(e.weight).toBe(
            hits.filter((h) => h.applicants.includes(e.source) && h.applicants.includes(e.target)).length,
          );
        // legal
        for (const s of rep.legal.byStatus) expect(s.count).toBe(hits.filter((h) => h.status === s.code).length);
        const lapsed = hits.filter((h) => h.status === "lapsed").length;
        const decided = lapsed + hits.filter((h) => h.status === "valid").length;
        expect(rep.legal.lapseRate).toBe(decided ? Math.round((lapsed / decided) * 1e4) / 1e4 : null);
        // citations, agencies
        expect(rep.citations.covered).toBe(hits.filter((h) => h.citedBy >= 0).length);
        expect(rep.agencies.withAgency).toBe(hits.filter((h) => h.agency !== "").length);
        for (const a of rep.agencies.top) expect(a.count).toBe(hits.filter((h) => h.agency === a.code).length);
        // regions
        expect(rep.regions.located).toBe(hits.filter((h) => h.province !== "").length);
        for (const p of rep.regions.provinces) expect(p.count).toBe(hits.filter((h) => h.province === p.code).length);
        if (useFocus) {
          const f = rep.regions.focus;
          expect(f?.count).toBe(hits.filter((h) => h.city === "4101").length);
          expect(f?.corpusCount).toBe(recs.filter((h) => h.city === "4101").length);
          for (const r of f?.rta ?? []) {
            const all = hits.filter((h) => h.ipc.some((c) => c.startsWith(r.code))).length;
            const inF = hits.filter((h) => h.city === "4101" && h.ipc.some((c) => c.startsWith(r.code))).length;
            expect(r.totalCount).toBe(all);
            expect(r.focusCount).toBe(inF);
          }
        } else expect(rep.regions.focus).toBeNull();
        // inventors
        for (const t of rep.inventors.top)
          expect(t.count).toBe(hits.filter((h) => h.inventors.includes(t.name)).length);
        for (const team of rep.inventors.teams)
          if (team.size <= 6)
            expect(team.patents).toBe(
              hits.filter((h) => h.inventors.filter((x) => team.members.includes(x)).length >= 2).length,
            );
      }),
      { numRuns: 60 },
    );
  });

  it("names the life-cycle stage by its rules", () => {
    const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022];
    expect(nameStage(years, [5, 5, 10, 10, 10, 20, 20, 20], [2, 2, 5, 5, 5, 10, 10, 10], 2022)).toBe("growth");
    expect(nameStage(years, [20, 20, 20, 20, 20, 10, 10, 10], [9, 9, 10, 10, 10, 5, 5, 5], 2022)).toBe("decline");
    expect(nameStage(years, [10, 10, 10, 10, 10, 10, 10, 10], [5, 5, 5, 5, 5, 5, 5, 5], 2022)).toBe("maturity");
    expect(nameStage(years, [1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1], 2022)).toBe("unknown");
  });
});
