import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";

let t: AuthTestApp;
let city: Record<string, string>;
let jinshui: Record<string, string>;
let agencyA: Record<string, string>;
const orgIds: number[] = [];

const CODES = ["91410100MA0000000A", "91410100MA0000000B", "91410100MA0000000C"];

beforeAll(async () => {
  t = await authTestApp();
  const h = async (name: string, roles: Parameters<typeof makeUser>[2]) => {
    const u = await makeUser(t, name, roles);
    return { id: u.id, headers: { host: "localhost", ...sessionHeaders(t, u.id) } };
  };
  city = (await h("sv-city", [{ role: "official" }])).headers;
  jinshui = (await h("sv-jinshui", [{ role: "official", district: "410105" }])).headers;
  const a = await h("sv-agency", [{ role: "agency" }]);
  agencyA = a.headers;
  // The agency user's account organisation carries the same credit code as its registry record.
  const org = t.db.sqlite
    .prepare(
      "INSERT INTO orgs (kind, name, code, district_code, created_at) VALUES ('agency', '甲代理', ?, '410105', 0)",
    )
    .run(CODES[0]);
  t.db.sqlite
    .prepare("INSERT INTO org_members (org_id, user_id, org_role) VALUES (?, ?, 'owner')")
    .run(org.lastInsertRowid, a.id);
  for (const [i, district] of ["410105", "410105", "410172"].entries()) {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/registry/orgs",
      headers: city,
      payload: { name: `代理机构${i}`, category: "patent_agency", creditCode: CODES[i], districtCode: district },
    });
    orgIds.push(res.json().id);
  }
});
afterAll(async () => t.close());

describe("statistical survey over HTTP", () => {
  let id: number;

  it("an official defines a survey with the standard questions and opens it", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/surveys",
      headers: city,
      payload: {
        title: "2025 年度服务机构统计",
        periodStart: "2025-01-01",
        periodEnd: "2025-12-31",
        dueDate: "2026-01-31",
      },
    });
    expect(res.statusCode).toBe(200);
    id = res.json().id;
    expect(res.json()).toMatchObject({ status: "draft", expected: 3, answered: 0 });
    expect(res.json().questions.map((q: { key: string }) => q.key)).toContain("attorneys");
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: `/api/surveys/${id}/status`,
          headers: jinshui,
          payload: { to: "open" },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({ method: "POST", url: `/api/surveys/${id}/status`, headers: city, payload: { to: "open" } })
      ).json().status,
    ).toBe("open");
  });

  it("an agency answers online; invalid answers are refused with each problem named", async () => {
    const mine = await t.app.inject({ method: "GET", url: "/api/agency/surveys", headers: agencyA });
    expect(mine.json().items).toHaveLength(1);
    const url = `/api/agency/surveys/${id}/orgs/${orgIds[0]}`;
    const bad = await t.app.inject({
      method: "POST",
      url,
      headers: agencyA,
      payload: { answers: { revenue: 100, staff: 2, attorneys: 5 } },
    });
    expect(bad.statusCode).toBe(400);
    const keys = bad.json().error.details.problems.map((p: { key: string }) => p.key);
    expect(keys).toEqual(expect.arrayContaining(["attorneys", "cases_invention"]));
    const answers = { revenue: 350.5, staff: 10, attorneys: 4, cases_invention: 20, cases_utility: 8, cases_design: 1 };
    expect((await t.app.inject({ method: "POST", url, headers: agencyA, payload: { answers } })).statusCode).toBe(200);
    // not its own organisation
    const other = await t.app.inject({
      method: "POST",
      url: `/api/agency/surveys/${id}/orgs/${orgIds[1]}`,
      headers: agencyA,
      payload: { answers },
    });
    expect(other.statusCode).toBe(404);
  });

  it("an agency may answer with the Excel answer sheet; errors name the sheet row", async () => {
    const sheet = await t.app.inject({ method: "GET", url: `/api/surveys/${id}/answer-sheet.xlsx`, headers: agencyA });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    ws.eachRow((row, n) => {
      if (n > 1) row.getCell(4).value = row.getCell(1).value === "staff" ? "很多" : 1;
    });
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await t.app.inject({
      method: "POST",
      url: `/api/agency/surveys/${id}/orgs/${orgIds[0]}/excel`,
      headers: agencyA,
      payload: { fileName: "a.xlsx", contentBase64: buf.toString("base64") },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.problems).toEqual([
      { key: "staff", row: 3, message: expect.stringContaining("数字") },
    ]);
  });

  it("officials track who has not answered (district officials: their district only), accept, and publish aggregates", async () => {
    const all = (await t.app.inject({ method: "GET", url: `/api/surveys/${id}/responses`, headers: city })).json()
      .items;
    expect(all.map((r: { status: string }) => r.status)).toEqual(["missing", "missing", "submitted"]);
    const mine = (await t.app.inject({ method: "GET", url: `/api/surveys/${id}/responses`, headers: jinshui })).json()
      .items;
    expect(mine.map((r: { districtCode: string }) => r.districtCode)).toEqual(["410105", "410105"]);
    const foreign = await t.app.inject({
      method: "POST",
      url: `/api/surveys/${id}/responses/${orgIds[2]}/review`,
      headers: jinshui,
      payload: { accept: true },
    });
    expect(foreign.statusCode).toBe(404);
    const ok = await t.app.inject({
      method: "POST",
      url: `/api/surveys/${id}/responses/${orgIds[0]}/review`,
      headers: jinshui,
      payload: { accept: true, note: "核对无误" },
    });
    expect(ok.statusCode).toBe(200);

    const agg = (
      await t.app.inject({ method: "GET", url: `/api/surveys/${id}/aggregates?by=district`, headers: city })
    ).json();
    expect(agg.rows).toEqual([
      {
        group: "410105",
        label: "金水区",
        responses: 1,
        sums: expect.objectContaining({ revenue: 350.5, attorneys: 4 }),
        means: expect.any(Object),
        suppressed: expect.objectContaining({ revenue: "small_group" }),
      },
    ]);
    expect((await t.app.inject({ method: "GET", url: `/api/surveys/${id}/published?by=category` })).statusCode).toBe(
      404,
    );
    await t.app.inject({ method: "POST", url: `/api/surveys/${id}/status`, headers: city, payload: { to: "closed" } });
    await t.app.inject({
      method: "POST",
      url: `/api/surveys/${id}/status`,
      headers: city,
      payload: { to: "published" },
    });
    const pub = await t.app.inject({ method: "GET", url: `/api/surveys/${id}/published?by=category` });
    // one respondent: its figures are withheld (surveys.suppression.test.ts)
    expect(pub.json().rows[0]).toMatchObject({
      group: "patent_agency",
      label: "专利代理机构",
      responses: 1,
      sums: { revenue: null },
    });
  });
});
