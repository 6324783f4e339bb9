import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";
import * as repo from "./surveys.repository.js";

/**
 * Issue #17: anonymous `GET /api/surveys/:id/published` showed a district with one respondent and its revenue.
 * Published cells under the minimum group size (3) and their complements are withheld and marked.
 */
let t: AuthTestApp;
let city: Record<string, string>;
let surveyId: number;
const LONE_REVENUE = 777.7;

// district → revenues of its accepted respondents (二七区 has one: its figure must never be published)
const DISTRICTS: [string, string | null, number[]][] = [
  ["410102", null, [100, 110, 120, 130]],
  ["410103", null, [LONE_REVENUE]],
  ["410105", null, [200, 210, 220]],
  ["410172", "高新区", [300, 310, 320, 330, 340]],
];

beforeAll(async () => {
  t = await authTestApp();
  const u = await makeUser(t, "sup-city", [{ role: "official" }]);
  city = { host: "localhost", ...sessionHeaders(t, u.id) };
  const made = await t.app.inject({
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
  surveyId = made.json().id;
  let n = 0;
  for (const [districtCode, zone, revenues] of DISTRICTS)
    for (const revenue of revenues) {
      n++;
      const org = await t.app.inject({
        method: "POST",
        url: "/api/registry/orgs",
        headers: city,
        payload: { name: `代理机构${n}`, category: "patent_agency", districtCode, zone },
      });
      const answers = { revenue, staff: 10, attorneys: 2, cases_invention: 5, cases_utility: 1, cases_design: 0 };
      repo.upsertResponse(t.db, {
        survey_id: surveyId,
        org_id: org.json().id,
        answers_json: JSON.stringify(answers),
        problems_json: "[]",
        status: "submitted",
        channel: "online",
        submitted_at: "2026-01-10T00:00:00Z",
        submitted_by: null,
      });
      const ok = await t.app.inject({
        method: "POST",
        url: `/api/surveys/${surveyId}/responses/${org.json().id}/review`,
        headers: city,
        payload: { accept: true },
      });
      expect(ok.statusCode).toBe(200);
    }
  for (const to of ["open", "closed", "published"])
    await t.app.inject({ method: "POST", url: `/api/surveys/${surveyId}/status`, headers: city, payload: { to } });
});
afterAll(async () => t.close());

type Row = {
  group: string;
  responses: number;
  sums: Record<string, number | null>;
  suppressed: Record<string, string>;
};

describe("published survey aggregates never expose one respondent", () => {
  it("withholds the one-respondent district and a complementary cell from an anonymous visitor", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/surveys/${surveyId}/published?by=district` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(String(LONE_REVENUE));
    const body = res.json() as { minGroupSize: number; withheld: boolean; rows: Row[] };
    expect(body).toMatchObject({ minGroupSize: 3, withheld: true });
    const by = new Map(body.rows.map((r) => [r.group, r]));
    expect(by.get("410103")).toMatchObject({
      responses: 1,
      sums: { revenue: null, staff: null },
      suppressed: { revenue: "small_group", staff: "small_group" },
    });
    // 金水区 (3 respondents) is the smallest other cell: the city total minus the rest would give 二七区 away
    expect(by.get("410105")).toMatchObject({ sums: { revenue: null }, suppressed: { revenue: "complementary" } });
    expect(by.get("410102")).toMatchObject({ sums: { revenue: 460 }, suppressed: {} });
    expect(by.get("高新区")).toMatchObject({ sums: { revenue: 1600 }, suppressed: {} });
  });

  it("lists published surveys for the public and shows the whole category (13 respondents)", async () => {
    const list = await t.app.inject({ method: "GET", url: "/api/surveys/published" });
    expect(list.json().items).toEqual([expect.objectContaining({ id: surveyId, title: "2025 年度服务机构统计" })]);
    const cat = await t.app.inject({ method: "GET", url: `/api/surveys/${surveyId}/published?by=category` });
    expect(cat.json().rows).toEqual([
      expect.objectContaining({ group: "patent_agency", responses: 13, suppressed: {} }),
    ]);
  });

  it("shows officials every figure with the marks, as a preview of what publishing withholds", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/surveys/${surveyId}/aggregates?by=district`,
      headers: city,
    });
    const body = res.json() as { withheld: boolean; rows: Row[] };
    expect(body.withheld).toBe(false);
    expect(body.rows.find((r) => r.group === "410103")).toMatchObject({
      sums: { revenue: LONE_REVENUE },
      suppressed: { revenue: "small_group" },
    });
  });
});
