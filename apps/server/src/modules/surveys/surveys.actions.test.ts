import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";

/**
 * The actions a survey carries are the server's transition table seen by the caller: a city-wide official gets
 * exactly the moves the table allows from the survey's status (reopening a closed one included), a district official
 * none, and an agency user may not read the officials' survey at all. Every offered action succeeds and every
 * withheld one is refused.
 */
let t: AuthTestApp;
let city: Record<string, string>;
let district: Record<string, string>;
let agency: Record<string, string>;

beforeAll(async () => {
  t = await authTestApp();
  const h = async (name: string, roles: Parameters<typeof makeUser>[2]) => {
    const u = await makeUser(t, name, roles);
    return { host: "localhost", ...sessionHeaders(t, u.id) };
  };
  city = await h("sa-city", [{ role: "official" }]);
  district = await h("sa-district", [{ role: "official", district: "410105" }]);
  agency = await h("sa-agency", [{ role: "agency" }]);
});
afterAll(async () => t.close());

const ALL = ["open", "closed", "published"] as const;
/** Written out here, not read from the server's table, so a drifted table fails this test. */
const EXPECTED: Record<string, string[]> = {
  draft: ["open"],
  open: ["closed"],
  closed: ["open", "published"],
  published: [],
};

async function read(id: number, headers: Record<string, string>) {
  return t.app.inject({ method: "GET", url: `/api/surveys/${id}`, headers });
}

async function move(id: number, to: string, headers: Record<string, string>) {
  return t.app.inject({ method: "POST", url: `/api/surveys/${id}/status`, headers, payload: { to } });
}

async function expectActionsAt(id: number, status: string) {
  const asCity = await read(id, city);
  expect(asCity.statusCode).toBe(200);
  expect(asCity.json().status).toBe(status);
  expect(asCity.json().actions).toEqual(EXPECTED[status]);
  const inList = (await t.app.inject({ method: "GET", url: "/api/surveys", headers: city }))
    .json()
    .items.find((s: { id: number }) => s.id === id);
  expect(inList.actions).toEqual(EXPECTED[status]);
  const asDistrict = await read(id, district);
  expect(asDistrict.statusCode).toBe(200);
  expect(asDistrict.json().actions).toEqual([]);
  expect((await read(id, agency)).statusCode).toBe(403);
  // what is withheld is refused by the same table
  for (const to of ALL.filter((a) => !EXPECTED[status].includes(a))) {
    const res = await move(id, to, city);
    expect(res.statusCode, `${status} → ${to}`).toBe(409);
  }
  // a district official may not take even an offered move
  for (const to of EXPECTED[status]) expect((await move(id, to, district)).statusCode).toBe(403);
}

describe("survey actions follow the transition table", () => {
  it("for each status and role, through draft → open → closed → reopened → closed → published", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/surveys",
      headers: city,
      payload: { title: "动作表调查", periodStart: "2025-01-01", periodEnd: "2025-12-31", dueDate: "2026-01-31" },
    });
    expect(created.statusCode).toBe(200);
    const id = created.json().id as number;
    expect(created.json().actions).toEqual(["open"]);
    const path: [string, string][] = [
      ["draft", "open"],
      ["open", "closed"],
      ["closed", "open"],
      ["open", "closed"],
      ["closed", "published"],
    ];
    for (const [from, to] of path) {
      await expectActionsAt(id, from);
      const res = await move(id, to, city);
      expect(res.statusCode, `${from} → ${to}`).toBe(200);
      expect(res.json()).toMatchObject({ status: to, actions: EXPECTED[to] });
    }
    await expectActionsAt(id, "published");
  });
});
