import type { PatentDoc } from "@zhichan/core/search/types.ts";
import { describe, expect, it } from "vitest";
import { generateDocs } from "./generator.ts";
import { learnFromRows } from "./learn.ts";
import type { SampleRow } from "./sample.ts";

function row(title: string, abstract: string, ipc: string, applicant: string, date: string): SampleRow {
  return {
    publication_number: "",
    title,
    abstract,
    applicants: applicant,
    inventors: "张三;李四",
    application_date: date,
    publication_date: "",
    application_year: date.slice(0, 4),
    patent_type: "发明公布",
    ipc_main: ipc,
    ipc_all: ipc,
    legal_status: "审中",
    applicant_district: "金水区",
    agency: "",
    sei_category: "1.5 (人工智能)",
  };
}

const rows = [
  row(
    "一种锂离子电池及其制备方法",
    "本发明公开了一种锂离子电池，包括正极、负极和电解液。",
    "H01M10/0525",
    "郑州大学",
    "2019-03-01",
  ),
  row("锂离子电池的充电控制方法", "", "H01M10/44", "郑州大学;河南某公司", "2020-05-02"),
  row(
    "一种自动驾驶车辆的控制系统",
    "本发明提供一种自动驾驶控制系统，用于车辆的LED灯控制。",
    "B60W30/00",
    "丰田自动车株式会社",
    "",
  ),
  row("虚拟现实显示装置", "一种虚拟现实显示装置，包括显示屏和镜片。", "G02B27/01", "北京某科技有限公司", "2021-01-09"),
];
const model = learnFromRows(rows, new Map([["金水区", ["41", "4101", "410105"]]]));
const take = (seed: number, n: number): PatentDoc[] => [...generateDocs(model, seed, n)];

describe("generateDocs", () => {
  it("gives the same documents for the same seed", () => {
    expect(take(42, 200)).toEqual(take(42, 200));
  });

  it("gives different documents for another seed", () => {
    expect(take(7, 50).map((d) => d.ti)).not.toEqual(take(42, 50).map((d) => d.ti));
  });

  it("publishes a grant under an earlier application's number, so its A and B are one invention", () => {
    const grants = [rows[0], rows[1]].map((r) => ({ ...r, patent_type: "发明授权" }));
    const mixed = learnFromRows([...rows, ...grants], new Map([["金水区", ["41", "4101", "410105"]]]));
    const docs = [...generateDocs(mixed, 42, 400)];
    const byApplication = new Map<string, PatentDoc[]>();
    for (const d of docs) if (d.an) byApplication.set(d.an, [...(byApplication.get(d.an) ?? []), d]);
    const shared = [...byApplication.values()].filter((group) => group.length > 1);
    expect(shared.length).toBeGreaterThan(20);
    for (const group of shared) expect(group.map((d) => d.type)).toEqual(["invention_application", "invention_grant"]);
  });

  it("yields the same first docs whatever the corpus size (every engine can regenerate its prefix)", () => {
    expect(take(42, 1000).slice(0, 100)).toEqual(take(42, 100));
  });

  it("numbers docs 0..N-1 and writes Chinese without spaces, from the sample's vocabulary and facts", () => {
    const docs = take(42, 300);
    expect(docs.map((d) => d.id)).toEqual([...Array(300).keys()]);
    for (const doc of docs) {
      expect(doc.ti.length).toBeGreaterThan(0);
      expect(doc.ti).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
      expect(["H01M", "B60W", "G02B"]).toContain(doc.ipc[0].slice(0, 4));
      expect(doc.type).toBe("invention_application");
      expect(doc.status).toBe("pending");
      expect(doc.region).toEqual(["41", "4101", "410105"]);
      expect(doc.applicantIds).toHaveLength(doc.ap.length);
    }
    // about half of these templates have an abstract; the generated share follows
    const withAbstract = docs.filter((d) => d.ab.length > 0).length / docs.length;
    expect(withAbstract).toBeGreaterThan(0.6);
    expect(withAbstract).toBeLessThan(0.9);
  });
});
