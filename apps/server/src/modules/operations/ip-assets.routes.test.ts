import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { b64, type Caller, type CaseKit, caseKit, FILES } from "../cases/cases.test-kit.js";

/** Issue #17 item 6: trademarks and the other rights in listings, pledges, complaints and valuations. */
let k: CaseKit;
let ent: Caller;
let official: Caller;

beforeAll(async () => {
  k = await caseKit();
  ent = await k.user("tm-ent", "enterprise", { org: k.org("郑州某食品有限公司", "91350100M000100Y43", "410105") });
  official = await k.user("tm-official", "official");
});
afterAll(async () => k.close());

const open = (type: string, form: Record<string, unknown>) =>
  ent.post("/api/cases", { type, title: `${type} 申请`, filedAs: ent.filedAs, form });

describe("a trademark as the asset", () => {
  it("is listed for licence with its Nice class and found in the marketplace by type", async () => {
    const form = { listingKind: "licence", assetType: "trademark", assetNumber: "41173195", assetTitle: "某商标" };
    const noClass = await open("ip_listing", form);
    expect(noClass.status).toBe(400);
    expect(JSON.stringify(noClass.body)).toContain("niceClass");
    const badNo = await open("ip_listing", { ...form, assetNumber: "CN114000001A", niceClass: 29 });
    expect(badNo.status).toBe(400);
    expect(JSON.stringify(badNo.body)).toContain("trademark registration number");
    const made = await open("ip_listing", { ...form, niceClass: 29 });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    await official.post(`/api/cases/${made.body.id}/transitions/publish`, {});
    const page = (await k.t.app.inject({ method: "GET", url: "/api/marketplace?assetType=trademark" })).json();
    expect(page.items).toEqual([
      expect.objectContaining({ assetType: "trademark", assetNumber: "41173195", niceClass: 29, patent: null }),
    ]);
    const soft = await k.t.app.inject({ method: "GET", url: "/api/marketplace?assetType=software_copyright" });
    expect(soft.json().total).toBe(0);
  });

  it("is pledged, registered with its type, and its amount feeds the pledge total", async () => {
    const form = { pledgor: "郑州某食品有限公司", bank: "某银行郑州分行", amountYuan: 3_000_000, termMonths: 24 };
    expect((await open("pledge_financing", { ...form, assetType: "trademark", assetNumbers: ["ZL2021"] })).status).toBe(
      400,
    );
    const made = await open("pledge_financing", { ...form, assetType: "trademark", assetNumbers: ["41173195/29"] });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    const id = made.body.id as number;
    await ent.post(`/api/cases/${id}/attachments`, {
      kind: "loan_contract",
      filename: "借款合同.pdf",
      contentBase64: b64(FILES.pdf),
    });
    const reg = await official.post(`/api/cases/${id}/transitions/register`, {
      input: { registrationNo: "TMZY2026001", registeredOn: "2026-01-20", amountYuan: 3_000_000 },
    });
    expect(reg.status, JSON.stringify(reg.body)).toBe(200);
    const row = k.t.db.sqlite
      .prepare("SELECT asset_type, patents_json FROM pledge_registrations WHERE case_id = ?")
      .get(id);
    expect(row).toEqual({ asset_type: "trademark", patents_json: JSON.stringify(["41173195/29"]) });
    expect((await official.get("/api/pledges/total?year=2026")).body.amountYuan).toBe(3_000_000);
  });

  it("is named in a complaint with its class, and an IC layout without one", async () => {
    const c = { respondent: "某网店", channel: "ecommerce", description: "销售假冒注册商标的商品" };
    expect(
      (await open("infringement_complaint", { ...c, rightType: "trademark", rightNumber: "41173195", niceClass: 29 }))
        .status,
    ).toBe(200);
    expect(
      (await open("infringement_complaint", { ...c, rightType: "ic_layout", rightNumber: "BS.215012345" })).status,
    ).toBe(200);
    expect(
      (await open("infringement_complaint", { ...c, rightType: "ic_layout", rightNumber: "41173195" })).status,
    ).toBe(400);
  });
});

describe("declared-input valuation of rights other than patents (public)", () => {
  const get = (q: string) => k.t.app.inject({ method: "GET", url: `/api/valuations/assets?${q}` });

  it("scores a trademark from what the owner declares", async () => {
    const res = await get("type=trademark&number=41173195&niceClass=29&since=2020-03-01&recognition=80&marketSize=60");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      asset: { type: "trademark", number: "41173195", niceClass: 29 },
      purpose: "financing",
    });
    expect(res.json().lines.map((l: { indicator: string }) => l.indicator)).toContain("recognition");
  });

  it("refuses a number in another type's format, a patent (valued from its record) and a class on a GI", async () => {
    expect((await get("type=software_copyright&number=41173195")).statusCode).toBe(400);
    expect((await get("type=patent&number=CN114000001A")).statusCode).toBe(400);
    expect((await get("type=gi&number=AGI02656&niceClass=29")).statusCode).toBe(400);
    expect((await get("type=gi&number=AGI02656")).statusCode).toBe(200);
  });
});
