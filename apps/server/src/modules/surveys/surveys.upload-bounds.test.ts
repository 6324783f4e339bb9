import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";
import { sharedStringsBomb } from "../../uploads/xlsx-test-kit.js";

/**
 * Issue #13: a self-registered agency could kill the server by uploading a shared-strings bomb as a survey answer
 * sheet, which was read before the survey and organisation were checked. The target is now checked first (so a
 * bomb aimed anywhere it may not answer gets its 403/404/409 with the workbook unread — had it been read, the
 * reader's bound would have answered 413 instead), and a permitted upload is stopped by the reader's bounds.
 */

let t: AuthTestApp;
let agency: Record<string, string>;
let enterprise: Record<string, string>;
let open: number;
let draft: number;
const orgIds: number[] = [];
// A 1.5 GB shared-strings part whose headers claim 1 KB: ~2.2 MB, within the route's 4 MB body limit as base64.
const bomb = { fileName: "答案.xlsx", contentBase64: sharedStringsBomb(1500, true).toString("base64") };

beforeAll(async () => {
  t = await authTestApp();
  const h = async (name: string, roles: Parameters<typeof makeUser>[2]) => {
    const u = await makeUser(t, name, roles);
    return { id: u.id, headers: { host: "localhost", ...sessionHeaders(t, u.id) } };
  };
  const city = (await h("ub-city", [{ role: "official" }])).headers;
  const a = await h("ub-agency", [{ role: "agency" }]);
  agency = a.headers;
  enterprise = (await h("ub-enterprise", [{ role: "enterprise" }])).headers;
  const codes = ["91410100MA0000100A", "91410100MA0000100B"];
  const org = t.db.sqlite
    .prepare(
      "INSERT INTO orgs (kind, name, code, district_code, created_at) VALUES ('agency', '乙代理', ?, '410105', 0)",
    )
    .run(codes[0]);
  t.db.sqlite
    .prepare("INSERT INTO org_members (org_id, user_id, org_role) VALUES (?, ?, 'owner')")
    .run(org.lastInsertRowid, a.id);
  for (const [i, code] of codes.entries()) {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/registry/orgs",
      headers: city,
      payload: { name: `上传测试机构${i}`, category: "patent_agency", creditCode: code, districtCode: "410105" },
    });
    orgIds.push(res.json().id);
  }
  const survey = async (title: string) =>
    (
      await t.app.inject({
        method: "POST",
        url: "/api/surveys",
        headers: city,
        payload: { title, periodStart: "2025-01-01", periodEnd: "2025-12-31", dueDate: "2026-01-31" },
      })
    ).json().id as number;
  open = await survey("开放的调查");
  draft = await survey("未开放的调查");
  await t.app.inject({ method: "POST", url: `/api/surveys/${open}/status`, headers: city, payload: { to: "open" } });
});
afterAll(async () => t.close());

const upload = (surveyId: number, orgId: number, headers: Record<string, string>) =>
  t.app.inject({ method: "POST", url: `/api/agency/surveys/${surveyId}/orgs/${orgId}/excel`, headers, payload: bomb });

describe("a workbook bomb as a survey answer sheet", () => {
  it("is refused by its target before the workbook is read: no survey, a survey not open, not one's organisation", async () => {
    const missing = await upload(999_999, orgIds[0], agency);
    expect(missing.statusCode).toBe(404);
    const notOpen = await upload(draft, orgIds[0], agency);
    expect(notOpen.statusCode).toBe(409);
    const notMine = await upload(open, orgIds[1], agency);
    expect(notMine.statusCode).toBe(404);
    expect(notMine.json().error.message).toContain("你所在机构");
    expect((await upload(open, orgIds[0], enterprise)).statusCode).toBe(403); // no survey:file permission
  });

  it("a permitted upload is stopped by the reader's bound with a 413 that says which, and the server answers on", async () => {
    const [first, second] = await Promise.all([upload(open, orgIds[0], agency), upload(open, orgIds[0], agency)]);
    for (const res of [first, second]) {
      expect(res.statusCode).toBe(413);
      expect(res.json().error.message).toContain("工作簿过大：共享字符串超过");
    }
    const after = await t.app.inject({ method: "GET", url: "/api/agency/surveys", headers: agency });
    expect(after.statusCode).toBe(200);
  });
});
