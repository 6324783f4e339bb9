import type { ReportData } from "@zhichan/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import type { Services } from "../../services.js";
import { analyticsFixture } from "./analytics.fixture.js";

let db: Db;
let s: Services;
let data: ReportData;
const Q = "IPC=H01M OR IPC=H04L OR IPC=G06T";
const WHERE = "(ipc_all LIKE '%H01M%' OR ipc_all LIKE '%H04L%' OR ipc_all LIKE '%G06T%')";

const one = (sql: string, ...p: unknown[]) => db.sqlite.prepare(sql).get(...p) as Record<string, number>;
const all = (sql: string, ...p: unknown[]) => db.sqlite.prepare(sql).all(...p) as Record<string, number | string>[];

beforeAll(async () => {
  ({ db, services: s } = await analyticsFixture());
  const created = s.analytics.create({ q: Q, focus: "4101" }, null);
  expect(created.status).toBe("queued");
  await s.jobs.drain();
  const r = s.analytics.get(created.id);
  expect(r.status).toBe("done");
  expect(r.snapshotAt).toBeTruthy();
  expect(r.params.focusName).toBe("郑州市");
  data = r.data as ReportData;
});
afterAll(async () => {
  await db.close();
});

describe("a navigation report's numbers equal direct SQL counts", () => {
  it("scope and trends", () => {
    expect(data.scope.total).toBe(one(`SELECT count(*) AS n FROM patents WHERE ${WHERE}`).n);
    expect(data.scope.corpusTotal).toBe(one("SELECT count(*) AS n FROM patents").n);
    for (const row of all(`SELECT app_year AS y, count(*) AS n FROM patents WHERE ${WHERE} GROUP BY app_year`)) {
      expect(data.trends.applications[data.trends.years.indexOf(row.y as number)]).toBe(row.n);
    }
    const grants = one(
      `SELECT count(*) AS n FROM patents WHERE ${WHERE} AND type IN ('invention_grant','utility_model','design')`,
    ).n;
    expect(data.trends.grants.reduce((a, b) => a + b, 0)).toBe(grants);
  });

  it("IPC structure, applicants, concentration", () => {
    for (const t of data.ipc.top)
      expect(t.count).toBe(one(`SELECT count(*) AS n FROM patents WHERE ${WHERE} AND ipc_all LIKE ?`, `%${t.code}%`).n);
    const byApplicant = all(
      `SELECT a.name, count(*) AS n FROM patents p JOIN patent_applicants pa ON pa.patent_id = p.id
       JOIN applicants a ON a.id = pa.applicant_id WHERE ${WHERE.replaceAll("ipc_all", "p.ipc_all")} GROUP BY a.id ORDER BY n DESC, a.id`,
    );
    expect(data.applicants.top.map((a) => [a.name, a.count])).toEqual(byApplicant.map((r) => [r.name, r.n]));
    expect(data.concentration.applicants).toBe(byApplicant.length);
    const sum = byApplicant.reduce((x, r) => x + (r.n as number), 0);
    const hhi = byApplicant.reduce((x, r) => x + ((r.n as number) / sum) ** 2, 0) * 10_000;
    expect(data.concentration.hhi).toBeCloseTo(hhi, 0);
  });

  it("legal status, regions and the focus region, citations, agencies, inventors", () => {
    for (const st of data.legal.byStatus)
      expect(st.count).toBe(one(`SELECT count(*) AS n FROM patents WHERE ${WHERE} AND status = ?`, st.code).n);
    expect(data.regions.located).toBe(
      one(`SELECT count(*) AS n FROM patents WHERE ${WHERE} AND province_code IS NOT NULL`).n,
    );
    expect(data.regions.focus?.count).toBe(
      one(`SELECT count(*) AS n FROM patents WHERE ${WHERE} AND city_code = '4101'`).n,
    );
    expect(data.regions.focus?.corpusCount).toBe(one("SELECT count(*) AS n FROM patents WHERE city_code = '4101'").n);
    expect(data.citations.covered).toBe(
      one(`SELECT count(*) AS n FROM patents WHERE ${WHERE} AND cited_by_count IS NOT NULL`).n,
    );
    expect(data.citations.top[0]?.citedBy).toBe(one(`SELECT max(cited_by_count) AS n FROM patents WHERE ${WHERE}`).n);
    expect(data.agencies.withAgency).toBe(
      one(`SELECT count(*) AS n FROM patents WHERE ${WHERE} AND agency IS NOT NULL`).n,
    );
    expect(data.inventors.top.find((i) => i.name === "甲")?.count).toBe(
      one(`SELECT count(*) AS n FROM patents WHERE ${WHERE} AND ';' || inventors || ';' LIKE '%;甲;%'`).n,
    );
    // 甲 co-invented 3 patents with 乙 or 丙: one team of three, 3 patents naming two of them
    expect(data.inventors.teams[0]).toMatchObject({ size: 3, patents: 3 });
    expect(data.cooperation.coPatents).toBe(0);
  });

  it("every section has a generated reading", () => {
    for (const [key, sec] of Object.entries(data)) {
      if (key === "conclusions") expect((sec as string[]).length).toBeGreaterThan(0);
      else expect((sec as { reading: string[] }).reading.length, key).toBeGreaterThan(0);
    }
  });
});

describe("industry thematic databases", () => {
  it("seeds one built-in definition per SEI code with the observed IPC groups and says so", () => {
    const list = s.industries.list();
    expect(list.items.map((i) => i.seiCode).sort()).toEqual(["5.2", "6.1"]);
    const nev = list.items.find((i) => i.seiCode === "5.2");
    expect(nev?.ipcPrefixes).toEqual(["H01M8"]); // G06T19 has too small a share
    expect(nev?.query).toBe("SEI=5.2 OR IPC=H01M8");
    expect(nev?.notes).toContain("不是国家知识产权局");
    const direct = one("SELECT count(*) AS n FROM patents WHERE sei_codes LIKE '%5.2%' OR ipc_all LIKE '%H01M8/%'").n;
    // Counted in inventions (A and B of one application once), with the publications beside (issue #14 item 7).
    expect(nev?.stats?.unit).toBe("invention");
    expect(nev?.stats?.publications).toBe(direct);
    expect(nev?.stats?.size).toBe(s.search.count("SEI=5.2 OR IPC=H01M8", "invention"));
    expect(nev?.stats?.byYear.reduce((n, y) => n + y.count, 0)).toBeLessThanOrEqual(nev?.stats?.size ?? 0);
  });

  it("a new definition's live set follows imports", () => {
    const ind = s.industries.create(
      { name: "燃料电池", seiCode: null, ipcPrefixes: [], keywords: ["燃料电池"], exclusions: [], notes: "" },
      null,
    );
    expect(ind.stats?.size).toBe(2);
    db.sqlite
      .prepare(
        `INSERT INTO patents (pub_no, country, title, type, status, app_year, sources, updated_seq)
         VALUES ('CN999A', 'CN', '一种燃料电池堆', 'invention_application', 'pending', 2021, 'test', 1000)`,
      )
      .run();
    s.search.refresh();
    expect(s.industries.get(ind.id).stats?.size).toBe(3);
    // A second publication of an application already in the set: one more publication, the same inventions.
    db.sqlite
      .prepare(
        `INSERT INTO patents (pub_no, app_no, country, title, type, status, app_year, sources, updated_seq)
         VALUES ('CN998A', 'CN202199800001.0', 'CN', '一种燃料电池极板', 'invention_application', 'pending', 2021, 'test', 1001),
                ('CN998B', 'CN202199800001.0', 'CN', '一种燃料电池极板', 'invention_grant', 'valid', 2021, 'test', 1002)`,
      )
      .run();
    s.search.refresh();
    expect(s.industries.get(ind.id).stats).toMatchObject({ unit: "invention", size: 4, publications: 5 });
  });
});

describe("edge cases", () => {
  it("a query with no hits still gives a complete report and a print page", async () => {
    const { reportPrintHtml } = await import("./report-print.js");
    const created = s.analytics.create({ q: "TI=量子隧穿显微镜", focus: "410105" }, null);
    await s.jobs.drain();
    const r = s.analytics.get(created.id);
    expect(r.status).toBe("done");
    expect(r.data?.scope.total).toBe(0);
    expect(r.data?.regions.focus?.count).toBe(0);
    expect(r.data?.techEffect).toMatchObject({ branches: [], effects: [], cells: [], sampled: 0 });
    expect(reportPrintHtml(r)).toContain("十五、结论");
  });
});
