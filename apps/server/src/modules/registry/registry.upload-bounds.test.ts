import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";
import { sharedStringsBomb } from "../../uploads/xlsx-test-kit.js";

/** Issue #13: a registry import workbook is read by the bounded reader only once the import is permitted. */

let t: AuthTestApp;
let city: Record<string, string>;
let agency: Record<string, string>;
const bomb = { fileName: "机构.xlsx", contentBase64: sharedStringsBomb(1500, true).toString("base64") };

beforeAll(async () => {
  t = await authTestApp();
  const h = async (name: string, roles: Parameters<typeof makeUser>[2]) => ({
    host: "localhost",
    ...sessionHeaders(t, (await makeUser(t, name, roles)).id),
  });
  city = await h("rb-city", [{ role: "official" }]);
  agency = await h("rb-agency", [{ role: "agency" }]);
});
afterAll(async () => t.close());

describe("a workbook bomb as a registry import", () => {
  it("is refused unread without the registry:write permission, and stopped by a bound with it", async () => {
    const url = "/api/registry/xlsx/orgs/import";
    expect((await t.app.inject({ method: "POST", url, headers: agency, payload: bomb })).statusCode).toBe(403);
    const res = await t.app.inject({ method: "POST", url, headers: city, payload: bomb });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain("工作簿过大：共享字符串超过");
    expect((await t.app.inject({ method: "GET", url: "/api/registry/orgs", headers: city })).statusCode).toBe(200);
  });
});
