import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp, makeUser, sessionHeaders } from "../../testing/auth-fixtures.js";
import { workbook } from "./registry.test-support.js";

let t: AuthTestApp;
let city: Record<string, string>;
let jinshui: Record<string, string>;
let agency: Record<string, string>;

beforeAll(async () => {
  t = await authTestApp();
  const h = async (name: string, roles: Parameters<typeof makeUser>[2]) => ({
    host: "localhost",
    ...sessionHeaders(t, (await makeUser(t, name, roles)).id),
  });
  city = await h("reg-city", [{ role: "official" }]);
  jinshui = await h("reg-jinshui", [{ role: "official", district: "410105" }]);
  agency = await h("reg-agency", [{ role: "agency" }]);
});
afterAll(async () => t.close());

const body = {
  name: "郑州高新专利代理有限公司",
  category: "patent_agency",
  creditCode: "91410100MA00000009",
  districtCode: "410172",
  zone: "高新区",
  since: "2023-06-01",
};

describe("registry over HTTP", () => {
  it("officials register, the district official of another district neither sees nor edits it", async () => {
    const made = await t.app.inject({ method: "POST", url: "/api/registry/orgs", headers: city, payload: body });
    expect(made.statusCode).toBe(200);
    const id = made.json().id;
    expect(made.json()).toMatchObject({ status: "active", source: "manual", qualifications: [], brand: "none" });

    expect((await t.app.inject({ method: "GET", url: `/api/registry/orgs/${id}`, headers: jinshui })).statusCode).toBe(
      404,
    );
    const list = await t.app.inject({ method: "GET", url: "/api/registry/orgs", headers: jinshui });
    expect(list.json()).toEqual({ total: 0, items: [] });
    const edit = await t.app.inject({
      method: "PUT",
      url: `/api/registry/orgs/${id}`,
      headers: jinshui,
      payload: { ...body, name: "x公司" },
    });
    expect(edit.statusCode).toBe(404);
    const elsewhere = await t.app.inject({
      method: "POST",
      url: "/api/registry/orgs",
      headers: jinshui,
      payload: { ...body, creditCode: null },
    });
    expect(elsewhere.statusCode).toBe(403);

    const dup = await t.app.inject({ method: "POST", url: "/api/registry/orgs", headers: city, payload: body });
    expect(dup.statusCode).toBe(409);
    const detail = await t.app.inject({ method: "GET", url: `/api/registry/orgs/${id}`, headers: city });
    expect(detail.json().history[0]).toMatchObject({ action: "created", actor: "reg-city" });
  });

  it("is closed to the public and to agencies", async () => {
    expect(
      (await t.app.inject({ method: "GET", url: "/api/registry/orgs", headers: { host: "localhost" } })).statusCode,
    ).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/registry/orgs", headers: agency })).statusCode).toBe(403);
  });

  it("serves the template, imports a workbook (row-numbered errors) and exports", async () => {
    const tpl = await t.app.inject({ method: "GET", url: "/api/registry/xlsx/people/template", headers: city });
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers["content-type"]).toContain("spreadsheetml");
    expect(tpl.rawPayload.subarray(0, 2).toString()).toBe("PK");

    const file = await workbook(
      [
        "姓名*",
        "类别*",
        "证书编号",
        "所属机构统一社会信用代码",
        "区县代码",
        "功能区",
        "资质",
        "状态",
        "生效日期",
        "终止日期",
        "备注",
      ],
      [
        ["李四", "专利代理师", "A-1", "91410100MA00000009", "410172", "高新区", "执业", "有效", "2023-07-01", "", ""],
        ["王五", "律师", "", "", "410172", "", "", "", "", "", ""],
      ],
    );
    const payload = { fileName: "people.xlsx", contentBase64: file.toString("base64") };
    const bad = await t.app.inject({ method: "POST", url: "/api/registry/xlsx/people/import", headers: city, payload });
    expect(bad.json()).toMatchObject({ rejected: true, errors: [{ row: 3, column: "类别" }] });

    const fixed = await workbook(
      [
        "姓名*",
        "类别*",
        "证书编号",
        "所属机构统一社会信用代码",
        "区县代码",
        "功能区",
        "资质",
        "状态",
        "生效日期",
        "终止日期",
        "备注",
      ],
      [["李四", "专利代理师", "A-1", "91410100MA00000009", "410172", "高新区", "执业", "有效", "2023-07-01", "", ""]],
    );
    const ok = await t.app.inject({
      method: "POST",
      url: "/api/registry/xlsx/people/import",
      headers: city,
      payload: { fileName: "p.xlsx", contentBase64: fixed.toString("base64") },
    });
    expect(ok.json()).toEqual({ inserted: 1, updated: 0, errors: [], rejected: false });

    const exp = await t.app.inject({
      method: "GET",
      url: "/api/registry/xlsx/orgs/export?category=patent_agency",
      headers: city,
    });
    expect(exp.statusCode).toBe(200);
    expect(exp.headers["content-disposition"]).toContain("zhichan-orgs.xlsx");
  });
});
