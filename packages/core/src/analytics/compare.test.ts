import { describe, expect, it } from "vitest";
import { type AnalyticsRecord, ColumnsBuilder } from "./columns.js";
import { applicantPortfolio } from "./compare.js";

const rec = (id: number, over: Partial<AnalyticsRecord>): AnalyticsRecord => ({
  id,
  year: 2020,
  grantYear: 0,
  type: "invention_application",
  status: "pending",
  ipc: [],
  applicants: ["1"],
  inventors: [],
  province: "",
  city: "",
  district: "",
  agency: "",
  citedBy: -1,
  pubNo: `CN${id}A`,
  title: `专利${id}`,
  ...over,
});

const RECORDS = [
  rec(10, {
    year: 2019,
    ipc: ["H01M10/05", "G06F3/01"],
    status: "valid",
    inventors: ["张", "王"],
    citedBy: 4,
    province: "41",
    city: "4101",
  }),
  rec(11, {
    year: 2020,
    ipc: ["H01M4/13"],
    applicants: ["1", "2"],
    inventors: ["张"],
    citedBy: 0,
    province: "41",
    city: "4101",
  }),
  rec(12, {
    year: 2020,
    ipc: ["G06F3/01"],
    applicants: ["3", "1"],
    inventors: ["李"],
    status: "lapsed",
    province: "50",
  }),
  rec(13, { year: 0, applicants: ["1", "2"], citedBy: 9 }),
  rec(14, { year: 2021, ipc: ["B60L53/00"], applicants: ["2"], inventors: ["赵"], citedBy: 7 }),
];

describe("applicant portfolio", () => {
  const b = new ColumnsBuilder();
  for (const r of RECORDS) b.add(r);
  const cols = b.build();
  const rowsOf = (key: string) => Int32Array.from(RECORDS.flatMap((r, i) => (r.applicants.includes(key) ? [i] : [])));

  it("counts years, IPC, status, regions, inventors, co-applicants and citations of the rows given", () => {
    const p = applicantPortfolio(cols, rowsOf("1"), "1");
    expect(p.total).toBe(4);
    expect(p.byYear).toEqual([
      { year: 2019, count: 1 },
      { year: 2020, count: 2 },
    ]);
    expect(p.ipc).toEqual(
      [
        { code: "G06F", count: 1 },
        { code: "H01M", count: 2 },
      ].sort((a, b) => b.count - a.count),
    );
    expect(p.status).toEqual([
      { code: "pending", count: 2 },
      { code: "valid", count: 1 },
      { code: "lapsed", count: 1 },
    ]);
    expect(p.regions).toEqual([
      { code: "4101", count: 2 },
      { code: "50", count: 1 },
    ]);
    expect(p.inventors).toEqual([
      { code: "张", count: 2 },
      { code: "王", count: 1 },
      { code: "李", count: 1 },
    ]);
    expect(p.coApplicants).toEqual([
      { code: "2", count: 2 },
      { code: "3", count: 1 },
    ]);
    expect(p.citations).toEqual({
      covered: 3,
      citedBy: 13,
      cited: 2,
      top: [
        { id: 13, pubNo: "CN13A", title: "专利13", citedBy: 9 },
        { id: 10, pubNo: "CN10A", title: "专利10", citedBy: 4 },
      ],
    });
  });

  it("says nothing of citations when no source gave them, and keeps the top n", () => {
    const p = applicantPortfolio(cols, Int32Array.from([2]), "3", { top: 1 });
    expect(p.citations).toEqual({ covered: 0, citedBy: 0, cited: 0, top: [] });
    expect(p.coApplicants).toEqual([{ code: "1", count: 1 }]);
    expect(applicantPortfolio(cols, rowsOf("2"), "2", { top: 1 }).inventors).toHaveLength(1);
  });
});
